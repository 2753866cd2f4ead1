import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Catalog } from "@/lib/events/list-catalog";
import type { EventItem, EventsPage } from "@/lib/events/list-events";
import type { RejectedPage } from "@/lib/events/list-rejected";
import type { Member } from "@/lib/generated/prisma/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

// The Events page APIs with a mocked session over a real database.
const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));

const { GET: eventsRoute } = await import("@/app/api/w/[workspaceId]/events/route");
const { GET: rejectedRoute } = await import("@/app/api/w/[workspaceId]/events/rejected/route");
const { GET: catalogRoute } = await import("@/app/api/w/[workspaceId]/events/catalog/route");

const XSS = "<script>alert(1)</script>";
const SQL = "'; DROP TABLE events; --";
let alice: Member;
let workspaceA: string;
let workspaceB: string;

const ctx = (workspaceId: string) => ({ params: Promise.resolve({ workspaceId }) });
const get = (query = "") => new Request(`http://cue.test/${query ? `?${query}` : ""}`);

async function events(query = "", workspaceId = workspaceA): Promise<EventsPage> {
  const response = await eventsRoute(get(query), ctx(workspaceId));
  expect(response.status).toBe(200);
  return (await response.json()) as EventsPage;
}
const names = (page: { events: EventItem[] }) => page.events.map((e) => e.name ?? e.type);

beforeAll(async () => {
  alice = await prisma.member.create({ data: { email: "alice@a.test", passwordHash: "x" } });
  const bob = await prisma.member.create({ data: { email: "bob@b.test", passwordHash: "x" } });
  workspaceA = (await createWorkspace({ name: "A", ownerId: alice.id })).workspaceId;
  workspaceB = (await createWorkspace({ name: "B", ownerId: bob.id })).workspaceId;
  session.member = alice;

  // Three requests, one second apart.
  await ingestBatch({
    workspaceId: workspaceA,
    evaluate: false,
    receivedAt: new Date("2026-03-01T10:00:00Z"),
    items: [
      { type: "identify", userId: "u1", anonymousId: "anon-1", traits: { email: "ann@acme.test" } },
      { type: "track", userId: "u1", event: "Signed Up", properties: { plan: "pro", seats: 3 } },
    ],
  });
  await ingestBatch({
    workspaceId: workspaceA,
    evaluate: false,
    receivedAt: new Date("2026-03-01T10:00:01Z"),
    items: [
      {
        type: "track",
        anonymousId: "anon-2",
        event: "Viewed Pricing",
        properties: { html: XSS, sql: SQL },
      },
      { type: "page", anonymousId: "anon-2", name: "Pricing", properties: { path: "/pricing" } },
      { type: "track", event: "No Identity" },
      { type: "track", userId: "u1", event: "Bad Time", timestamp: "not a date" },
    ],
  });
  await ingestBatch({
    workspaceId: workspaceA,
    evaluate: false,
    receivedAt: new Date("2026-03-01T10:00:02Z"),
    items: [
      {
        type: "track",
        userId: "u1",
        event: "Signed Up",
        properties: { plan: "free", coupon: true },
      },
    ],
  });
  await ingestBatch({
    workspaceId: workspaceB,
    evaluate: false,
    items: [{ type: "track", userId: "u1", event: "Secret B Event" }, { type: "nope" }],
  });
});

describe("GET /api/w/:workspaceId/events", () => {
  it("lists the workspace's events, newest received first", async () => {
    const page = await events();
    expect(page.events).toHaveLength(5);
    expect(page.events[0]).toMatchObject({
      name: "Signed Up",
      userId: "u1",
      properties: { plan: "free", coupon: true },
    });
    expect(names(page)).not.toContain("Secret B Event");
    expect(page.nextCursor).toBeNull();
    expect(page.latestCursor).not.toBeNull();
  });

  it("returns HTML and SQL in properties as plain data", async () => {
    const page = await events("name=Viewed%20Pricing");
    expect(page.events).toHaveLength(1);
    expect(page.events[0]?.properties).toEqual({ html: XSS, sql: SQL });
    expect(await prisma.event.count({ where: { workspaceId: workspaceA } })).toBe(5);
  });

  it("filters by name, type and user (userId or anonymousId, via the profile)", async () => {
    expect(names(await events("name=Signed%20Up"))).toEqual(["Signed Up", "Signed Up"]);
    expect(names(await events("type=page"))).toEqual(["Pricing"]);
    // identify and the first Signed Up arrived in one request: same receivedAt.
    expect(names(await events("user=u1")).sort()).toEqual(["Signed Up", "Signed Up", "identify"]);
    // anon-1 belongs to u1's profile: its whole history comes along.
    expect(names(await events("user=anon-1"))).toHaveLength(3);
    expect(names(await events("user=anon-2")).sort()).toEqual(["Pricing", "Viewed Pricing"]);
    expect(names(await events("user=nobody"))).toEqual([]);
    expect(names(await events("name=Signed%20Up&user=anon-2"))).toEqual([]);
  });

  it("pages back with cursor, without gaps or repeats", async () => {
    const all = (await events()).events.map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: EventsPage = await events(`limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("polls with after: only newer events (plus the late-commit window), and the same cursor back when none", async () => {
    const first = await events();
    const idle = await events(`after=${first.latestCursor}`);
    // Events received within 5 s before the cursor are re-read, so a late
    // commit is not missed; the client merges by id.
    expect(idle.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(idle.truncated).toBe(false);

    await ingestBatch({
      workspaceId: workspaceA,
      evaluate: false,
      receivedAt: new Date("2026-03-01T10:01:00Z"),
      items: [{ type: "track", userId: "u1", event: "Later" }],
    });
    const fresh = await events(`after=${first.latestCursor}`);
    expect(names(fresh)[0]).toBe("Later");
    expect(fresh.events.slice(1).map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    // A minute later, the window no longer reaches back to the earlier events.
    const next = await events(`after=${fresh.latestCursor}`);
    expect(names(next)).toEqual(["Later"]);
    expect(fresh.latestCursor).not.toBe(first.latestCursor);
    const none = await events(`after=${fresh.latestCursor}&name=Nothing`);
    expect(none.events).toEqual([]);
    expect(none.latestCursor).toBe(fresh.latestCursor);
  });

  it("flags a poll that found more new events than the limit", async () => {
    const first = await events("name=Burst");
    await ingestBatch({
      workspaceId: workspaceA,
      evaluate: false,
      receivedAt: new Date("2026-03-01T10:02:00Z"),
      items: Array.from({ length: 4 }, (_, i) => ({
        type: "track",
        userId: "u1",
        event: "Burst",
        properties: { i },
      })),
    });
    expect(first.latestCursor).toBeNull();
    const start = await events("name=Burst&limit=1");
    const polled = await events(`name=Burst&limit=2&after=${start.latestCursor}`);
    expect(polled.truncated).toBe(true);
  });

  it("validates the query per field", async () => {
    for (const [query, field] of [
      ["type=bogus", "type"],
      ["limit=0", "limit"],
      ["cursor=abc", "cursor"],
      ["after=abc", "after"],
    ] as const) {
      const response = await eventsRoute(get(query), ctx(workspaceA));
      expect(response.status).toBe(422);
      const body = (await response.json()) as {
        error: { details: { issues: { field: string }[] } };
      };
      expect(body.error.details.issues[0]?.field).toBe(field);
    }
  });

  it("is 401 signed out and 404 for another tenant's workspace", async () => {
    session.member = null;
    expect((await eventsRoute(get(), ctx(workspaceA))).status).toBe(401);
    session.member = alice;
    for (const route of [eventsRoute, rejectedRoute, catalogRoute]) {
      const response = await route(get(), ctx(workspaceB));
      expect(response.status).toBe(404);
    }
  });
});

describe("GET /api/w/:workspaceId/events/rejected", () => {
  it("lists refused calls with code, field, message and payload, newest first", async () => {
    const response = await rejectedRoute(get(), ctx(workspaceA));
    expect(response.status).toBe(200);
    const body = (await response.json()) as RejectedPage;
    expect(body.rejected.map((r) => r.code).sort()).toEqual([
      "invalid_timestamp",
      "missing_identity",
    ]);
    const bad = body.rejected.find((r) => r.code === "invalid_timestamp");
    expect(bad).toMatchObject({ field: "timestamp", batchIndex: 3 });
    expect(bad?.message).toEqual(expect.any(String));
    expect(bad?.payload).toMatchObject({ event: "Bad Time" });
  });

  it("filters by code and pages with a cursor", async () => {
    const first = (await (
      await rejectedRoute(get("limit=1"), ctx(workspaceA))
    ).json()) as RejectedPage;
    expect(first.rejected).toHaveLength(1);
    const second = (await (
      await rejectedRoute(get(`limit=1&cursor=${first.nextCursor}`), ctx(workspaceA))
    ).json()) as RejectedPage;
    expect(second.rejected).toHaveLength(1);
    expect(second.rejected[0]?.id).not.toBe(first.rejected[0]?.id);
    expect(second.nextCursor).toBeNull();
    const byCode = (await (
      await rejectedRoute(get("code=missing_identity"), ctx(workspaceA))
    ).json()) as RejectedPage;
    expect(byCode.rejected.map((r) => r.code)).toEqual(["missing_identity"]);
  });
});

describe("GET /api/w/:workspaceId/events/catalog", () => {
  it("lists event names with their property keys and types, counts and last seen", async () => {
    const response = await catalogRoute(get(), ctx(workspaceA));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Catalog;
    expect(body.events.map((e) => e.name)).toEqual([
      "Burst",
      "Later",
      "page",
      "Signed Up",
      "Viewed Pricing",
    ]);
    const signedUp = body.events.find((e) => e.name === "Signed Up");
    expect(signedUp).toMatchObject({
      count: 2,
      properties: [
        { key: "coupon", type: "boolean" },
        { key: "plan", type: "string" },
        { key: "seats", type: "number" },
      ],
    });
    expect(body.events.some((e) => e.name === "Secret B Event")).toBe(false);
  });
});
