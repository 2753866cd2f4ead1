import { beforeAll, describe, expect, it } from "vitest";
import { POST as actionRoute } from "@/app/api/v1/inbox/[id]/[action]/route";
import { POST as bulkRoute } from "@/app/api/v1/inbox/bulk/route";
import { POST as markAllRoute } from "@/app/api/v1/inbox/mark-all/route";
import { prisma } from "@/lib/db/client";
import type { InboxCounts } from "@/lib/inbox/inbox-counts";
import type { InboxItemJson } from "@/lib/inbox/inbox-item-json";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { createInboxUser, ctx, deliver, hashHeaders, post } from "./inbox-fixtures";

let ws: TestWorkspace;
let other: TestWorkspace;
let ada: string;
let bob: string;

beforeAll(async () => {
  ws = await createTestWorkspace("Inbox state");
  other = await createTestWorkspace("Other tenant");
  ada = await createInboxUser(ws, "ada");
  bob = await createInboxUser(ws, "bob");
});

async function act(id: string, action: string, userId = "ada", workspace = ws) {
  const response = await actionRoute(
    post(`/api/v1/inbox/${id}/${action}`, undefined, hashHeaders(workspace, userId)),
    ctx({ id, action }),
  );
  return {
    status: response.status,
    body: (await response.json()) as {
      item: InboxItemJson;
      counts: InboxCounts;
      error?: { code: string; message: string };
    },
  };
}

async function eventsOf(itemId: string) {
  const rows = await prisma.event.findMany({
    where: { workspaceId: ws.workspaceId, messageId: { startsWith: `cue-inbox-${itemId}-` } },
    orderBy: { name: "asc" },
  });
  return rows.map((row) => ({
    name: row.name,
    properties: row.properties,
    profileId: row.profileId,
  }));
}

describe("POST /api/v1/inbox/{id}/{action}", () => {
  it("marks seen, read, clicked and archived, with undo, keeping first times", async () => {
    const { inboxItemId: id } = await deliver(ws, ada);
    const seen = await act(id, "seen");
    expect(seen.status).toBe(200);
    expect(seen.body.item.seen_at).not.toBeNull();
    expect(seen.body.item.read_at).toBeNull();
    expect(seen.body.counts.unseen).toBe(0);
    expect(seen.body.counts.unread).toBe(1);

    const read = await act(id, "read");
    expect(read.body.item.read_at).not.toBeNull();
    expect(read.body.item.seen_at).toBe(seen.body.item.seen_at);
    expect(read.body.counts.unread).toBe(0);

    const unread = await act(id, "unread");
    expect(unread.body.item.read_at).toBeNull();
    expect(unread.body.item.seen_at).toBe(seen.body.item.seen_at);
    expect(unread.body.counts.unread).toBe(1);

    const clicked = await act(id, "clicked");
    expect(clicked.body.item.clicked_at).not.toBeNull();
    expect(clicked.body.item.read_at).not.toBeNull();
    const again = await act(id, "clicked");
    expect(again.body.item.clicked_at).toBe(clicked.body.item.clicked_at);

    const archived = await act(id, "archived");
    expect(archived.body.item.archived_at).not.toBeNull();
    const unarchived = await act(id, "unarchived");
    expect(unarchived.body.item.archived_at).toBeNull();
  });

  it("records Message Seen/Read/Clicked/Archived once each, for the user's profile", async () => {
    const { inboxItemId: id, messageId } = await deliver(
      ws,
      ada,
      { kind: "modal" },
      { journeyId: "journey_1" },
    );
    await act(id, "clicked"); // implies seen and read
    await act(id, "unread");
    await act(id, "read");
    await act(id, "archived");
    const events = await eventsOf(id);
    expect(events.map((e) => e.name)).toEqual([
      "Message Archived",
      "Message Clicked",
      "Message Read",
      "Message Seen",
    ]);
    for (const event of events) {
      expect(event.profileId).toBe(ada);
      expect(event.properties).toEqual({
        message_id: messageId,
        inbox_item_id: id,
        kind: "modal",
        journey_id: "journey_1",
      });
    }
  });

  it("undo records nothing", async () => {
    const { inboxItemId: id } = await deliver(ws, ada);
    await act(id, "unread");
    await act(id, "unarchived");
    expect(await eventsOf(id)).toEqual([]);
  });

  it("answers 404 for an id that does not exist or is another user's, and changes nothing", async () => {
    const { inboxItemId: bobsItem } = await deliver(ws, bob);
    const missing = await act("does-not-exist", "read");
    const foreign = await act(bobsItem, "read");
    expect(missing.status).toBe(404);
    expect(foreign.status).toBe(404);
    // Identical answers: nothing tells "exists but not yours" from "missing".
    expect(foreign.body).toEqual(missing.body);
    expect(foreign.body).toEqual({
      error: { code: "not_found", message: "Inbox item not found." },
    });
    const row = await prisma.inboxItem.findUniqueOrThrow({ where: { id: bobsItem } });
    expect(row.readAt).toBeNull();
    expect(await eventsOf(bobsItem)).toEqual([]);
  });

  it("answers 404 for another workspace's item even with valid credentials there", async () => {
    const { inboxItemId } = await deliver(ws, ada);
    await createInboxUser(other, "ada");
    const response = await act(inboxItemId, "archived", "ada", other);
    expect(response.status).toBe(404);
    expect(
      (await prisma.inboxItem.findUniqueOrThrow({ where: { id: inboxItemId } })).archivedAt,
    ).toBeNull();
  });

  it("rejects an unknown action", async () => {
    const { inboxItemId } = await deliver(ws, ada);
    const response = await act(inboxItemId, "deleted");
    expect(response.status).toBe(422);
  });
});

describe("bulk and mark-all", () => {
  it("applies an action to the user's ids and lists the ones it could not", async () => {
    const mine = await Promise.all([deliver(ws, ada), deliver(ws, ada), deliver(ws, ada)]);
    const { inboxItemId: bobs } = await deliver(ws, bob);
    const ids = [...mine.map((m) => m.inboxItemId), bobs, "nope"];
    const response = await bulkRoute(
      post("/api/v1/inbox/bulk", { ids, action: "read" }, hashHeaders(ws, "ada")),
      ctx({}),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      updated: number;
      not_found: string[];
      counts: InboxCounts;
    };
    expect(body.updated).toBe(3);
    expect(body.not_found.sort()).toEqual([bobs, "nope"].sort());
    const rows = await prisma.inboxItem.findMany({ where: { id: { in: ids } } });
    for (const row of rows) expect(row.readAt === null).toBe(row.id === bobs);
  });

  it("validates the bulk body", async () => {
    for (const body of [
      { ids: [], action: "read" },
      { ids: ["a"], action: "explode" },
      { ids: ["a"] },
    ]) {
      const response = await bulkRoute(
        post("/api/v1/inbox/bulk", body, hashHeaders(ws, "ada")),
        ctx({}),
      );
      expect(response.status).toBe(422);
    }
  });

  it("marks everything visible read, then archived, and only the caller's", async () => {
    const carol = await createInboxUser(ws, "carol");
    const items = await Promise.all([deliver(ws, carol), deliver(ws, carol), deliver(ws, carol)]);
    await deliver(ws, carol, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    const { inboxItemId: bobs } = await deliver(ws, bob);

    const markAll = async (action: string) => {
      const response = await markAllRoute(
        post("/api/v1/inbox/mark-all", { action }, hashHeaders(ws, "carol")),
        ctx({}),
      );
      expect(response.status).toBe(200);
      return (await response.json()) as { updated: number; counts: InboxCounts };
    };
    const read = await markAll("read");
    expect(read.updated).toBe(3);
    expect(read.counts).toMatchObject({ unread: 0, unseen: 0 });
    expect((await markAll("read")).updated).toBe(0);
    const archived = await markAll("archived");
    expect(archived.updated).toBe(3);
    expect((await prisma.inboxItem.findUniqueOrThrow({ where: { id: bobs } })).readAt).toBeNull();

    const events = await prisma.event.findMany({
      where: { workspaceId: ws.workspaceId, profileId: carol, name: { startsWith: "Message " } },
    });
    expect(events.filter((e) => e.name === "Message Read")).toHaveLength(3);
    expect(events.filter((e) => e.name === "Message Archived")).toHaveLength(3);
    const itemIds = new Set(items.map((i) => i.inboxItemId));
    for (const event of events) {
      expect(itemIds.has((event.properties as { inbox_item_id: string }).inbox_item_id)).toBe(true);
    }
  });

  it("limits mark-all to the kinds given", async () => {
    const dora = await createInboxUser(ws, "dora");
    const { inboxItemId: cardId } = await deliver(ws, dora);
    const { inboxItemId: tooltipId } = await deliver(ws, dora, { kind: "tooltip", selector: "#x" });
    const response = await markAllRoute(
      post("/api/v1/inbox/mark-all", { action: "read", kind: ["card"] }, hashHeaders(ws, "dora")),
      ctx({}),
    );
    expect(((await response.json()) as { updated: number }).updated).toBe(1);
    const rows = await prisma.inboxItem.findMany({ where: { id: { in: [cardId, tooltipId] } } });
    expect(rows.find((r) => r.id === cardId)?.readAt).not.toBeNull();
    expect(rows.find((r) => r.id === tooltipId)?.readAt).toBeNull();
  });

  it("refuses mark-all unread", async () => {
    const response = await markAllRoute(
      post("/api/v1/inbox/mark-all", { action: "unread" }, hashHeaders(ws, "ada")),
      ctx({}),
    );
    expect(response.status).toBe(422);
  });
});
