import { describe, expect, it } from "vitest";
import { decideRetry, MAX_ATTEMPTS, parseRetryAfter, RETRY_DELAYS_MS } from "./retry-schedule";

const T0 = new Date("2026-01-01T00:00:00Z");
const delayOf = (d: { kind: string; at?: Date }) =>
  d.kind === "retry" && d.at ? d.at.getTime() - T0.getTime() : null;

describe("decideRetry", () => {
  it.each([
    [200, "succeeded"],
    [204, "succeeded"],
    [400, "failed"],
    [404, "failed"],
    [410, "failed"],
    [408, "retry"],
    [429, "retry"],
    [500, "retry"],
    [503, "retry"],
    [null, "retry"],
  ])("HTTP %s → %s", (statusCode, kind) => {
    expect(decideRetry({ statusCode }, 1, T0).kind).toBe(kind);
  });

  it("follows the Svix schedule with ±20 % jitter", () => {
    RETRY_DELAYS_MS.forEach((delay, i) => {
      expect(delayOf(decideRetry({ statusCode: 500 }, i + 1, T0, () => 0.5))).toBe(delay);
      expect(delayOf(decideRetry({ statusCode: 500 }, i + 1, T0, () => 0))).toBe(delay * 0.8);
      expect(delayOf(decideRetry({ statusCode: 500 }, i + 1, T0, () => 1))).toBe(delay * 1.2);
    });
    const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total / 3_600_000).toBeGreaterThan(24);
    expect(total / 3_600_000).toBeLessThan(30);
  });

  it("waits for Retry-After when longer than the schedule, never for more than a day", () => {
    expect(delayOf(decideRetry({ statusCode: 429, retryAfterMs: 60_000 }, 1, T0, () => 0.5))).toBe(
      60_000,
    );
    expect(delayOf(decideRetry({ statusCode: 429, retryAfterMs: 1_000 }, 1, T0, () => 0.5))).toBe(
      5_000,
    );
    expect(delayOf(decideRetry({ statusCode: 429, retryAfterMs: 9e9 }, 1, T0, () => 0.5))).toBe(
      86_400_000,
    );
  });

  it("stops after the last attempt and never retries a refused address", () => {
    expect(decideRetry({ statusCode: 500 }, MAX_ATTEMPTS, T0).kind).toBe("failed");
    expect(decideRetry({ statusCode: null, permanent: true }, 1, T0)).toEqual({
      kind: "failed",
      reason: "refused",
    });
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("120", T0)).toBe(120_000);
    expect(parseRetryAfter("1.5", T0)).toBe(1_500);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:01:00 GMT", T0)).toBe(60_000);
    expect(parseRetryAfter("soon", T0)).toBeNull();
    expect(parseRetryAfter(undefined, T0)).toBeNull();
  });
});
