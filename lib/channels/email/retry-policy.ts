// What to do with one answer from Resend. Pure: the clock and the jitter
// source are inputs, so every branch is tested without a network.
//
// - accepted → sent;
// - 429 → rate_limited: not an attempt; wait `retry-after` (seconds or an
//   HTTP date) counted from `answeredAt`, the moment the answer arrived;
// - 5xx, timeouts, network errors (resets), and 409
//   concurrent_idempotent_requests (the same key is still in flight
//   elsewhere) → retry with exponential backoff and equal jitter, as long as
//   the retry still falls inside the retry window (23 h from the first
//   attempt, inside Resend's 24 h idempotency-key lifetime, so a retry can
//   never become a second email), and at most maxAttempts;
// - any other 4xx → failed at once with Resend's message.

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
  | { kind: "rate_limited"; at: Date; retryAfterMs: number; reason: string }
  | { kind: "failed"; reason: string };

export interface RetryContext {
  /** This attempt's number, 1-based (429s are not attempts). */
  attempt: number;
  maxAttempts: number;
  /** When the answer arrived: the base of every delay. */
  now: Date;
  /** When this message's key was first sent (null: now). */
  firstAttemptAt?: Date | null;
  /** [0, 1); Math.random in production. */
  random: () => number;
}

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 30 * 60_000;
/** Resend keeps an idempotency key for 24 h. */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 3_600_000;
/** Transient retries stop an hour before the key expires. */
export const RETRY_WINDOW_MS = 23 * 3_600_000;
/** Without retry-after, a 429 waits this long. */
export const DEFAULT_RETRY_AFTER_MS = 1_000;
/** Spread the wake-ups after a shared 429 a little (added, never subtracted). */
const RATE_LIMIT_JITTER_MS = 250;

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
  if (status === 429 && !answer.timedOut) {
    const retryAfter = Math.min(
      parseRetryAfter(answer.headers?.["retry-after"], ctx.now) ?? DEFAULT_RETRY_AFTER_MS,
      IDEMPOTENCY_KEY_LIFETIME_MS,
    );
    const at = new Date(
      ctx.now.getTime() + retryAfter + Math.round(ctx.random() * RATE_LIMIT_JITTER_MS),
    );
    return { kind: "rate_limited", at, retryAfterMs: retryAfter, reason };
  }
  const retryable =
    answer.timedOut ||
    !error ||
    status === null ||
    status === undefined ||
    status >= 500 ||
    error.name === "concurrent_idempotent_requests";
  if (!retryable) return { kind: "failed", reason };
  if (ctx.attempt >= ctx.maxAttempts) {
    return { kind: "failed", reason: `Gave up after ${ctx.attempt} attempts: ${reason}` };
  }
  const at = new Date(ctx.now.getTime() + backoffDelayMs(ctx.attempt, ctx.random));
  const first = (ctx.firstAttemptAt ?? ctx.now).getTime();
  if (at.getTime() - first > RETRY_WINDOW_MS) {
    return {
      kind: "failed",
      reason: `Gave up after ${ctx.attempt} attempts over ${Math.round((ctx.now.getTime() - first) / 3_600_000)} h (the idempotency key expires at 24 h): ${reason}`,
    };
  }
  return { kind: "retry", at, reason };
}

// A batch (POST /emails/batch) is one request for up to 100 emails under one
// Idempotency-Key, and its answer decides for all of them:
// - accepted → sent, each email's id at its position in the request;
// - 429 → rate_limited, 5xx / timeout / reset / 409 concurrent → retry,
//   409 invalid_idempotent_request → failed: as for a single email, for
//   every mate together, so the batch is retried as the identical request;
// - any other 4xx → split: with strict validation (the SDK's default) Resend
//   checks the whole batch first and sends nothing when anything in it is
//   wrong, and the same request always validates the same way, so a 4xx
//   means this key was never accepted. Each mate then goes alone under its
//   own key and gets its own verdict (one bad address fails alone).

export interface BatchAnswer {
  data: { data?: { id?: string }[] } | null;
  error: ProviderError | null;
  headers: Record<string, string> | null;
  timedOut?: boolean;
}

export type BatchOutcome =
  | { kind: "sent"; providerIds: string[] }
  | { kind: "split"; reason: string }
  | Exclude<SendOutcome, { kind: "sent" }>;

export function classifyBatchAnswer(
  answer: BatchAnswer,
  size: number,
  ctx: RetryContext,
): BatchOutcome {
  const ids = answer.data?.data?.map((d) => d?.id);
  if (!answer.error && ids && ids.length === size && ids.every((id) => typeof id === "string")) {
    return { kind: "sent", providerIds: ids as string[] };
  }
  const status = answer.error?.statusCode ?? null;
  if (!answer.timedOut && status !== null && status >= 400 && status < 500) {
    if (status !== 409 && status !== 429) {
      return { kind: "split", reason: describeError(answer.error, false) };
    }
  }
  const error =
    answer.error ??
    ({
      message: `Resend answered ${ids?.length ?? "no"} ids for ${size} emails.`,
      statusCode: null,
    } satisfies ProviderError);
  const outcome = classifySendAnswer({ ...answer, data: null, error }, ctx);
  if (outcome.kind === "sent") throw new Error("unreachable: an answer without data is not sent");
  return outcome;
}
