import { describe, expect, it } from "vitest";
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffDelayMs,
  classifyBatchAnswer,
  classifySendAnswer,
  DEFAULT_RETRY_AFTER_MS,
  type ProviderAnswer,
  parseRetryAfter,
  RETRY_WINDOW_MS,
} from "./retry-policy";

const now = new Date("2026-03-01T12:00:00Z");
const ctx = { attempt: 1, maxAttempts: 8, now, random: () => 0.5 };
const error = (statusCode: number | null, message = "boom", name = "application_error") => ({
  data: null,
  error: { statusCode, message, name },
  headers: {},
});

describe("classifySendAnswer", () => {
  it("an id is a send", () => {
    expect(classifySendAnswer({ data: { id: "e1" }, error: null, headers: {} }, ctx)).toEqual({
      kind: "sent",
      providerId: "e1",
    });
  });

  it("429 is rate_limited: waits for retry-after from the answer, plus at most 250 ms jitter", () => {
    const answer: ProviderAnswer = {
      ...error(429, "Too many requests"),
      headers: { "retry-after": "3" },
    };
    expect(classifySendAnswer(answer, { ...ctx, random: () => 0 })).toEqual({
      kind: "rate_limited",
      at: new Date(now.getTime() + 3000),
      retryAfterMs: 3000,
      reason: "Too many requests (429)",
    });
    const late = classifySendAnswer(answer, { ...ctx, random: () => 0.999 });
    expect(late.kind === "rate_limited" && late.at.getTime() - now.getTime()).toBe(3250);
  });

  it("429 is never an attempt: even past maxAttempts it waits, never fails", () => {
    const outcome = classifySendAnswer(error(429), { ...ctx, attempt: 99 });
    expect(outcome).toMatchObject({ kind: "rate_limited", retryAfterMs: DEFAULT_RETRY_AFTER_MS });
  });

  it.each([500, 502, 503])("%i backs off exponentially with jitter", (status) => {
    const first = classifySendAnswer(error(status), { ...ctx, attempt: 1, random: () => 0 });
    const third = classifySendAnswer(error(status), { ...ctx, attempt: 3, random: () => 0.999 });
    expect(first.kind === "retry" && first.at.getTime() - now.getTime()).toBe(BACKOFF_BASE_MS / 2);
    const thirdDelay = third.kind === "retry" ? third.at.getTime() - now.getTime() : -1;
    expect(thirdDelay).toBeGreaterThan(BACKOFF_BASE_MS * 4 * 0.99);
    expect(thirdDelay).toBeLessThanOrEqual(BACKOFF_BASE_MS * 4);
  });

  it("timeouts and network errors retry", () => {
    expect(classifySendAnswer({ ...error(null), timedOut: true }, ctx)).toMatchObject({
      kind: "retry",
      reason: "Timed out waiting for Resend.",
    });
    expect(classifySendAnswer(error(null, "Unable to fetch data."), ctx).kind).toBe("retry");
  });

  it("a concurrent request with the same key retries", () => {
    const answer = error(409, "in progress", "concurrent_idempotent_requests");
    expect(classifySendAnswer(answer, ctx).kind).toBe("retry");
  });

  it("other 4xx fail with Resend's message", () => {
    const answer = error(422, "Invalid `to` field.", "validation_error");
    expect(classifySendAnswer(answer, ctx)).toEqual({
      kind: "failed",
      reason: "Invalid `to` field. (422)",
    });
    expect(classifySendAnswer(error(403, "Domain not verified"), ctx).kind).toBe("failed");
  });

  it("stops retrying before the idempotency key expires", () => {
    const firstAttemptAt = new Date(now.getTime() - RETRY_WINDOW_MS + 500);
    const outcome = classifySendAnswer(error(503, "down"), {
      ...ctx,
      attempt: 20,
      maxAttempts: 40,
      firstAttemptAt,
    });
    expect(outcome.kind).toBe("failed");
    expect(outcome.kind === "failed" && outcome.reason).toMatch(
      /Gave up after 20 attempts over 23 h/,
    );
    const early = classifySendAnswer(error(503, "down"), {
      ...ctx,
      attempt: 20,
      maxAttempts: 40,
      firstAttemptAt: now,
    });
    expect(early.kind).toBe("retry");
  });

  it("gives up after the last attempt", () => {
    expect(classifySendAnswer(error(500, "down"), { ...ctx, attempt: 8 })).toEqual({
      kind: "failed",
      reason: "Gave up after 8 attempts: down (500)",
    });
  });
});

describe("backoff and retry-after", () => {
  it("grows and is capped", () => {
    const max = () => 0.999999;
    expect(backoffDelayMs(1, max)).toBeLessThan(backoffDelayMs(2, max));
    expect(backoffDelayMs(30, max)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
  });

  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter(new Date(now.getTime() + 5000).toUTCString(), now)).toBe(5000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});

describe("classifyBatchAnswer", () => {
  const ids = (n: number) => ({ data: Array.from({ length: n }, (_, i) => ({ id: `e${i}` })) });

  it("every email's id, in request order, is a send", () => {
    expect(classifyBatchAnswer({ data: ids(3), error: null, headers: {} }, 3, ctx)).toEqual({
      kind: "sent",
      providerIds: ["e0", "e1", "e2"],
    });
  });

  it("an answer whose ids do not match the request is retried under the same key, never half-recorded", () => {
    const outcome = classifyBatchAnswer({ data: ids(2), error: null, headers: {} }, 3, ctx);
    expect(outcome).toMatchObject({ kind: "retry", reason: "Resend answered 2 ids for 3 emails." });
    expect(classifyBatchAnswer({ data: null, error: null, headers: {} }, 3, ctx).kind).toBe(
      "retry",
    );
  });

  it.each([400, 401, 403, 422, 451])("%i sent nothing: split into single sends", (status) => {
    expect(classifyBatchAnswer(error(status, "Invalid `to` field."), 3, ctx)).toEqual({
      kind: "split",
      reason: `Invalid \`to\` field. (${status})`,
    });
  });

  it("429, 5xx, timeouts and a concurrent 409 keep the batch together", () => {
    const limited = classifyBatchAnswer({ ...error(429), headers: { "retry-after": "2" } }, 3, {
      ...ctx,
      random: () => 0,
    });
    expect(limited).toMatchObject({ kind: "rate_limited", retryAfterMs: 2000 });
    expect(classifyBatchAnswer(error(500), 3, ctx).kind).toBe("retry");
    expect(classifyBatchAnswer({ ...error(null), timedOut: true }, 3, ctx).kind).toBe("retry");
    expect(
      classifyBatchAnswer(error(409, "busy", "concurrent_idempotent_requests"), 3, ctx).kind,
    ).toBe("retry");
  });

  it("a 409 for a changed body fails every mate (the key may have sent the first body)", () => {
    expect(
      classifyBatchAnswer(error(409, "Different payload.", "invalid_idempotent_request"), 3, ctx),
    ).toEqual({ kind: "failed", reason: "Different payload. (409)" });
  });
});
