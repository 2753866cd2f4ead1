// What a backtest must read for a definition, decided once before the scan.
// Pure. Replaying only the events a definition can react to is exact: the
// core reads events only through the trigger, waits, the goal and counting
// conditions, so other event names cannot change any decision.

import { requiredCounts } from "@/lib/journey-core/count-queries";
import { durationToMs, type JourneyDefinition } from "@/lib/journey-core/definition";
import { indexJourney } from "@/lib/journey-core/journey-graph";
import { segmentTransitionEvent } from "@/lib/journey-core/match-trigger";

export interface BacktestPlan {
  /** Track event names to replay in the window. */
  windowNames: string[];
  /** Track event names needed before the window (counting conditions, first-time triggers). */
  historyNames: string[];
  /** How far back before the window they are needed; null = all history. */
  historyMs: number | null;
  /** The goal's event (read after the window too, for "converted later"), if any. */
  goalEvent: string | null;
  /** How long after the window a goal can still count (the goal window), in ms. */
  goalAfterMs: number;
  /** Identify calls change traits and can trigger trait-change journeys. */
  triggerKind: "event" | "trait_change";
  triggerEvent: string | null;
}

/** After the window, goals without a time limit are looked for this long. */
export const OPEN_GOAL_AFTER_MS = 30 * 86_400_000;

export type PlanResult = { plan: BacktestPlan } | { problem: string };

export function planBacktest(definition: JourneyDefinition): PlanResult {
  const trigger = indexJourney(definition).trigger?.trigger;
  if (!trigger) return { problem: "The journey has no trigger node." };
  if (trigger.kind === "inactivity") {
    return {
      problem:
        "Backtests replay events; journeys triggered by inactivity cannot be backtested yet.",
    };
  }
  const counts = requiredCounts(definition);
  const names = new Set<string>();
  // A segment trigger replays the entries/exits its segment recorded as events.
  const triggerEvent =
    trigger.kind === "event"
      ? trigger.event
      : trigger.kind === "segment"
        ? segmentTransitionEvent(trigger.on)
        : null;
  if (triggerEvent) names.add(triggerEvent);
  for (const node of definition.nodes) if (node.type === "wait") names.add(node.event);
  const goal = definition.settings.goal ?? null;
  if (goal) names.add(goal.event);
  for (const query of counts) names.add(query.event);
  const historyNames = [...new Set(counts.map((q) => q.event))];
  const unbounded = counts.some((q) => q.withinMs === null || q.beforeTrigger);
  const historyMs = unbounded ? null : Math.max(0, ...counts.map((q) => q.withinMs ?? 0));
  return {
    plan: {
      windowNames: [...names].sort(),
      historyNames: historyNames.sort(),
      historyMs: historyNames.length === 0 ? 0 : historyMs,
      goalEvent: goal?.event ?? null,
      goalAfterMs: goal?.within ? durationToMs(goal.within) : OPEN_GOAL_AFTER_MS,
      triggerKind: trigger.kind === "segment" ? "event" : trigger.kind,
      triggerEvent,
    },
  };
}
