import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { createTestWorkspace } from "@/test/fixtures/workspace";

let workspaceId: string;
const receivedAt = new Date("2026-03-01T12:00:00.000Z");

beforeAll(async () => {
  ({ workspaceId } = await createTestWorkspace());
});

async function profileByUserId(userId: string) {
  return prisma.profile.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    include: { identities: true, groups: { include: { group: true } } },
  });
}

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
    const profile = await profileByUserId("u1");
    expect(profile?.firstSeenAt.toISOString()).toBe("2026-03-01T11:00:00.000Z");
    expect(profile?.lastSeenAt.toISOString()).toBe("2026-03-01T11:30:00.000Z");
    expect(await prisma.event.count({ where: { workspaceId, profileId: profile!.id } })).toBe(2);
    const catalog = await prisma.eventCatalog.findUnique({
      where: { workspaceId_name: { workspaceId, name: "Signed Up" } },
    });
    expect(catalog?.count).toBe(2n);
    expect(catalog?.propertyKeys).toEqual({ plan: "string", seats: "number" });
    // No journey listens to these names: the engine is not handed them.
    expect(await prisma.engineInbox.count({ where: { workspaceId } })).toBe(0);
  });

  it("follows context.timezone on any call until traits.timezone is set, which then wins", async () => {
    const at = (seconds: number) => new Date(Date.UTC(2026, 2, 1, 9, 0, seconds)).toISOString();
    const call = (n: number, extra: Record<string, unknown>) => ({
      type: "track",
      userId: "u-tz",
      event: "Clicked",
      messageId: `tz-${n}`,
      timestamp: at(n * 10),
      ...extra,
    });
    const timezone = async () => (await profileByUserId("u-tz"))?.timezone;
    await ingestBatch({ workspaceId, items: [call(0, {})] });
    expect(await timezone()).toBeNull();
    // Within a minute of the last call, so only the timezone is new.
    await ingestBatch({
      workspaceId,
      items: [call(1, { context: { timezone: "America/New_York" } })],
    });
    expect(await timezone()).toBe("America/New_York");
    await ingestBatch({ workspaceId, items: [call(2, { context: { timezone: "Asia/Tokyo" } })] });
    expect(await timezone()).toBe("Asia/Tokyo");
    await ingestBatch({
      workspaceId,
      items: [
        {
          type: "identify",
          userId: "u-tz",
          messageId: "tz-3",
          timestamp: at(30),
          traits: { timezone: "Europe/Paris" },
        },
      ],
    });
    expect(await timezone()).toBe("Europe/Paris");
    await ingestBatch({ workspaceId, items: [call(4, { context: { timezone: "Asia/Tokyo" } })] });
    expect(await timezone()).toBe("Europe/Paris");
  });

  it("leaves a profile untouched by an identify that repeats its traits", async () => {
    const identify = (n: number, traits: Record<string, unknown>) => ({
      type: "identify",
      userId: "u-same",
      messageId: `same-${n}`,
      timestamp: new Date(Date.UTC(2026, 2, 1, 10, 0, n)).toISOString(),
      traits,
    });
    const updatedAt = async () => (await profileByUserId("u-same"))?.updatedAt.getTime();
    await ingestBatch({ workspaceId, items: [identify(0, { plan: "pro", email: "S@x.io" })] });
    const first = await updatedAt();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await ingestBatch({ workspaceId, items: [identify(1, { email: "S@x.io", plan: "pro" })] });
    expect(await updatedAt()).toBe(first);
    await ingestBatch({ workspaceId, items: [identify(2, { plan: "team" })] });
    const changed = await profileByUserId("u-same");
    expect(changed?.updatedAt.getTime()).toBeGreaterThan(first ?? 0);
    expect(changed?.traits).toEqual({ plan: "team", email: "S@x.io" });
    expect(changed?.email).toBe("s@x.io");
  });

  it("keys events with time-ordered UUIDv7 ids", async () => {
    const before = Date.now();
    await ingestBatch({
      workspaceId,
      items: [{ type: "track", userId: "u-v7", event: "Keyed", messageId: "v7-1" }],
    });
    const event = await prisma.event.findUniqueOrThrow({
      where: { workspaceId_messageId: { workspaceId, messageId: "v7-1" } },
    });
    expect(event.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const millis = Number.parseInt(event.id.replace(/-/g, "").slice(0, 12), 16);
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(millis).toBeLessThanOrEqual(Date.now());
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

  it("merges identify traits in event-time order and removes null traits", async () => {
    const result = await ingestBatch({
      workspaceId,
      receivedAt,
      items: [
        {
          type: "identify",
          userId: "u2",
          traits: { plan: "pro", email: "Ann@Example.com", timezone: "Europe/Paris" },
          timestamp: "2026-03-01T10:00:00Z",
        },
        {
          type: "identify",
          userId: "u2",
          traits: { plan: "enterprise", color: null },
          timestamp: "2026-03-01T10:05:00Z",
        },
        {
          type: "identify",
          userId: "u2",
          traits: { plan: "free", color: "red" },
          timestamp: "2026-03-01T09:00:00Z",
        },
      ],
    });
    expect(result.accepted).toBe(3);
    const profile = await profileByUserId("u2");
    expect(profile?.traits).toEqual({
      plan: "enterprise",
      email: "Ann@Example.com",
      timezone: "Europe/Paris",
    });
    expect(profile?.email).toBe("ann@example.com");
    expect(profile?.timezone).toBe("Europe/Paris");

    await ingestBatch({
      workspaceId,
      receivedAt,
      items: [
        {
          type: "identify",
          userId: "u2",
          traits: { email: null, age: 40 },
          timestamp: "2026-03-01T10:10:00Z",
        },
      ],
    });
    const after = await profileByUserId("u2");
    expect(after?.traits).toEqual({ plan: "enterprise", timezone: "Europe/Paris", age: 40 });
    expect(after?.email).toBeNull();
  });

  it("links an anonymous profile to the known user on identify", async () => {
    await ingestBatch({
      workspaceId,
      receivedAt,
      items: [
        {
          type: "page",
          anonymousId: "anon-3",
          name: "Pricing",
          properties: { path: "/pricing" },
          timestamp: "2026-03-01T08:00:00Z",
        },
        {
          type: "identify",
          anonymousId: "anon-3",
          traits: { referrer: "ad" },
          timestamp: "2026-03-01T08:01:00Z",
        },
      ],
    });
    const anon = await prisma.profileIdentity.findUnique({
      where: { workspaceId_kind_value: { workspaceId, kind: "anonymousId", value: "anon-3" } },
    });
    expect(anon).not.toBeNull();
    await ingestBatch({
      workspaceId,
      receivedAt,
      items: [
        {
          type: "identify",
          userId: "u3",
          anonymousId: "anon-3",
          traits: { name: "Bo" },
          timestamp: "2026-03-01T09:00:00Z",
        },
      ],
    });
    const profile = await profileByUserId("u3");
    expect(profile?.id).toBe(anon?.profileId); // the anonymous profile became the known one
    expect(profile?.traits).toEqual({ referrer: "ad", name: "Bo" });
    expect(profile?.firstSeenAt.toISOString()).toBe("2026-03-01T08:00:00.000Z");
    expect(profile?.identities.map((i) => `${i.kind}:${i.value}`).sort()).toEqual([
      "anonymousId:anon-3",
      "userId:u3",
    ]);
  });

  it("merges an anonymous history into an existing known profile", async () => {
    await ingestBatch({
      workspaceId,
      receivedAt,
      items: [
        {
          type: "identify",
          userId: "u4",
          traits: { plan: "pro" },
          timestamp: "2026-02-01T00:00:00Z",
        },
        {
          type: "track",
          anonymousId: "anon-4",
          event: "Browsed",
          timestamp: "2026-01-15T00:00:00Z",
        },
        {
          type: "identify",
          anonymousId: "anon-4",
          traits: { plan: "trial", utm: "x" },
          timestamp: "2026-01-15T00:00:01Z",
        },
        {
          type: "group",
          anonymousId: "anon-4",
          groupId: "g1",
          traits: { name: "Acme" },
          timestamp: "2026-01-15T00:00:02Z",
        },
      ],
    });
    const anonProfileId = (
      await prisma.profileIdentity.findUniqueOrThrow({
        where: { workspaceId_kind_value: { workspaceId, kind: "anonymousId", value: "anon-4" } },
      })
    ).profileId;
    const known = await profileByUserId("u4");
    expect(anonProfileId).not.toBe(known?.id);

    await ingestBatch({
      workspaceId,
      receivedAt,
      items: [
        { type: "alias", userId: "u4", previousId: "anon-4", timestamp: "2026-02-02T00:00:00Z" },
      ],
    });
    const merged = await profileByUserId("u4");
    expect(merged?.id).toBe(known?.id);
    expect(merged?.traits).toEqual({ plan: "pro", utm: "x" }); // known wins
    expect(merged?.firstSeenAt.toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(merged?.groups.map((g) => g.groupId)).toEqual(["g1"]);
    expect(await prisma.profile.findUnique({ where: { id: anonProfileId } })).toBeNull();
    expect(
      await prisma.event.count({
        where: { workspaceId, anonymousId: "anon-4", profileId: known!.id },
      }),
    ).toBe(3);
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

  it("hands new events to the engine: inbox rows, then NOTIFY cue_events after the commit", async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const payloads: string[] = [];
    listener.on("notification", (n) => payloads.push(`${n.channel}:${n.payload}`));
    await listener.query("LISTEN cue_events");
    try {
      await prisma.journeyEventName.createMany({
        data: ["Later", "Earlier"].map((eventName) => ({ workspaceId, eventName, journeyId: "j" })),
      });
      const before = await prisma.engineInbox.count({ where: { workspaceId } });
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
      const rows = await prisma.engineInbox.findMany({
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
      expect(await prisma.engineInbox.count({ where: { workspaceId } })).toBe(before + 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(payloads).toHaveLength(1);
      expect(await prisma.event.count({ where: { workspaceId, messageId: "eng-3" } })).toBe(1);
    } finally {
      await listener.end();
    }
  });

  it("moves lastSeenAt forward in steps of at least a minute", async () => {
    const at = (time: string) => ({
      type: "track",
      userId: "seen-1",
      event: "Tick",
      timestamp: `2026-03-01T10:${time}Z`,
    });
    await ingestBatch({ workspaceId, receivedAt, items: [at("00:00")] });
    await ingestBatch({ workspaceId, receivedAt, items: [at("00:30")] });
    expect((await profileByUserId("seen-1"))?.lastSeenAt.toISOString()).toBe(
      "2026-03-01T10:00:00.000Z",
    );
    await ingestBatch({ workspaceId, receivedAt, items: [at("01:30")] });
    expect((await profileByUserId("seen-1"))?.lastSeenAt.toISOString()).toBe(
      "2026-03-01T10:01:30.000Z",
    );
    // an older event arriving late widens firstSeenAt and keeps its own time
    await ingestBatch({
      workspaceId,
      receivedAt,
      items: [{ ...at("00:00"), timestamp: "2026-02-01T00:00:00Z" }],
    });
    const profile = await profileByUserId("seen-1");
    expect(profile?.firstSeenAt.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(profile?.lastSeenAt.toISOString()).toBe("2026-03-01T10:01:30.000Z");
  });

  it("hands identifies to the engine only while a trait-change journey is live", async () => {
    const identify = (n: number) => ({
      type: "identify",
      userId: "t1",
      traits: { plan: `p${n}` },
      messageId: `trait-${n}`,
    });
    const before = await prisma.engineInbox.count({ where: { workspaceId } });
    await ingestBatch({ workspaceId, receivedAt, items: [identify(1)] });
    expect(await prisma.engineInbox.count({ where: { workspaceId } })).toBe(before);
    await prisma.journeyTrigger.create({
      data: { journeyId: "trait-j", workspaceId, versionId: "v", kind: "trait_change" },
    });
    await ingestBatch({ workspaceId, receivedAt, items: [identify(2)] });
    expect(await prisma.engineInbox.count({ where: { workspaceId } })).toBe(before + 1);
    await prisma.journeyTrigger.delete({ where: { journeyId: "trait-j" } });
  });
});
