import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as alias } from "@/app/api/v1/alias/route";
import { POST as batch } from "@/app/api/v1/batch/route";
import { POST as group } from "@/app/api/v1/group/route";
import { POST as identify } from "@/app/api/v1/identify/route";
import { POST as page } from "@/app/api/v1/page/route";
import { POST as screen } from "@/app/api/v1/screen/route";
import { POST as track } from "@/app/api/v1/track/route";
import { prisma } from "@/lib/db/client";
import {
  createRevokedWriteKey,
  createTestWorkspace,
  type TestWorkspace,
} from "@/test/fixtures/workspace";
import { ingestHelpers, json, uid } from "./ingest-http-fixtures";

// The tracking API over HTTP: its endpoints, dedupe, keys and CORS. What it
// does with unreadable or unusual input is in ingest-http-input.test.ts.

let ws: TestWorkspace;
let other: TestWorkspace;
const { post, eventsByMessageIds } = ingestHelpers(() => ws);

beforeAll(async () => {
  ws = await createTestWorkspace("Ingest HTTP");
  other = await createTestWorkspace("Someone else");
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the seven endpoints", () => {
  it("accept one call each and answer exactly {success: true}", async () => {
    const ids = Array.from({ length: 6 }, () => uid());
    const calls: [typeof track, Record<string, unknown>][] = [
      [track, { userId: "h1", event: "Clicked", properties: { button: "buy" } }],
      [identify, { userId: "h1", traits: { email: "h1@example.com" } }],
      [page, { userId: "h1", name: "Home", properties: { path: "/" } }],
      [screen, { userId: "h1", name: "Settings" }],
      [group, { userId: "h1", groupId: "acme", traits: { plan: "team" } }],
      [alias, { userId: "h1", previousId: "h1-anon" }],
    ];
    for (const [index, [handler, body]] of calls.entries()) {
      const response = await handler(post({ ...body, messageId: ids[index] }));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ success: true });
    }
    const stored = await eventsByMessageIds(ids);
    expect(stored.map((e) => e.type).sort()).toEqual([
      "alias",
      "group",
      "identify",
      "page",
      "screen",
      "track",
    ]);
    expect(stored.find((e) => e.type === "page")?.name).toBe("Home");
    expect(stored.find((e) => e.type === "group")?.extra).toEqual({ groupId: "acme" });
  });

  it("uses the path's type even when the body names another", async () => {
    const id = uid();
    await track(post({ type: "identify", userId: "h2", event: "Paid", messageId: id }));
    expect((await eventsByMessageIds([id]))[0]?.type).toBe("track");
  });

  it("stores every valid item of a batch and lists the invalid ones", async () => {
    const good = [uid(), uid(), uid()];
    const response = await batch(
      post({
        batch: [
          { type: "track", userId: "b1", event: "A", messageId: good[0] },
          { type: "track", event: "No id", messageId: uid() },
          { type: "track", userId: "b1", event: 42, messageId: uid() },
          { type: "track", userId: "b1", event: "Bad props", properties: "x", messageId: uid() },
          { type: "identify", userId: "b1", traits: { n: 1 }, messageId: good[1] },
          { type: "launch", userId: "b1", messageId: uid() },
          "not an object",
          { type: "page", anonymousId: "b1-anon", messageId: good[2] },
        ],
      }),
    );
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.success).toBe(true);
    expect(body.accepted).toBe(3);
    expect(body.rejected).toEqual([
      { index: 1, code: "missing_identity", field: "userId", message: expect.any(String) },
      { index: 2, code: "invalid_field", field: "event", message: expect.any(String) },
      { index: 3, code: "invalid_field", field: "properties", message: expect.any(String) },
      { index: 5, code: "unknown_type", field: "type", message: expect.any(String) },
      { index: 6, code: "invalid_item", field: null, message: expect.any(String) },
    ]);
    expect(await eventsByMessageIds(good)).toHaveLength(3);
    const kept = await prisma.rejectedEvent.findMany({
      where: { workspaceId: ws.workspaceId, code: "unknown_type" },
    });
    expect(kept.some((r) => (r.payload as { type?: string } | null)?.type === "launch")).toBe(true);
  });

  it("rejects a single call with the same 200 + rejected list", async () => {
    const response = await track(post({ userId: "s1", properties: { a: 1 } }));
    expect(response.status).toBe(200);
    expect((await json(response)).rejected).toEqual([
      { index: 0, code: "missing_field", field: "event", message: expect.any(String) },
    ]);
  });
});

describe("messageId dedupe", () => {
  it("stores a messageId once: repeated in a batch, and again in a later batch", async () => {
    const id = uid();
    const call = { type: "track", userId: "dup", event: "Once", messageId: id };
    const first = await json(await batch(post({ batch: [call, { ...call, event: "Twice" }] })));
    expect(first).toMatchObject({ accepted: 1, duplicates: 1, rejected: [] });
    const again = await json(await batch(post({ batch: [call] })));
    expect(again).toMatchObject({ success: true, accepted: 0, duplicates: 1 });
    const stored = await eventsByMessageIds([id]);
    expect(stored.map((e) => e.name)).toEqual(["Once"]);
  });

  it("assigns a messageId when missing, stable for a resent call with a timestamp", async () => {
    const call = {
      type: "track",
      userId: "noid",
      event: "Resent",
      timestamp: "2026-01-02T03:04:05Z",
    };
    await batch(post({ batch: [call], sentAt: new Date().toISOString() }));
    await batch(post({ batch: [call], sentAt: new Date().toISOString() }));
    const stored = await prisma.event.findMany({
      where: { workspaceId: ws.workspaceId, userId: "noid" },
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.messageId).toMatch(/^cue-[0-9a-f]{32}$/);
    await track(post({ userId: "noid2", event: "Live" }));
    await track(post({ userId: "noid2", event: "Live" }));
    expect(
      await prisma.event.count({ where: { workspaceId: ws.workspaceId, userId: "noid2" } }),
    ).toBe(2);
  });
});

describe("authentication", () => {
  it("accepts the key as `writeKey` in the body", async () => {
    const id = uid();
    const response = await batch(
      post(
        {
          writeKey: ws.writeKey,
          batch: [{ type: "track", userId: "k", event: "E", messageId: id }],
        },
        { key: null },
      ),
    );
    expect(response.status).toBe(200);
    expect(await eventsByMessageIds([id])).toHaveLength(1);
  });

  it("401 for a missing, unknown, revoked or secret key", async () => {
    const revoked = await createRevokedWriteKey(ws.workspaceId);
    const cases: (string | null)[] = [null, "wk_nope", revoked, ws.secretKey];
    for (const key of cases) {
      const id = uid();
      const response = await batch(
        post({ batch: [{ type: "track", userId: "k", event: "E", messageId: id }] }, { key }),
      );
      expect(response.status).toBe(401);
      expect((await json(response)).error?.code).toBe("unauthorized");
      expect(await prisma.event.count({ where: { messageId: id } })).toBe(0);
    }
    const malformed = await batch(
      post({ batch: [] }, { key: null, headers: { authorization: "Basic !!!" } }),
    );
    expect(malformed.status).toBe(401);
  });

  it("a key from another workspace writes to that workspace only", async () => {
    const id = uid();
    await batch(
      post(
        {
          batch: [
            { type: "identify", userId: "shared-id", traits: { from: "other" }, messageId: id },
          ],
        },
        { key: other.writeKey },
      ),
    );
    expect(await eventsByMessageIds([id], other.workspaceId)).toHaveLength(1);
    expect(await eventsByMessageIds([id], ws.workspaceId)).toHaveLength(0);
    expect(
      await prisma.profile.count({ where: { workspaceId: ws.workspaceId, userId: "shared-id" } }),
    ).toBe(0);
  });

  it("429 with Retry-After over the key's rate limit", async () => {
    vi.stubEnv("INGEST_RATE_LIMIT_PER_SECOND", "3");
    const limited = await createTestWorkspace("Limited");
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const response = await track(post({ userId: "r", event: "E" }, { key: limited.writeKey }));
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers.get("retry-after");
        expect((await json(response)).error?.code).toBe("rate_limited");
      }
    }
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});

describe("one batch with every kind of bad input", () => {
  it("answers 200, stores each valid call exactly once and keeps every rejection", async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 12; i++) deep = [deep];
    const valid = [uid("ks"), uid("ks"), uid("ks"), uid("ks")];
    const now = Date.now();
    const batchItems: unknown[] = [
      {
        type: "track",
        userId: "ks-1",
        event: "Valid 🎉",
        properties: { ключ: "значение" },
        messageId: valid[0],
      },
      { type: "track", event: "no identity" },
      { type: "track", userId: "ks-1", event: 42 },
      { type: "track", userId: "ks-1", event: "E", properties: "x" },
      { type: "track", userId: "ks-1", event: "E", properties: { big: "x".repeat(40_000) } },
      { type: "track", userId: "ks-1", event: "E", properties: { deep } },
      { type: "track", userId: "ks-1", event: "E", timestamp: "not a date" },
      {
        type: "track",
        userId: "ks-1",
        event: "E",
        timestamp: new Date(now + 7 * 86_400_000).toISOString(),
      },
      { type: "track", userId: "ks-1", event: "E", timestamp: "1970-01-01T00:00:00.000Z" },
      {
        type: "identify",
        anonymousId: "ks-anon",
        traits: { plan: "pro" },
        surprise: { kept: true },
        messageId: valid[1],
      },
      { type: "track", userId: "ks-1", event: "Repeat", messageId: valid[0] },
      null,
      { type: "page", userId: "ks-1", name: "Home", messageId: valid[2] },
      { type: "group", userId: "ks-1", groupId: "ks-g", messageId: valid[3] },
    ];
    const response = await batch(post({ batch: batchItems }));
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({ success: true, accepted: 4, duplicates: 1 });
    expect(body.rejected?.map((r) => [r.index, r.code])).toEqual([
      [1, "missing_identity"],
      [2, "invalid_field"],
      [3, "invalid_field"],
      [4, "too_large"],
      [5, "too_deep"],
      [6, "invalid_timestamp"],
      [7, "invalid_timestamp"],
      [8, "invalid_timestamp"],
      [11, "invalid_item"],
    ]);
    for (const id of valid) {
      expect(
        await prisma.event.count({ where: { workspaceId: ws.workspaceId, messageId: id } }),
      ).toBe(1);
    }
    const [identify] = await eventsByMessageIds([valid[1] as string]);
    expect(identify?.extra).toEqual({ surprise: { kept: true } });
    // the request's rejections share its receivedAt with its events
    const kept = await prisma.rejectedEvent.findMany({
      where: { workspaceId: ws.workspaceId, receivedAt: identify?.receivedAt },
      orderBy: { batchIndex: "asc" },
    });
    expect(kept.map((r) => r.batchIndex)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 11]);
    expect(kept.every((r) => r.message.length > 0)).toBe(true);
  });
});

describe("CORS: the write key is public, so browsers on any origin may send events", () => {
  it("answers the preflight of every endpoint", async () => {
    const routes = await Promise.all(
      ["track", "identify", "page", "screen", "group", "alias", "batch"].map(
        (name) =>
          import(`@/app/api/v1/${name}/route`) as Promise<{
            OPTIONS: (request: Request) => Promise<Response>;
          }>,
      ),
    );
    for (const route of routes) {
      const response = await route.OPTIONS(
        new Request("http://cue.test/api/v1/track", { method: "OPTIONS" }),
      );
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-headers")).toContain("Authorization");
    }
  });

  it("lets the browser read successes and errors alike", async () => {
    const ok = await track(post({ userId: "cors-user", event: "Clicked", messageId: uid() }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe("*");
    const refused = await track(
      post({ userId: "cors-user", event: "Clicked" }, { key: "wk_nope" }),
    );
    expect(refused.status).toBe(401);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
  });
});
