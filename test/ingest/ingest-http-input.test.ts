import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as batch } from "@/app/api/v1/batch/route";
import { POST as track } from "@/app/api/v1/track/route";
import { prisma } from "@/lib/db/client";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { ingestHelpers, json, uid } from "./ingest-http-fixtures";

// The tracking API over HTTP with unreadable, oversized, oddly timed or
// hostile input: each gets its documented answer and costs no valid event.

let ws: TestWorkspace;
const { post, eventsByMessageIds } = ingestHelpers(() => ws);

beforeAll(async () => {
  ws = await createTestWorkspace("Ingest HTTP input");
});

describe("unreadable requests get 400 in the error envelope", () => {
  it("malformed JSON", async () => {
    const response = await batch(post('{"batch": [', { raw: true }));
    expect(response.status).toBe(400);
    expect((await json(response)).error?.code).toBe("invalid_json");
  });

  it("an empty body", async () => {
    const response = await track(post("", { raw: true }));
    expect(response.status).toBe(400);
    expect((await json(response)).error?.code).toBe("invalid_json");
  });

  it("a form body that is not JSON, whatever its content type", async () => {
    const response = await batch(
      post("batch=1", { raw: true, contentType: "application/x-www-form-urlencoded" }),
    );
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error?.code).toBe("invalid_json");
    expect(JSON.stringify(body.error)).toContain("application/x-www-form-urlencoded");
  });

  it("a body that is not an object with a batch array", async () => {
    expect((await batch(post([1, 2]))).status).toBe(400);
    expect((await batch(post({ batch: "x" }))).status).toBe(400);
    expect((await track(post([{ userId: "x" }]))).status).toBe(400);
  });

  it("a batch over 500 KB, even without Content-Length", async () => {
    const big = "x".repeat(20_000);
    const items = Array.from({ length: 30 }, () => ({
      type: "track",
      userId: "big",
      event: "Big",
      properties: { big },
    }));
    const response = await batch(post({ batch: items }));
    expect(response.status).toBe(400);
    expect((await json(response)).error?.details?.reason).toBe("payload_too_large");
  });

  it("a batch of 2,501 calls", async () => {
    const items = Array.from({ length: 2_501 }, (_, i) => ({
      type: "track",
      userId: "n",
      event: "E",
      messageId: `many-${i}`,
    }));
    const response = await batch(post({ batch: items }));
    expect(response.status).toBe(400);
    expect((await json(response)).error?.details?.reason).toBe("too_many_items");
    expect(await prisma.event.count({ where: { messageId: "many-0" } })).toBe(0);
  });

  it("a single call over 32 KB", async () => {
    const response = await track(
      post({ userId: "big", event: "Big", properties: { s: "x".repeat(33_000) } }),
    );
    expect(response.status).toBe(400);
  });
});

describe("items over the limits are rejected one by one", () => {
  it("an item over 32 KB inside a batch", async () => {
    const ok = uid();
    const response = await batch(
      post({
        batch: [
          { type: "track", userId: "l1", event: "Big", properties: { s: "é".repeat(17_000) } },
          { type: "track", userId: "l1", event: "Small", messageId: ok },
        ],
      }),
    );
    const body = await json(response);
    expect(body.rejected).toEqual([
      { index: 0, code: "too_large", field: null, message: expect.any(String) },
    ]);
    expect(await eventsByMessageIds([ok])).toHaveLength(1);
    const kept = await prisma.rejectedEvent.findFirst({
      where: { workspaceId: ws.workspaceId, code: "too_large" },
    });
    expect(kept?.payload).toMatchObject({ truncated: true });
  });

  it("properties nested deeper than 10 levels", async () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 11; i++) deep = { level: deep };
    let ok10: unknown = "bottom";
    for (let i = 0; i < 10; i++) ok10 = { level: ok10 };
    const fine = uid();
    const body = await json(
      await batch(
        post({
          batch: [
            { type: "track", userId: "d1", event: "Deep", properties: deep },
            {
              type: "track",
              userId: "d1",
              event: "Deep enough",
              properties: ok10,
              messageId: fine,
            },
          ],
        }),
      ),
    );
    expect(body.rejected).toEqual([
      {
        index: 0,
        code: "too_deep",
        field: expect.stringMatching(/^properties(\.level)+$/),
        message: expect.any(String),
      },
    ]);
    expect(await eventsByMessageIds([fine])).toHaveLength(1);
  });

  it("a hostile 100,000-level array is rejected, not a stack overflow", async () => {
    const hostile = `{"batch":[{"type":"track","userId":"d2","event":"X","properties":{"a":${"[".repeat(100_000)}${"]".repeat(100_000)}}}]}`;
    const response = await batch(post(hostile, { raw: true }));
    expect(response.status).toBe(200);
    expect((await json(response)).rejected?.[0]?.code).toBe("too_deep");
  });
});

describe("timestamps", () => {
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();

  it("rejects non-dates, far-future and 1970 timestamps", async () => {
    const ok = uid();
    const body = await json(
      await batch(
        post({
          batch: [
            { type: "track", userId: "t1", event: "E", timestamp: "yesterday" },
            { type: "track", userId: "t1", event: "E", timestamp: 1700000000000 },
            { type: "track", userId: "t1", event: "E", timestamp: iso(now + 3 * 86_400_000) },
            { type: "track", userId: "t1", event: "E", timestamp: "1970-01-01T00:00:00Z" },
            { type: "track", userId: "t1", event: "E", timestamp: "2026-02-31T00:00:00Z" },
            {
              type: "track",
              userId: "t1",
              event: "E",
              timestamp: iso(now + 3_600_000),
              messageId: ok,
            },
          ],
        }),
      ),
    );
    expect(body.rejected?.map((r) => [r.index, r.code, r.field])).toEqual([
      [0, "invalid_timestamp", "timestamp"],
      [1, "invalid_timestamp", "timestamp"],
      [2, "invalid_timestamp", "timestamp"],
      [3, "invalid_timestamp", "timestamp"],
      [4, "invalid_timestamp", "timestamp"],
    ]);
    expect(await eventsByMessageIds([ok])).toHaveLength(1); // an hour ahead is within tolerance
  });

  it("corrects clock skew with sentAt and keeps out-of-order times", async () => {
    // The device's clock runs 2 days fast: sentAt and timestamps are both off.
    const skew = 2 * 86_400_000;
    const a = uid();
    const b = uid();
    await batch(
      post({
        sentAt: iso(now + skew),
        batch: [
          {
            type: "track",
            userId: "t2",
            event: "Later",
            timestamp: iso(now + skew - 60_000),
            messageId: a,
          },
          {
            type: "track",
            userId: "t2",
            event: "Earlier",
            timestamp: iso(now + skew - 600_000),
            messageId: b,
          },
        ],
      }),
    );
    const [later] = await eventsByMessageIds([a]);
    const [earlier] = await eventsByMessageIds([b]);
    expect(later?.sentAt?.getTime()).toBe(now + skew);
    const received = later!.receivedAt.getTime();
    expect(later!.timestamp.getTime()).toBe(received - 60_000);
    expect(earlier!.timestamp.getTime()).toBe(received - 600_000);
  });

  it("uses the arrival time when there is no timestamp", async () => {
    const id = uid();
    await track(post({ userId: "t3", event: "Now", messageId: id }));
    const [event] = await eventsByMessageIds([id]);
    expect(event?.timestamp.getTime()).toBe(event?.receivedAt.getTime());
  });
});

describe("data is stored as data", () => {
  it("keeps unknown top-level fields and integrations in extra, never the write key", async () => {
    const id = uid();
    await track(
      post({
        userId: "x1",
        event: "E",
        messageId: id,
        integrations: { All: true },
        channel: "server",
        custom: { nested: [1, 2] },
        writeKey: ws.writeKey,
      }),
    );
    const [event] = await eventsByMessageIds([id]);
    expect(event?.extra).toEqual({
      integrations: { All: true },
      channel: "server",
      custom: { nested: [1, 2] },
    });
  });

  it("round-trips unicode, emoji and SQL-looking strings", async () => {
    const id = uid();
    const properties = {
      名前: "Zoë 🚀 — 👩🏽‍💻",
      quote: "'; DROP TABLE events; --",
      template: "{{ secret }} <script>alert(1)</script>",
      rtl: "مرحبا",
    };
    const response = await track(
      post({ userId: "ünï-çødé-🦄", event: "Ünïcode 🎉", properties, messageId: id }),
    );
    expect(response.status).toBe(200);
    const [event] = await eventsByMessageIds([id]);
    expect(event?.properties).toEqual(properties);
    expect(event?.userId).toBe("ünï-çødé-🦄");
    expect(event?.name).toBe("Ünïcode 🎉");
  });

  it("rejects strings PostgreSQL cannot store instead of failing the batch", async () => {
    const ok = uid();
    const body = await json(
      await batch(
        post({
          batch: [
            { type: "track", userId: "x2", event: "E", properties: { s: "a\u0000b" } },
            { type: "track", userId: "x2", event: "E", properties: { s: "\ud800" } },
            { type: "track", userId: "x2", event: "E", messageId: ok },
          ],
        }),
      ),
    );
    expect(body.rejected?.map((r) => [r.code, r.field])).toEqual([
      ["invalid_string", "properties.s"],
      ["invalid_string", "properties.s"],
    ]);
    expect(await eventsByMessageIds([ok])).toHaveLength(1);
  });

  it("accepts a gzip body", async () => {
    const id = uid();
    const response = await batch(
      post(
        gzipSync(
          JSON.stringify({
            batch: [{ type: "track", userId: "gz", event: "Zipped", messageId: id }],
          }),
        ),
        {
          raw: true,
          headers: { "content-encoding": "gzip" },
        },
      ),
    );
    expect(response.status).toBe(200);
    expect(await eventsByMessageIds([id])).toHaveLength(1);
  });
});
