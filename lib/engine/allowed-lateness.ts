// How long a timer waits past its due time for events that clients send late
// (batched, retried, offline), so that an event that happened before the
// timeout still ends the wait. The trade-off: every timeout, delay and
// inactivity fires this much later than its due time (it is still *decided*
// as of its due time). An event of the same user that happened after the
// timer waits for it too (event-queue.ts: at most this long, and only events
// that came right after a timer of their profile). An event that arrives
// after its timer fired is traced as "late" (nothing is unsent).

const DEFAULT_ALLOWED_LATENESS_MS = 5_000;

export function allowedLatenessMs(): number {
  const raw = process.env.CUE_ALLOWED_LATENESS_MS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_ALLOWED_LATENESS_MS;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_ALLOWED_LATENESS_MS;
}

/**
 * Strict event order (CUE_STRICT_EVENT_ORDER=true): the event task evaluates
 * an event only once its allowed lateness has passed (event time + lateness
 * ≤ now), in event-time order. Every decision then sees every event of its
 * profile that happened before it, including triggers and identifies that
 * reach Cue late, at the cost of answering each event that much later. Off by
 * default: an event is evaluated as soon as it is committed, and a trigger or
 * identify that arrives after a later decision of its profile cannot change
 * that decision (it is traced as late). Every process must agree on it.
 */
export function strictEventOrder(): boolean {
  const raw = process.env.CUE_STRICT_EVENT_ORDER?.trim().toLowerCase();
  return raw === "true" || raw === "1";
}
