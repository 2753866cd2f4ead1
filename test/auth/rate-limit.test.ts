import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hitRateLimit, peekRateLimit } from "@/lib/auth/rate-limit";

// Fixed windows shared through PostgreSQL: hits count, peeks do not.
describe("rate limits", () => {
  const at = (iso: string) => new Date(iso);

  it("allows up to the limit in a window, says when it ends, and starts over in the next", async () => {
    const key = `test:${randomUUID()}`;
    const now = at("2026-04-01T10:00:10.000Z");
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await hitRateLimit(key, 2, 60, now));
    expect(hits.map((hit) => [hit.allowed, hit.count])).toEqual([
      [true, 1],
      [true, 2],
      [false, 3],
    ]);
    expect(hits[2]?.retryAfterSeconds).toBe(50);

    expect(await peekRateLimit(key, 2, 60, at("2026-04-01T10:00:59.500Z"))).toEqual({
      allowed: false,
      count: 3,
      retryAfterSeconds: 1,
    });
    expect(await peekRateLimit(key, 2, 60, at("2026-04-01T10:01:00.000Z"))).toEqual({
      allowed: true,
      count: 0,
      retryAfterSeconds: 60,
    });
    expect((await hitRateLimit(key, 2, 60, at("2026-04-01T10:01:05.000Z"))).count).toBe(1);
  });

  it("peeks allow while the count is under the limit", async () => {
    const key = `test:${randomUUID()}`;
    const now = at("2026-04-01T10:00:00.000Z");
    await hitRateLimit(key, 2, 60, now);
    expect((await peekRateLimit(key, 2, 60, now)).allowed).toBe(true);
    await hitRateLimit(key, 2, 60, now);
    expect((await peekRateLimit(key, 2, 60, now)).allowed).toBe(false);
  });
});
