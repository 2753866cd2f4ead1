import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Member } from "@/lib/generated/prisma/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

// The admin profile APIs under /api/w/:workspaceId with a chosen signed-in
// member (the session is mocked, the database is real).
const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));

const { GET: searchRoute } = await import("@/app/api/w/[workspaceId]/profiles/route");
const { GET: profileRoute } = await import("@/app/api/w/[workspaceId]/profiles/[profileId]/route");
const { GET: timelineRoute } = await import(
  "@/app/api/w/[workspaceId]/profiles/[profileId]/events/route"
);

const XSS = "<script>alert(1)</script>";
let alice: Member;
let workspaceA: string;
let workspaceB: string;
let annId: string;
let bobInB: string;

const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
const get = (path: string) => new Request(`http://cue.test${path}`);

interface Body {
  error?: { code: string; message: string; details?: { issues: { field: string }[] } };
  [key: string]: unknown;
}
async function json(response: Response): Promise<Body> {
  return (await response.json()) as Body;
}

beforeAll(async () => {
  alice = await prisma.member.create({ data: { email: "alice@a.test", passwordHash: "x" } });
  const bob = await prisma.member.create({ data: { email: "bob@b.test", passwordHash: "x" } });
  workspaceA = (await createWorkspace({ name: "A", ownerId: alice.id })).workspaceId;
  workspaceB = (await createWorkspace({ name: "B", ownerId: bob.id })).workspaceId;

  const events = Array.from({ length: 7 }, (_, i) => ({
    type: "track",
    userId: "u_ann",
    event: `Step ${i}`,
    messageId: `step-${i}`,
    // Two events share each timestamp: the id breaks the tie.
    timestamp: new Date(Date.UTC(2026, 2, 1, 10, Math.floor(i / 2))).toISOString(),
    properties: { i },
  }));
  await ingestBatch({
    workspaceId: workspaceA,
    evaluate: false,
    items: [
      {
        type: "identify",
        userId: "u_ann",
        anonymousId: "anon-1",
        traits: { email: "ann@acme.test", plan: "pro", bio: XSS },
        timestamp: "2026-03-01T09:00:00Z",
      },
      {
        type: "group",
        userId: "u_ann",
        groupId: "g_acme",
        traits: { name: "Acme", tier: "gold" },
        timestamp: "2026-03-01T09:00:01Z",
      },
      ...events,
    ],
  });
  await ingestBatch({
    workspaceId: workspaceB,
    evaluate: false,
    items: [{ type: "identify", userId: "u_bob", traits: { email: "bob@b.test" } }],
  });
  annId = (
    await prisma.profile.findFirstOrThrow({ where: { workspaceId: workspaceA, userId: "u_ann" } })
  ).id;
  bobInB = (await prisma.profile.findFirstOrThrow({ where: { workspaceId: workspaceB } })).id;
});

describe("GET /api/w/:workspaceId/profiles", () => {
  it("searches by email, userId and trait, scoped to the workspace", async () => {
    session.member = alice;
    for (const q of ["ann@acme", "u_ann", "plan:pro", "anon-1"]) {
      const response = await searchRoute(
        get(`/?q=${encodeURIComponent(q)}`),
        ctx({ workspaceId: workspaceA }),
      );
      expect(response.status).toBe(200);
      const body = await json(response);
      expect((body.profiles as { id: string }[]).map((p) => p.id)).toEqual([annId]);
    }
    const bob = await json(await searchRoute(get("/?q=bob"), ctx({ workspaceId: workspaceA })));
    expect(bob.profiles).toEqual([]);
  });

  it("ignores empty parameters and validates the others per field", async () => {
    session.member = alice;
    const empty = await searchRoute(
      get("/?q=&seenWithinDays=&hasEmail="),
      ctx({ workspaceId: workspaceA }),
    );
    expect(empty.status).toBe(200);
    const bad = await searchRoute(get("/?seenWithinDays=-3"), ctx({ workspaceId: workspaceA }));
    expect(bad.status).toBe(422);
    expect((await json(bad)).error?.details?.issues[0]?.field).toBe("seenWithinDays");
  });

  it("is 401 signed out and 404 for another tenant's workspace", async () => {
    session.member = null;
    expect((await searchRoute(get("/"), ctx({ workspaceId: workspaceA }))).status).toBe(401);
    session.member = alice;
    expect((await searchRoute(get("/"), ctx({ workspaceId: workspaceB }))).status).toBe(404);
  });
});

describe("GET /api/w/:workspaceId/profiles/:profileId", () => {
  it("returns traits, identities and groups with their traits; HTML stays data", async () => {
    session.member = alice;
    const response = await profileRoute(
      get("/"),
      ctx({ workspaceId: workspaceA, profileId: annId }),
    );
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({
      id: annId,
      userId: "u_ann",
      email: "ann@acme.test",
      traits: { plan: "pro", bio: XSS },
      groups: [{ groupId: "g_acme", traits: { name: "Acme", tier: "gold" } }],
      subscribed: true,
      unsubscribedAt: null,
      firstSeenAt: "2026-03-01T09:00:00.000Z",
    });
    expect(body.identities).toEqual(
      expect.arrayContaining([
        { kind: "userId", value: "u_ann" },
        { kind: "anonymousId", value: "anon-1" },
      ]),
    );
    // The raw text, not an escaped or stripped copy.
    expect(JSON.parse(JSON.stringify(body)).traits.bio).toBe(XSS);
  });

  it("is 404 for another workspace's profile through this workspace's URL, and for junk ids", async () => {
    session.member = alice;
    for (const profileId of [bobInB, "not-a-uuid", "00000000-0000-0000-0000-000000000000"]) {
      const response = await profileRoute(get("/"), ctx({ workspaceId: workspaceA, profileId }));
      expect(response.status).toBe(404);
      expect(await json(response)).toEqual({
        error: { code: "not_found", message: "Profile not found." },
      });
    }
    const timeline = await timelineRoute(
      get("/"),
      ctx({ workspaceId: workspaceA, profileId: bobInB }),
    );
    expect(timeline.status).toBe(404);
  });
});

describe("GET /api/w/:workspaceId/profiles/:profileId/events", () => {
  it("pages the timeline newest first by (timestamp, id) without gaps or repeats", async () => {
    session.member = alice;
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const response = await timelineRoute(
        get(path),
        ctx({ workspaceId: workspaceA, profileId: annId }),
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        events: { messageId: string }[];
        nextCursor: string | null;
      };
      seen.push(...body.events.map((e) => e.messageId));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    // 7 tracks + identify + group = 9 events, in 3 pages.
    expect(pages).toBe(3);
    const expected = await prisma.event.findMany({
      where: { workspaceId: workspaceA, profileId: annId },
      orderBy: [{ timestamp: "desc" }, { id: "desc" }],
      select: { messageId: true },
    });
    expect(seen).toEqual(expected.map((e) => e.messageId));
    expect(new Set(seen).size).toBe(9);
    expect(seen[0]).toBe("step-6");
  });

  it("rejects a bad cursor with a field-level 422", async () => {
    session.member = alice;
    const response = await timelineRoute(
      get("/?cursor=nope"),
      ctx({ workspaceId: workspaceA, profileId: annId }),
    );
    expect(response.status).toBe(422);
    expect((await json(response)).error?.details?.issues[0]?.field).toBe("cursor");
  });
});
