// When to try a webhook step's request again (pure). Shorter than event
// webhooks' 27 hours (retry-schedule.ts) on purpose: a run waits at the step
// for the outcome, and a journey that branches on "failed" should take that
// branch while its message is still timely. 5 attempts: at once, then after
// 30 s, 1 min, 3 min and 10 min (±20 % jitter), so the failed exit comes
// about 15 minutes after the step. A 429/503 Retry-After is honoured up to
// 10 minutes. What counts as success or worth retrying is the event
// webhooks' rule (isSuccess, isRetryable).

import { type AttemptResult, isRetryable, isSuccess, type RetryDecision } from "./retry-schedule";

export const STEP_RETRY_DELAYS_MS = [30_000, 60_000, 3 * 60_000, 10 * 60_000] as const;
export const STEP_MAX_ATTEMPTS = STEP_RETRY_DELAYS_MS.length + 1;
const MAX_RETRY_AFTER_MS = 10 * 60_000;

export function decideStepRetry(
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
  if (attempts >= STEP_MAX_ATTEMPTS)
    return { kind: "failed", reason: `${attempts} attempts failed` };
  const base = STEP_RETRY_DELAYS_MS[Math.max(0, attempts - 1)];
  const jittered = base * (0.8 + 0.4 * random());
  const wait = Math.max(jittered, Math.min(result.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
  return { kind: "retry", at: new Date(now.getTime() + Math.round(wait)) };
}
