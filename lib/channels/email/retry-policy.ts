// What to do with one answer from Resend. Pure: the clock and the jitter
// source are inputs, so every branch is tested without a network.
//
// - accepted → sent;
// - 429 → retry after `retry-after` (seconds or an HTTP date);
// - 5xx, timeouts, network errors, and 409 concurrent_idempotent_requests
//   (the same key is still in flight elsewhere) → exponential backoff with
//   jitter;
// - any other 4xx → failed with Resend's message;
// - after maxAttempts, a retryable failure is final too.

export interface ProviderError {
  message?: string;
  name?: string;
  statusCode?: number | null;
}

export interface ProviderAnswer {
  data: { id?: string } | null;
  error: ProviderError | null;
  headers: Record<string, string> | null;
  /** Set by the caller when its own timeout aborted the request. */
  timedOut?: boolean;
}

export type SendOutcome =
  | { kind: "sent"; providerId: string }
  | { kind: "retry"; at: Date; reason: string }
  | { kind: "failed"; reason: string };

export interface RetryContext {
  /** This attempt's number, 1-based. */
  attempt: number;
  maxAttempts: number;
  now: Date;
  /** [0, 1); Math.random in production. */
  random: () => number;
}

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 10 * 60_000;
const RETRY_AFTER_CAP_MS = 24 * 3_600_000;

/** Equal jitter: half the exponential delay, plus a random share of the other half. */
export function backoffDelayMs(attempt: number, random: () => number): number {
  const exponential = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** `retry-after` as milliseconds from now: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}

function describeError(error: ProviderError | null, timedOut: boolean | undefined): string {
  if (timedOut) return "Timed out waiting for Resend.";
  if (!error) return "Resend returned no email id.";
  const status = error.statusCode ? ` (${error.statusCode})` : "";
  return `${error.message ?? "Unknown error"}${status}`;
}

export function classifySendAnswer(answer: ProviderAnswer, ctx: RetryContext): SendOutcome {
  const id = answer.data?.id;
  if (id && !answer.error) return { kind: "sent", providerId: id };

  const error = answer.error;
  const status = error?.statusCode ?? null;
  const reason = describeError(error, answer.timedOut);
  const retryable =
    answer.timedOut ||
    !error ||
    status === null ||
    status === undefined ||
    status === 429 ||
    status >= 500 ||
    error.name === "concurrent_idempotent_requests";
  if (!retryable) return { kind: "failed", reason };
  if (ctx.attempt >= ctx.maxAttempts) {
    return { kind: "failed", reason: `Gave up after ${ctx.attempt} attempts: ${reason}` };
  }

  let delay = backoffDelayMs(ctx.attempt, ctx.random);
  if (status === 429) {
    const retryAfter = parseRetryAfter(answer.headers?.["retry-after"], ctx.now);
    if (retryAfter !== null) delay = Math.min(retryAfter, RETRY_AFTER_CAP_MS);
  }
  return { kind: "retry", at: new Date(ctx.now.getTime() + delay), reason };
}
