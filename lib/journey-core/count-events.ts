// Answers CountQueries from an in-memory event list: the simulator's (and a
// backtest's) stand-in for the shell's SQL counts, with the same semantics.

import { type CountQuery, countKey } from "./count-queries";
import { matchesWhere } from "./evaluate-condition";
import type { EventCounts, JourneyEvent } from "./facts";

/**
 * `log` is in processing order. Window counts take events with timestamp in
 * (now − withinMs, now]; first-time counts take the events before
 * `log[triggerIndex]` (pass -1 when there is no trigger event).
 */
export function countEvents(
  log: readonly JourneyEvent[],
  query: CountQuery,
  now: Date,
  triggerIndex: number,
): number {
  const matches = (event: JourneyEvent) =>
    event.name === query.event && matchesWhere(query.where, event.properties).pass;
  if (query.beforeTrigger) {
    return triggerIndex < 0 ? 0 : log.slice(0, triggerIndex).filter(matches).length;
  }
  const end = now.getTime();
  const start = query.withinMs === null ? Number.NEGATIVE_INFINITY : end - query.withinMs;
  return log.filter((e) => {
    const at = e.timestamp.getTime();
    return at > start && at <= end && matches(e);
  }).length;
}

export function countAll(
  queries: readonly CountQuery[],
  log: readonly JourneyEvent[],
  now: Date,
  triggerIndex = -1,
): EventCounts {
  return Object.fromEntries(
    queries.map((q) => [countKey(q), countEvents(log, q, now, triggerIndex)]),
  );
}
