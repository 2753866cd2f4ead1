import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/inbox/route";
import { prisma } from "@/lib/db/client";
import { countsSql } from "@/lib/inbox/inbox-counts";
import type { InboxPage } from "@/lib/inbox/list-inbox";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { createInboxUser, ctx, deliver, get, hashHeaders } from "./inbox-fixtures";

let ws: TestWorkspace;
let profileId: string;
const seqs: bigint[] = [];

async function list(query = "", userId = "ada"): Promise<InboxPage> {
  const response = await listRoute(get(`/api/v1/inbox${query}`, hashHeaders(ws, userId)), ctx({}));
  expect(response.status).toBe(200);
  return (await response.json()) as InboxPage;
}

beforeAll(async () => {
  ws = await createTestWorkspace("Inbox list");
  profileId = await createInboxUser(ws, "ada");
  // 25 cards, 3 banners, 1 modal, 1 tooltip, then one expired card.
  for (let i = 0; i < 25; i++)
    seqs.push((await deliver(ws, profileId, { title: `Card ${i}` })).seq);
  for (let i = 0; i < 3; i++)
    await deliver(ws, profileId, { kind: "banner", title: `Banner ${i}` });
  await deliver(ws, profileId, { kind: "modal", title: "Modal" });
  await deliver(ws, profileId, {
    kind: "tooltip",
    title: "Tip",
    selector: "#create-report",
    pathPattern: "/reports/*",
  });
  await deliver(ws, profileId, {
    title: "Old news",
    expiresAt: new Date(Date.now() - 1000).toISOString(),
  });
  // Cards 0-4 read, 0-9 seen, 20-24 archived.
  const ids = async (from: number, to: number) =>
    (
      await prisma.inboxItem.findMany({
        where: { workspaceId: ws.workspaceId, seq: { in: seqs.slice(from, to) } },
      })
    ).map((r) => r.id);
  const now = new Date();
  await prisma.inboxItem.updateMany({
    where: { id: { in: await ids(0, 5) } },
    data: { readAt: now },
  });
  await prisma.inboxItem.updateMany({
    where: { id: { in: await ids(0, 10) } },
    data: { seenAt: now },
  });
  await prisma.inboxItem.updateMany({
    where: { id: { in: await ids(20, 25) } },
    data: { archivedAt: now },
  });
});

describe("GET /api/v1/inbox", () => {
  it("pages newest first by cursor, without repeats or gaps", async () => {
    const titles: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: InboxPage = await list(`?page_size=7${cursor ? `&cursor=${cursor}` : ""}`);
      titles.push(...page.items.map((item) => item.title));
      expect(page.items.length).toBeLessThanOrEqual(7);
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor);
    // 20 unarchived cards + 5 others; the expired card never shows.
    expect(titles).toHaveLength(25);
    expect(new Set(titles).size).toBe(25);
    expect(pages).toBe(4);
    expect(titles[0]).toBe("Tip");
    expect(titles.at(-1)).toBe("Card 0");
    expect(titles).not.toContain("Old news");
  });

  it("returns the public shape with both body forms", async () => {
    const { items } = await list("?kind=tooltip");
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: "tooltip",
      title: "Tip",
      body: "Hello **there**",
      body_html: "<p>Hello <strong>there</strong></p>",
      selector: "#create-report",
      path_pattern: "/reports/*",
      read_at: null,
      seen_at: null,
      archived_at: null,
    });
    expect(typeof items[0]?.seq).toBe("number");
    expect(items[0]?.message_id).toMatch(/\w+/);
  });

  it("filters by unread, unseen, archived and kind", async () => {
    const unread = await list("?unread=true&kind=card&page_size=100");
    expect(unread.items.map((i) => i.title).sort()).toEqual(
      Array.from({ length: 15 }, (_, i) => `Card ${i + 5}`).sort(),
    );
    const read = await list("?unread=false&page_size=100");
    expect(read.items).toHaveLength(5);
    const unseenCards = await list("?unseen=true&kind=card&page_size=100");
    expect(unseenCards.items).toHaveLength(10);
    const archivedOnly = await list("?archived=only&page_size=100");
    expect(archivedOnly.items.map((i) => i.title)).toEqual([
      "Card 24",
      "Card 23",
      "Card 22",
      "Card 21",
      "Card 20",
    ]);
    const all = await list("?archived=include&page_size=100");
    expect(all.items).toHaveLength(30);
    const presentations = await list("?kind=banner,modal&page_size=100");
    expect(presentations.items.map((i) => i.kind).sort()).toEqual([
      "banner",
      "banner",
      "banner",
      "modal",
    ]);
  });

  it("counts unread and unseen on the server, whatever the filter", async () => {
    const expected = {
      // cards: 20 unarchived, 5 read, 10 seen; plus 5 unread unseen others.
      unread: 15 + 5,
      unseen: 10 + 5,
      by_kind: {
        card: { unread: 15, unseen: 10 },
        banner: { unread: 3, unseen: 3 },
        modal: { unread: 1, unseen: 1 },
        tooltip: { unread: 1, unseen: 1 },
      },
    };
    expect((await list()).counts).toEqual(expected);
    expect((await list("?archived=only&kind=modal")).counts).toEqual(expected);
  });

  it("rejects bad parameters with the field named", async () => {
    for (const query of [
      "?page_size=0",
      "?page_size=101",
      "?cursor=abc",
      "?kind=popup",
      "?archived=maybe",
      "?unread=yes",
    ]) {
      const response = await listRoute(
        get(`/api/v1/inbox${query}`, hashHeaders(ws, "ada")),
        ctx({}),
      );
      expect(response.status, query).toBe(422);
      const body = (await response.json()) as {
        error: { code: string; details: { issues: { field: string }[] } };
      };
      expect(body.error.code).toBe("validation_failed");
      const field = query.slice(1).split("=")[0] ?? "";
      expect(body.error.details.issues[0]?.field.startsWith(field), query).toBe(true);
    }
  });

  it("gives a proven user without a profile an empty inbox and creates nothing", async () => {
    const before = await prisma.profile.count({ where: { workspaceId: ws.workspaceId } });
    const page = await list("", "nobody-yet");
    expect(page.items).toEqual([]);
    expect(page.counts.unread).toBe(0);
    expect(page.next_cursor).toBeNull();
    expect(await prisma.profile.count({ where: { workspaceId: ws.workspaceId } })).toBe(before);
  });

  it("gives a user with a profile and nothing counted an empty page with zero counts", async () => {
    await createInboxUser(ws, "empty");
    const page = await list("", "empty");
    expect(page).toEqual({
      items: [],
      next_cursor: null,
      counts: {
        unread: 0,
        unseen: 0,
        by_kind: {
          card: { unread: 0, unseen: 0 },
          banner: { unread: 0, unseen: 0 },
          modal: { unread: 0, unseen: 0 },
          tooltip: { unread: 0, unseen: 0 },
        },
      },
    });
  });

  it("reads timestamps as the UTC Prisma wrote, whatever the process time zone", async () => {
    const stored = await prisma.inboxItem.findFirstOrThrow({
      where: { workspaceId: ws.workspaceId, seq: seqs[0] },
    });
    const zone = process.env.TZ;
    process.env.TZ = "Asia/Kolkata"; // +05:30: a local-time reading would shift by hours
    try {
      const { items } = await list("?unread=false&page_size=100");
      const item = items.find((i) => i.id === stored.id);
      expect(item?.created_at).toBe(stored.createdAt.toISOString());
      expect(item?.read_at).toBe(stored.readAt?.toISOString());
      expect(item?.seen_at).toBe(stored.seenAt?.toISOString());
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("keeps an item that expires later listed and counted until then", async () => {
    const later = await deliver(ws, profileId, {
      title: "Soon gone",
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    try {
      const page = await list("?page_size=1");
      expect(page.items[0]?.title).toBe("Soon gone");
      expect(page.counts.by_kind.card).toEqual({ unread: 16, unseen: 11 });
    } finally {
      await prisma.inboxItem.delete({ where: { id: later.inboxItemId } });
    }
  });
});

describe("the badge count query", () => {
  it("is answered from the partial badge index", async () => {
    // With sequential and bitmap scans off the planner still has the
    // (workspaceId, profileId, seq) index; it picks the partial one only
    // while the query implies its predicate.
    const query = countsSql(ws.workspaceId, profileId, new Date());
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("SET enable_seqscan = off");
      await client.query("SET enable_bitmapscan = off");
      const { rows } = await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN ${query.text}`,
        query.values as unknown[],
      );
      const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
      expect(plan).toMatch(/Index Only Scan using inbox_items_badge_idx/);
    } finally {
      await client.end();
    }
  });
});
