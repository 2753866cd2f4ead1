// Ingestion limits, in one place so the docs, the tests and the code agree.
// The sizes are Segment's HTTP Tracking API limits, so payloads that work
// against Segment work against Cue.

/** Largest single call (one /track body or one batch item), in bytes of JSON. */
export const MAX_EVENT_BYTES = 32 * 1024;

/** Largest /batch request body, in bytes. */
export const MAX_BATCH_BYTES = 500 * 1024;

/** Most items in one /batch request. */
export const MAX_BATCH_ITEMS = 2_500;

/**
 * Deepest nesting of objects/arrays inside any top-level field
 * (`properties: { a: { b: 1 } }` is 2 levels). Deeper payloads are almost
 * always a serialisation bug (a circular structure flattened by hand) and
 * make every reader of the JSON pay for it.
 */
export const MAX_NESTING_DEPTH = 10;

/** Longest id (userId, anonymousId, messageId, groupId, previousId) and event name. */
export const MAX_ID_LENGTH = 255;

/**
 * Event times Cue refuses: more than 24 h ahead of the server clock (after
 * clock-skew correction, so a phone whose clock is a day fast still gets
 * through) or before 2000-01-01 (an epoch-zero or seconds-as-milliseconds
 * bug). Such events would sort wrongly forever and fire time-based journeys
 * at the wrong moment, so they are rejected with their reason instead.
 */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
export const MIN_TIMESTAMP = Date.UTC(2000, 0, 1);

/** Requests per second per write key (a DB-backed fixed window). */
export function ingestRateLimitPerSecond(): number {
  const value = Number(process.env.INGEST_RATE_LIMIT_PER_SECOND);
  return Number.isFinite(value) && value > 0 ? value : 5_000;
}
