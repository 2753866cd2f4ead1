import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import {
  type SearchProfilesQuery,
  searchProfiles,
  searchProfilesQuerySchema,
} from "@/lib/profiles/search-profiles";
import { createTestWorkspace } from "@/test/fixtures/workspace";

let workspaceId: string;
let otherWorkspaceId: string;
const now = new Date("2026-03-10T12:00:00.000Z");

function query(input: Record<string, string> = {}): SearchProfilesQuery {
  return searchProfilesQuerySchema.parse(input);
}

async function search(input: Record<string, string> = {}) {
  return searchProfiles({ workspaceId, query: query(input), now });
}

const userIds = (page: { profiles: { userId: string | null }[] }) =>
  page.profiles.map((p) => p.userId);

beforeAll(async () => {
  ({ workspaceId } = await createTestWorkspace("A"));
  ({ workspaceId: otherWorkspaceId } = await createTestWorkspace("B"));
  await ingestBatch({
    workspaceId,
    evaluate: false,
    receivedAt: now,
    items: [
      {
        type: "identify",
        userId: "u_ann",
        traits: { name: "Ann Lee", email: "ann@acme.test", plan: "pro", seats: 3 },
        timestamp: "2026-03-09T10:00:00Z",
      },
      {
        type: "identify",
        userId: "u_bob",
        traits: { email: "bob@globex.test", plan: "free", company: { name: "Globex" } },
        timestamp: "2026-03-01T10:00:00Z",
      },
      {
        type: "identify",
        userId: "u_cat",
        traits: { plan: "Pro", note: "100% sure_thing" },
        timestamp: "2026-01-01T10:00:00Z",
      },
      {
        type: "track",
        anonymousId: "anon-7f3",
        event: "Viewed Pricing",
        timestamp: "2026-03-08T10:00:00Z",
      },
    ],
  });
  // Same email in another workspace: never found from this one.
  await ingestBatch({
    workspaceId: otherWorkspaceId,
    evaluate: false,
    receivedAt: now,
    items: [
      {
        type: "identify",
        userId: "u_ann",
        traits: { email: "ann@acme.test", plan: "pro" },
        timestamp: "2026-03-09T10:00:00Z",
      },
    ],
  });
});

describe("searchProfiles", () => {
  it("lists every profile of the workspace, most recently seen first, with a total", async () => {
    const page = await search();
    expect(userIds(page)).toEqual(["u_ann", null, "u_bob", "u_cat"]);
    expect(page.total).toBe(4);
    expect(page.nextCursor).toBeNull();
    const anonymous = page.profiles[1];
    expect(anonymous?.anonymousId).toBe("anon-7f3");
    expect(page.profiles[0]).toMatchObject({
      email: "ann@acme.test",
      name: "Ann Lee",
      traits: {
        shown: [
          ["plan", "pro"],
          ["seats", "3"],
        ],
        more: 0,
      },
      lastSeenAt: "2026-03-09T10:00:00.000Z",
      unsubscribed: false,
    });
  });

  it("finds by userId, anonymousId, email and profile id in free text", async () => {
    expect(userIds(await search({ q: "u_bob" }))).toEqual(["u_bob"]);
    expect((await search({ q: "7F3" })).profiles.map((p) => p.anonymousId)).toEqual(["anon-7f3"]);
    expect(userIds(await search({ q: "GLOBEX.test" }))).toEqual(["u_bob"]);
    const cat = (await search({ q: "u_cat" })).profiles[0];
    expect(userIds(await search({ q: cat?.id ?? "" }))).toEqual(["u_cat"]);
  });

  it("free text matches trait values, not trait keys", async () => {
    expect(userIds(await search({ q: "Ann Lee" }))).toEqual(["u_ann"]);
    expect(userIds(await search({ q: "seats" }))).toEqual([]);
    // Nested objects match on their value text.
    expect(userIds(await search({ q: "globex" }))).toEqual(["u_bob"]);
  });

  it("treats % and _ literally", async () => {
    expect(userIds(await search({ q: "100% sure_" }))).toEqual(["u_cat"]);
    expect(userIds(await search({ q: "%" }))).toEqual(["u_cat"]);
    expect(userIds(await search({ q: "_" }))).toEqual(["u_ann", "u_bob", "u_cat"]);
  });

  it("key:value terms match a trait exactly, case-insensitively, nested paths too", async () => {
    expect(userIds(await search({ q: "plan:pro" }))).toEqual(["u_ann", "u_cat"]);
    expect(userIds(await search({ q: "plan:pr" }))).toEqual([]);
    expect(userIds(await search({ q: "seats:3" }))).toEqual(["u_ann"]);
    expect(userIds(await search({ q: 'company.name:"globex"' }))).toEqual(["u_bob"]);
    expect(userIds(await search({ q: "plan:pro email:acme" }))).toEqual(["u_ann"]);
    expect(userIds(await search({ q: "userId:u_cat" }))).toEqual(["u_cat"]);
    expect(userIds(await search({ q: "userId:u_ca" }))).toEqual([]);
    expect((await search({ q: "anonymousId:anon-7f3" })).profiles).toHaveLength(1);
    expect(userIds(await search({ q: "id:not-a-uuid" }))).toEqual([]);
  });

  it("a SQL-looking query is only text", async () => {
    expect((await search({ q: "' OR 1=1 --" })).profiles).toEqual([]);
    expect((await search({ q: "plan:'pro'); DROP TABLE profiles; --" })).profiles).toEqual([]);
    expect(await prisma.profile.count({ where: { workspaceId } })).toBe(4);
  });

  it("filters by last seen, email and subscription", async () => {
    expect(userIds(await search({ seenWithinDays: "10" }))).toEqual(["u_ann", null, "u_bob"]);
    expect(userIds(await search({ seenWithinDays: "7" }))).toEqual(["u_ann", null]);
    expect(userIds(await search({ seenWithinDays: "2" }))).toEqual(["u_ann"]);
    expect(userIds(await search({ hasEmail: "true" }))).toEqual(["u_ann", "u_bob"]);
    expect(userIds(await search({ hasEmail: "false" }))).toEqual([null, "u_cat"]);
    const cat = (await search({ q: "u_cat" })).profiles[0];
    await prisma.profile.update({ where: { id: cat?.id }, data: { unsubscribedAt: now } });
    expect(userIds(await search({ subscription: "unsubscribed" }))).toEqual(["u_cat"]);
    expect(userIds(await search({ subscription: "subscribed" }))).toEqual(["u_ann", null, "u_bob"]);
    expect(userIds(await search({ q: "plan:pro", hasEmail: "true" }))).toEqual(["u_ann"]);
  });

  it("pages with a keyset cursor without gaps or repeats", async () => {
    const first = await search({ limit: "3" });
    expect(userIds(first)).toEqual(["u_ann", null, "u_bob"]);
    expect(first.nextCursor).not.toBeNull();
    const second = await search({ limit: "3", cursor: first.nextCursor ?? "" });
    expect(userIds(second)).toEqual(["u_cat"]);
    expect(second.nextCursor).toBeNull();
    expect(second.total).toBeNull();
  });

  it("rejects a cursor it did not issue", async () => {
    await expect(search({ cursor: "garbage" })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("sees only its own workspace", async () => {
    const other = await searchProfiles({ workspaceId: otherWorkspaceId, query: query(), now });
    expect(other.total).toBe(1);
    expect((await search({ q: "ann@acme.test" })).total).toBe(1);
  });
});
