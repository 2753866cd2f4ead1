// The event a journey is triggered by, for the pickers that suggest that
// event's properties as "event property" (filters, branches, Liquid).

import type { JourneyNode } from "@/lib/journey-core/definition";

/** The trigger's event name when the journey starts on an event; undefined otherwise. */
export function triggerEventOf(nodes: readonly JourneyNode[]): string | undefined {
  const trigger = nodes.find((node) => node.type === "trigger");
  return trigger?.type === "trigger" && trigger.trigger?.kind === "event"
    ? trigger.trigger.event
    : undefined;
}
