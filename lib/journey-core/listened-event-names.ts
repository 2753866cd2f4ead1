import type { JourneyDefinition } from "./definition";
import { segmentTransitionEvent } from "./match-trigger";

/**
 * The tracked event names a run of this definition can react to: its event
 * trigger, its waits and its goal. Ingestion hands the engine only events
 * named here (plus identifies when a trait-change journey is live); all else
 * the core reads, such as has_done counts, comes from the events table.
 */
export function listenedEventNames(definition: JourneyDefinition): string[] {
  const names = new Set<string>();
  for (const node of definition.nodes) {
    if (node.type === "trigger" && node.trigger.kind === "event") names.add(node.trigger.event);
    if (node.type === "trigger" && node.trigger.kind === "segment") {
      names.add(segmentTransitionEvent(node.trigger.on));
    }
    if (node.type === "wait") names.add(node.event);
  }
  if (definition.settings.goal) names.add(definition.settings.goal.event);
  return [...names].sort();
}
