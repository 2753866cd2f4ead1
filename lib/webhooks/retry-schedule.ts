// When to try a webhook again (pure). The Standard Webhooks / Svix schedule:
// immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after each
// failure — 8 attempts over about 27 hours. Each delay gets ±20 % jitter so
// a receiver that comes back is not hit by every retry at once. A 429 or 503
// with Retry-After waits at least that long.

export const RETRY_DELAYS_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
] as const;

/** Attempts a message gets before it fails for good. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** Every attempt failing for this long disables the endpoint. */
export const DISABLE_AFTER_MS = 24 * 3_600_000;

export interface AttemptResult {
  /** HTTP status, or null for a network error, a timeout or a refused address. */
  statusCode: number | null;
  /** Retry-After in milliseconds, when the receiver sent one. */
  retryAfterMs?: number | null;
  /** Never retry (a private address refused by policy). */
  permanent?: boolean;
}

export type RetryDecision =
  | { kind: "succeeded" }
  | { kind: "retry"; at: Date }
  | { kind: "failed"; reason: string };

export function isSuccess(statusCode: number | null): boolean {
  return statusCode !== null && statusCode >= 200 && statusCode < 300;
}

/** Network errors, timeouts, 408, 429 and 5xx are worth another try; other answers are not. */
export function isRetryable(result: AttemptResult): boolean {
  if (result.permanent) return false;
  const code = result.statusCode;
  return code === null || code === 408 || code === 429 || code >= 500;
}

export function decideRetry(
  result: AttemptResult,
  attempts: number,
  now: Date,
  random: () => number = Math.random,
): RetryDecision {
  if (isSuccess(result.statusCode)) return { kind: "succeeded" };
  if (!isRetryable(result)) {
    return {
      kind: "failed",
      reason: result.permanent ? "refused" : `not retried (HTTP ${result.statusCode})`,
    };
  }
  if (attempts >= MAX_ATTEMPTS) return { kind: "failed", reason: `${attempts} attempts failed` };
  const base = RETRY_DELAYS_MS[Math.max(0, attempts - 1)];
  const jittered = base * (0.8 + 0.4 * random());
  const wait = Math.max(jittered, Math.min(result.retryAfterMs ?? 0, DISABLE_AFTER_MS));
  return { kind: "retry", at: new Date(now.getTime() + Math.round(wait)) };
}

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now.getTime());
}
