import { beforeAll, describe, expect, it } from "vitest";
import { GET as listEvents } from "@/app/api/v1/profiles/[userId]/events/route";
import { DELETE as deleteProfile, GET as getProfile } from "@/app/api/v1/profiles/[userId]/route";
import { prisma } from "@/lib/db/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";

let ws: TestWorkspace;
let other: TestWorkspace;

const ctx = (userId: string) => ({ params: Promise.resolve({ userId }) });
const get = (path: string, key: string | null = ws.secretKey, method = "GET") =>
  new Request(`http://cue.test${path}`, {
    method,
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });

beforeAll(async () => {
  ws = await createTestWorkspace("Profiles API");
  other = await createTestWorkspace("Other");
  const items: Record<string, unknown>[] = [
    {
      type: "page",
      anonymousId: "pa-anon",
      name: "Landing",
      timestamp: "2026-01-01T00:00:00Z",
      messageId: "p-0",
    },
    {
      type: "identify",
      userId: "pa-user",
      anonymousId: "pa-anon",
      traits: { email: "Pat@Example.com", timezone: "Asia/Tokyo", plan: "pro" },
      timestamp: "2026-01-01T00:01:00Z",
      messageId: "p-1",
    },
    {
      type: "group",
      userId: "pa-user",
      groupId: "acme",
      traits: { name: "Acme" },
      timestamp: "2026-01-01T00:02:00Z",
      messageId: "p-2",
    },
  ];
  for (let i = 0; i < 25; i++) {
    items.push({
      type: "track",
      userId: "pa-user",
      event: "Tick",
      properties: { i },
      // two events share each timestamp, so pagination must break ties
      timestamp: new Date(Date.UTC(2026, 0, 2, 0, Math.floor(i / 2))).toISOString(),
      messageId: `p-t-${i}`,
    });
  }
  await ingestBatch({ workspaceId: ws.workspaceId, items });
  await prisma.profile.updateMany({
    where: { workspaceId: ws.workspaceId, userId: "pa-user" },
    data: { unsubscribedAt: new Date("2026-01-03T00:00:00Z") },
  });
  await ingestBatch({
    workspaceId: other.workspaceId,
    items: [{ type: "identify", userId: "pa-user", traits: { secret: "other tenant" } }],
  });
});

describe("GET /api/v1/profiles/{userId}", () => {
  it("returns traits, identities, groups, seen times and subscription state", async () => {
    const response = await getProfile(get("/api/v1/profiles/pa-user"), ctx("pa-user"));
    expect(response.status).toBe(200);
    const { profile } = (await response.json()) as { profile: Record<string, unknown> };
    expect(profile).toMatchObject({
      userId: "pa-user",
      email: "pat@example.com",
      timezone: "Asia/Tokyo",
      traits: { email: "Pat@Example.com", timezone: "Asia/Tokyo", plan: "pro" },
      identities: [
        { kind: "userId", value: "pa-user" },
        { kind: "anonymousId", value: "pa-anon" },
      ],
      groups: [{ groupId: "acme", traits: { name: "Acme" } }],
      firstSeenAt: "2026-01-01T00:00:00.000Z",
      lastSeenAt: "2026-01-02T00:12:00.000Z",
      subscribed: false,
      unsubscribedAt: "2026-01-03T00:00:00.000Z",
    });
  });

  it("finds the profile by anonymousId or email too", async () => {
    for (const identifier of ["pa-anon", "PAT@example.com"]) {
      const response = await getProfile(
        get(`/api/v1/profiles/${encodeURIComponent(identifier)}`),
        ctx(identifier),
      );
      expect(response.status).toBe(200);
      expect(((await response.json()) as { profile: { userId: string } }).profile.userId).toBe(
        "pa-user",
      );
    }
  });

  it("404s for unknown ids and 401s without a valid secret key, in the envelope", async () => {
    const missing = await getProfile(get("/api/v1/profiles/nobody"), ctx("nobody"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: "not_found", message: "Profile not found." },
    });
    for (const key of [null, ws.writeKey, "sk_unknown"]) {
      const response = await getProfile(get("/api/v1/profiles/pa-user", key), ctx("pa-user"));
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        "unauthorized",
      );
    }
  });

  it("never shows another workspace's profile", async () => {
    const response = await getProfile(
      get("/api/v1/profiles/pa-user", other.secretKey),
      ctx("pa-user"),
    );
    const { profile } = (await response.json()) as { profile: { traits: unknown } };
    expect(profile.traits).toEqual({ secret: "other tenant" });
  });
});

describe("GET /api/v1/profiles/{userId}/events", () => {
  it("pages through every event exactly once, newest first", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=10&cursor=${cursor}` : "?limit=10";
      const response = await listEvents(
        get(`/api/v1/profiles/pa-user/events${query}`),
        ctx("pa-user"),
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        events: { messageId: string; timestamp: string }[];
        nextCursor: string | null;
      };
      seen.push(...body.events.map((e) => e.messageId));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(28);
    expect(new Set(seen).size).toBe(28);
    expect(seen.at(-1)).toBe("p-0"); // the merged anonymous page view, oldest
  });

  it("validates its query", async () => {
    const response = await listEvents(
      get("/api/v1/profiles/pa-user/events?limit=0"),
      ctx("pa-user"),
    );
    expect(response.status).toBe(422);
    const bad = await listEvents(
      get("/api/v1/profiles/pa-user/events?cursor=nope"),
      ctx("pa-user"),
    );
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe(
      "validation_failed",
    );
  });
});

describe("DELETE /api/v1/profiles/{userId}", () => {
  it("erases the profile, its identities, memberships and events", async () => {
    const profile = await prisma.profile.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: ws.workspaceId, userId: "pa-user" } },
    });
    const response = await deleteProfile(
      get("/api/v1/profiles/pa-user", ws.secretKey, "DELETE"),
      ctx("pa-user"),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true, deleted: { profiles: 1, events: 28 } });
    expect(await prisma.profile.findUnique({ where: { id: profile.id } })).toBeNull();
    expect(await prisma.profileIdentity.count({ where: { profileId: profile.id } })).toBe(0);
    expect(await prisma.profileGroup.count({ where: { profileId: profile.id } })).toBe(0);
    expect(
      await prisma.event.count({ where: { workspaceId: ws.workspaceId, profileId: profile.id } }),
    ).toBe(0);
    const again = await getProfile(get("/api/v1/profiles/pa-user"), ctx("pa-user"));
    expect(again.status).toBe(404);
    // the other workspace's profile with the same userId is untouched
    expect(
      await prisma.profile.count({ where: { workspaceId: other.workspaceId, userId: "pa-user" } }),
    ).toBe(1);
  });
});
