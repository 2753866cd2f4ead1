import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { profileByUserId } from "./profile-by-user-id";

// Storing a batch: events, dedupe, rejections, ids, and the hand-off to the
// engine. What a batch does to profiles is in ingest-profiles.test.ts.

let workspaceId: string;
const receivedAt = new Date("2026-03-01T12:00:00.000Z");

beforeAll(async () => {
  ({ workspaceId } = await createTestWorkspace());
});

describe("ingestBatch", () => {
  it("stores track calls and creates their profiles", async () => {
    const result = await ingestBatch({
      workspaceId,
      receivedAt,
      items: [
        {
          type: "track",
          userId: "u1",
          event: "Signed Up",
          properties: { plan: "pro", seats: 3 },
          messageId: "m1",
          timestamp: "2026-03-01T11:00:00Z",
        },
        {
          type: "track",
          userId: "u1",
          event: "Signed Up",
          properties: { plan: "free" },
          messageId: "m2",
          timestamp: "2026-03-01T11:30:00Z",
        },
        { type: "track", anonymousId: "a1", event: "Viewed", messageId: "m3" },
      ],
    });
    expect(result).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    const profile = await profileByUserId(workspaceId, "u1");
    expect(profile?.firstSeenAt.toISOString()).toBe("2026-03-01T11:00:00.000Z");
    expect(profile?.lastSeenAt.toISOString()).toBe("2026-03-01T11:30:00.000Z");
    expect(await prisma.event.count({ where: { workspaceId, profileId: profile!.id } })).toBe(2);
    const catalog = await prisma.eventCatalog.findUnique({
      where: { workspaceId_name: { workspaceId, name: "Signed Up" } },
    });
    expect(catalog?.count).toBe(2n);
    expect(catalog?.propertyKeys).toEqual({ plan: "string", seats: "number" });
    // No journey listens to these names: the engine is not handed them.
    expect(await prisma.engineQueue.count({ where: { workspaceId } })).toBe(0);
  });

  it("keys events with time-ordered UUIDv7 ids", async () => {
    const before = Date.now();
    await ingestBatch({
      workspaceId,
      items: [{ type: "track", userId: "u-v7", event: "Keyed", messageId: "v7-1" }],
    });
    const event = await prisma.event.findFirstOrThrow({
      where: { workspaceId, messageId: "v7-1" },
    });
    expect(event.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const millis = Number.parseInt(event.id.replace(/-/g, "").slice(0, 12), 16);
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(millis).toBeLessThanOrEqual(Date.now());
  });

  it("orders a batch's ids as it applied the calls: event time, then position", async () => {
    // Replays (preview, backtests) order a profile's events by timestamp,
    // receivedAt and id; at equal times they must apply the calls in the
    // order ingestion did, where the later position wins.
    const items = Array.from({ length: 40 }, (_, i) => ({
      type: "identify",
      userId: "u-order",
      traits: { step: i },
      messageId: `order-${i}`,
      timestamp: `2026-03-01T10:00:0${i % 3}Z`,
    }));
    await ingestBatch({ workspaceId, receivedAt, items });
    const replayed = await prisma.event.findMany({
      where: { workspaceId, messageId: { startsWith: "order-" } },
      orderBy: [{ timestamp: "asc" }, { receivedAt: "asc" }, { id: "asc" }],
      select: { messageId: true },
    });
    const applied = [...items]
      .sort((a, b) => a.timestamp.localeCompare(b.timestamp))
      .map((item) => item.messageId);
    expect(replayed.map((e) => e.messageId)).toEqual(applied);
  });

  it("skips stored messageIds and repeats within a batch", async () => {
    const result = await ingestBatch({
      workspaceId,
      receivedAt,
      items: [
        {
          type: "track",
          userId: "u1",
          event: "Signed Up",
          messageId: "m1",
          timestamp: "2026-03-01T11:00:00Z",
        },
        { type: "track", userId: "u1", event: "Again", messageId: "m4" },
        { type: "track", userId: "u1", event: "Again", messageId: "m4" },
      ],
    });
    expect(result).toEqual({ accepted: 1, duplicates: 2, rejected: [] });
    const catalog = await prisma.eventCatalog.findUnique({
      where: { workspaceId_name: { workspaceId, name: "Signed Up" } },
    });
    expect(catalog?.count).toBe(2n);
  });

  it("keeps rejected items with their reason and stores the rest", async () => {
    const result = await ingestBatch({
      workspaceId,
      receivedAt,
      items: [
        { type: "track", event: "No id" },
        { type: "track", userId: "u5", event: 42 },
        { type: "track", userId: "u5", event: "Ok", messageId: "ok-5" },
      ],
    });
    expect(result.accepted).toBe(1);
    expect(result.rejected).toEqual([
      { index: 0, code: "missing_identity", field: "userId", message: expect.any(String) },
      { index: 1, code: "invalid_field", field: "event", message: expect.any(String) },
    ]);
    const stored = await prisma.rejectedEvent.findMany({
      where: { workspaceId },
      orderBy: { batchIndex: "asc" },
    });
    expect(stored.map((r) => [r.batchIndex, r.code])).toEqual([
      [0, "missing_identity"],
      [1, "invalid_field"],
    ]);
    expect(stored[1]?.payload).toEqual({ type: "track", userId: "u5", event: 42 });
  });

  it("hands new events to the engine: queue rows, then NOTIFY cue_events after the commit", async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const payloads: string[] = [];
    listener.on("notification", (n) => payloads.push(`${n.channel}:${n.payload}`));
    await listener.query("LISTEN cue_events");
    try {
      await prisma.journeyEventName.createMany({
        data: ["Later", "Earlier"].map((eventName) => ({ workspaceId, eventName, journeyId: "j" })),
      });
      const before = await prisma.engineQueue.count({ where: { workspaceId } });
      await ingestBatch({
        workspaceId,
        receivedAt,
        items: [
          { type: "track", userId: "e1", event: "Unheard", messageId: "eng-0" },
          { type: "identify", userId: "e1", traits: { plan: "pro" }, messageId: "eng-0i" },
          { type: "page", userId: "e1", name: "Home", messageId: "eng-0p" },
          {
            type: "track",
            userId: "e1",
            event: "Later",
            messageId: "eng-2",
            timestamp: "2026-03-01T10:00:02Z",
          },
          {
            type: "track",
            userId: "e1",
            event: "Earlier",
            messageId: "eng-1",
            timestamp: "2026-03-01T10:00:01Z",
          },
        ],
      });
      const rows = await prisma.engineQueue.findMany({
        where: { workspaceId },
        orderBy: { id: "asc" },
        skip: before,
      });
      const events = await prisma.event.findMany({
        where: { id: { in: rows.map((r) => r.eventId) } },
      });
      const byId = new Map(events.map((e) => [e.id, e.messageId]));
      expect(rows.map((r) => byId.get(r.eventId))).toEqual(["eng-1", "eng-2"]); // event-time order
      await expect.poll(() => payloads).toEqual([`cue_events:${workspaceId}`]);

      // evaluate: false (the demo seed's history) neither queues nor wakes the engine
      await ingestBatch({
        workspaceId,
        receivedAt,
        evaluate: false,
        items: [{ type: "track", userId: "e1", event: "History", messageId: "eng-3" }],
      });
      expect(await prisma.engineQueue.count({ where: { workspaceId } })).toBe(before + 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(payloads).toHaveLength(1);
      expect(await prisma.event.count({ where: { workspaceId, messageId: "eng-3" } })).toBe(1);
    } finally {
      await listener.end();
    }
  });

  it("hands identifies to the engine only while a trait-change journey is live", async () => {
    const identify = (n: number) => ({
      type: "identify",
      userId: "t1",
      traits: { plan: `p${n}` },
      messageId: `trait-${n}`,
    });
    const before = await prisma.engineQueue.count({ where: { workspaceId } });
    await ingestBatch({ workspaceId, receivedAt, items: [identify(1)] });
    expect(await prisma.engineQueue.count({ where: { workspaceId } })).toBe(before);
    await prisma.journeyTrigger.create({
      data: { journeyId: "trait-j", workspaceId, versionId: "v", kind: "trait_change" },
    });
    await ingestBatch({ workspaceId, receivedAt, items: [identify(2)] });
    expect(await prisma.engineQueue.count({ where: { workspaceId } })).toBe(before + 1);
    await prisma.journeyTrigger.delete({ where: { journeyId: "trait-j" } });
  });
});
