import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { profileByUserId } from "./profile-by-user-id";

// What ingestBatch does to profiles: trait merges, identity links and
// merges, first/last seen, timezone, and rows left alone when nothing changed.

let workspaceId: string;
const receivedAt = new Date("2026-03-01T12:00:00.000Z");

beforeAll(async () => {
  ({ workspaceId } = await createTestWorkspace());
});

describe("ingestBatch: profiles", () => {
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
    const timezone = async () => (await profileByUserId(workspaceId, "u-tz"))?.timezone;
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
    const updatedAt = async () =>
      (await profileByUserId(workspaceId, "u-same"))?.updatedAt.getTime();
    await ingestBatch({ workspaceId, items: [identify(0, { plan: "pro", email: "S@x.io" })] });
    const first = await updatedAt();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await ingestBatch({ workspaceId, items: [identify(1, { email: "S@x.io", plan: "pro" })] });
    expect(await updatedAt()).toBe(first);
    await ingestBatch({ workspaceId, items: [identify(2, { plan: "team" })] });
    const changed = await profileByUserId(workspaceId, "u-same");
    expect(changed?.updatedAt.getTime()).toBeGreaterThan(first ?? 0);
    expect(changed?.traits).toEqual({ plan: "team", email: "S@x.io" });
    expect(changed?.email).toBe("s@x.io");
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
    const profile = await profileByUserId(workspaceId, "u2");
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
    const after = await profileByUserId(workspaceId, "u2");
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
    const profile = await profileByUserId(workspaceId, "u3");
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
    const known = await profileByUserId(workspaceId, "u4");
    expect(anonProfileId).not.toBe(known?.id);

    await ingestBatch({
      workspaceId,
      receivedAt,
      items: [
        { type: "alias", userId: "u4", previousId: "anon-4", timestamp: "2026-02-02T00:00:00Z" },
      ],
    });
    const merged = await profileByUserId(workspaceId, "u4");
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

  it("moves lastSeenAt forward in steps of at least a minute", async () => {
    const at = (time: string) => ({
      type: "track",
      userId: "seen-1",
      event: "Tick",
      timestamp: `2026-03-01T10:${time}Z`,
    });
    await ingestBatch({ workspaceId, receivedAt, items: [at("00:00")] });
    await ingestBatch({ workspaceId, receivedAt, items: [at("00:30")] });
    expect((await profileByUserId(workspaceId, "seen-1"))?.lastSeenAt.toISOString()).toBe(
      "2026-03-01T10:00:00.000Z",
    );
    await ingestBatch({ workspaceId, receivedAt, items: [at("01:30")] });
    expect((await profileByUserId(workspaceId, "seen-1"))?.lastSeenAt.toISOString()).toBe(
      "2026-03-01T10:01:30.000Z",
    );
    // an older event arriving late widens firstSeenAt and keeps its own time
    await ingestBatch({
      workspaceId,
      receivedAt,
      items: [{ ...at("00:00"), timestamp: "2026-02-01T00:00:00Z" }],
    });
    const profile = await profileByUserId(workspaceId, "seen-1");
    expect(profile?.firstSeenAt.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(profile?.lastSeenAt.toISOString()).toBe("2026-03-01T10:01:30.000Z");
  });
});
