import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as actionRoute } from "@/app/api/v1/inbox/[id]/[action]/route";
import { GET as streamRoute } from "@/app/api/v1/inbox/stream/route";
import { deliverInApp } from "@/lib/channels/in-app/deliver-in-app";
import { prisma } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { InboxCounts } from "@/lib/inbox/inbox-counts";
import type { InboxItemJson } from "@/lib/inbox/inbox-item-json";
import { closeInboxHub, getInboxHub } from "@/lib/inbox/inbox-stream";
import { profileWaiterLookups } from "@/lib/inbox/profile-waiters";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import {
  createInboxUser,
  ctx,
  deliver,
  get,
  hashHeaders,
  hashQuery,
  post,
  rendered,
} from "./inbox-fixtures";
import { SseReader } from "./sse-reader";

// The writer is a second Prisma client with its own pool: like a worker on
// another machine, it shares nothing with the stream but PostgreSQL.
let writer: PrismaClient;
let ws: TestWorkspace;
let ada: string;
const open: AbortController[] = [];

beforeAll(async () => {
  writer = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 2 }),
  });
  ws = await createTestWorkspace("Inbox stream");
  ada = await createInboxUser(ws, "ada");
});

afterEach(() => {
  for (const controller of open.splice(0)) controller.abort();
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await closeInboxHub();
  await writer.$disconnect();
});

async function connect(
  userId = "ada",
  options: { query?: string; headers?: Record<string, string> } = {},
) {
  const controller = new AbortController();
  open.push(controller);
  const request = new Request(`http://cue.test/api/v1/inbox/stream${options.query ?? ""}`, {
    headers: { ...hashHeaders(ws, userId), ...options.headers },
    signal: controller.signal,
  });
  const response = await streamRoute(request, ctx({}));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = new SseReader(response.body as ReadableStream<Uint8Array>);
  await reader.waitFor((e) => e.event === "counts");
  return { reader, controller };
}

const item = (data: string) => JSON.parse(data) as InboxItemJson;

describe("GET /api/v1/inbox/stream", () => {
  it("pushes an item written by another connection, with its seq as the event id", async () => {
    const { reader } = await connect();
    const started = performance.now();
    const { seq, inboxItemId } = await deliver(ws, ada, { title: "Live!" }, { client: writer });
    const event = await reader.waitFor((e) => e.event === "item");
    const elapsed = performance.now() - started;
    expect(event.id).toBe(seq.toString());
    expect(item(event.data)).toMatchObject({
      id: inboxItemId,
      title: "Live!",
      body_html: "<p>Hello <strong>there</strong></p>",
    });
    const counts = await reader.waitFor(
      (e) => e.event === "counts" && JSON.parse(e.data).unread === 1,
    );
    expect(JSON.parse(counts.data) as InboxCounts).toMatchObject({ unread: 1, unseen: 1 });
    expect(elapsed).toBeLessThan(2_000);
  });

  it("pushes an item from a raw SQL writer that follows the NOTIFY contract", async () => {
    const { reader } = await connect();
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ seq: string }>(
        `INSERT INTO inbox_items (id, "workspaceId", "profileId", kind, title, body)
         VALUES ('raw-' || md5(random()::text), $1, $2, 'banner', 'From SQL', '') RETURNING seq::text`,
        [ws.workspaceId, ada],
      );
      await client.query("SELECT pg_notify('cue_inbox', $1)", [
        `${ws.workspaceId}:${ada}:${rows[0]?.seq}`,
      ]);
      // Nothing before commit: NOTIFY is transactional.
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(
        reader.events.some((e) => e.event === "item" && item(e.data).title === "From SQL"),
      ).toBe(false);
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
    const event = await reader.waitFor(
      (e) => e.event === "item" && item(e.data).title === "From SQL",
    );
    expect(item(event.data).kind).toBe("banner");
  });

  it("sends nothing for a rolled-back delivery, and nothing of other users", async () => {
    const { reader } = await connect();
    const bob = await createInboxUser(ws, "bob");
    const marker = reader.events.length;
    await writer
      .$transaction(async (tx) => {
        await deliverInApp(tx, {
          workspaceId: ws.workspaceId,
          profileId: ada,
          messageId: "rolled-back",
          rendered: rendered({ title: "Never" }),
        });
        throw new Error("rollback");
      })
      .catch(() => {});
    await deliver(ws, bob, { title: "Bob's" }, { client: writer });
    // A later item of Ada's proves the stream was listening all along.
    await deliver(ws, ada, { title: "After" }, { client: writer });
    await reader.waitFor(
      (e) => e.event === "item" && item(e.data).title === "After",
      5_000,
      marker,
    );
    const titles = reader.events.filter((e) => e.event === "item").map((e) => item(e.data).title);
    expect(titles).not.toContain("Never");
    expect(titles).not.toContain("Bob's");
  });

  it("resumes after Last-Event-ID with the missed items, oldest first", async () => {
    const before = await deliver(ws, ada, { title: "Seen before" });
    const missed1 = await deliver(ws, ada, { title: "Missed 1" });
    const missed2 = await deliver(ws, ada, { title: "Missed 2" });
    for (const how of ["header", "query"] as const) {
      const { reader } = await connect(
        "ada",
        how === "header"
          ? { headers: { "last-event-id": before.seq.toString() } }
          : { query: `?last_event_id=${before.seq}` },
      );
      await reader.waitFor((e) => e.id === missed2.seq.toString());
      const ids = reader.events.filter((e) => e.event === "item").map((e) => e.id);
      expect(ids.slice(0, 2)).toEqual([missed1.seq.toString(), missed2.seq.toString()]);
    }
  });

  it("without Last-Event-ID sends only what arrives after connecting", async () => {
    await deliver(ws, ada, { title: "Old" });
    const { reader } = await connect();
    await deliver(ws, ada, { title: "New" }, { client: writer });
    await reader.waitFor((e) => e.event === "item");
    const titles = reader.events.filter((e) => e.event === "item").map((e) => item(e.data).title);
    expect(titles).toEqual(["New"]);
  });

  it("a late NOTIFY for an item that was visible at connect time does not replay it", async () => {
    const old = await deliver(ws, ada, { title: "Before connecting" });
    const { reader } = await connect();
    // The item's own NOTIFY, arriving after the stream read its starting cursor.
    await prisma.$executeRaw`SELECT pg_notify('cue_inbox', ${`${ws.workspaceId}:${ada}:${old.seq}`})`;
    await deliver(ws, ada, { title: "After connecting" }, { client: writer });
    await reader.waitFor((e) => e.event === "item");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const titles = reader.events.filter((e) => e.event === "item").map((e) => item(e.data).title);
    expect(titles).toEqual(["After connecting"]);
  });

  it("pushes counts when another tab reads an item", async () => {
    const { inboxItemId } = await deliver(ws, ada);
    const { reader } = await connect();
    const first = JSON.parse(
      reader.events.find((e) => e.event === "counts")?.data ?? "{}",
    ) as InboxCounts;
    const response = await actionRoute(
      post(`/api/v1/inbox/${inboxItemId}/read`, undefined, hashHeaders(ws, "ada")),
      ctx({ id: inboxItemId, action: "read" }),
    );
    expect(response.status).toBe(200);
    const event = await reader.waitFor(
      (e) => e.event === "counts" && JSON.parse(e.data).unread === first.unread - 1,
    );
    expect(JSON.parse(event.data).unread).toBe(first.unread - 1);
  });

  it("accepts query-parameter auth (EventSource) and refuses bad proof with 401", async () => {
    const controller = new AbortController();
    open.push(controller);
    const ok = await streamRoute(
      new Request(`http://cue.test/api/v1/inbox/stream?${hashQuery(ws, "ada")}`, {
        signal: controller.signal,
      }),
      ctx({}),
    );
    expect(ok.status).toBe(200);
    const bad = await streamRoute(
      get(`/api/v1/inbox/stream?${hashQuery(ws, "ada").replace("user_id=ada", "user_id=bob")}`),
      ctx({}),
    );
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({
      error: { code: "unauthorized", message: "Invalid or expired inbox credentials." },
    });
  });

  it("still sends an item whose transaction took its seq first but committed last", async () => {
    const { reader } = await connect();
    let releaseSlow: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    let slowSeq = 0n;
    const slow = writer.$transaction(async (tx) => {
      const result = await deliverInApp(tx, {
        workspaceId: ws.workspaceId,
        profileId: ada,
        messageId: `slow-${Date.now()}`,
        rendered: rendered({ title: "Slow" }),
      });
      slowSeq = result.seq;
      await gate;
      return result;
    });
    await vi.waitFor(() => expect(slowSeq).toBeGreaterThan(0n));
    const fast = await deliver(ws, ada, { title: "Fast" });
    expect(fast.seq).toBeGreaterThan(slowSeq);
    await reader.waitFor((e) => e.event === "item" && item(e.data).title === "Fast");
    releaseSlow();
    await slow;
    const event = await reader.waitFor((e) => e.event === "item" && item(e.data).title === "Slow");
    expect(event.id).toBe(slowSeq.toString());
  });

  it("recovers items written while its LISTEN connection was down", async () => {
    const { reader } = await connect();
    const marker = reader.events.length;
    const terminated = await prisma.$executeRaw`
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND query ILIKE 'LISTEN cue_inbox%'`;
    expect(terminated).toBe(1);
    await deliver(ws, ada, { title: "During the outage" }, { client: writer });
    const event = await reader.waitFor(
      (e) => e.event === "item" && item(e.data).title === "During the outage",
      10_000,
      marker,
    );
    expect(event.id).not.toBeNull();
  });

  it("sends heartbeats", async () => {
    vi.stubEnv("CUE_SSE_HEARTBEAT_MS", "100");
    const { reader } = await connect();
    await reader.waitFor((e) => e.comment === true && e.data === "ping", 2_000);
  });

  it("finds a user's profile once their first item arrives", async () => {
    const { reader } = await connect("newcomer");
    const profileId = await createInboxUser(ws, "newcomer");
    await deliver(ws, profileId, { title: "Hello newcomer" }, { client: writer });
    const event = await reader.waitFor((e) => e.event === "item");
    expect(item(event.data).title).toBe("Hello newcomer");
  });

  it("wakes waiting streams with one identity read per item signal, not one per stream", async () => {
    const waiting = await Promise.all(
      Array.from({ length: 20 }, (_, i) => connect(`waiting-${i}`)),
    );
    const before = profileWaiterLookups();
    for (const title of ["Other 1", "Other 2", "Other 3"]) {
      await deliver(ws, ada, { title }, { client: writer });
    }
    const profileId = await createInboxUser(ws, "waiting-7");
    await deliver(ws, profileId, { title: "Hello waiting-7" }, { client: writer });
    const event = await waiting[7]?.reader.waitFor((e) => e.event === "item");
    expect(item(event?.data ?? "{}").title).toBe("Hello waiting-7");
    const reads = profileWaiterLookups() - before;
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThanOrEqual(4);
    // Nobody else was woken with someone else's items.
    for (const [i, stream] of waiting.entries()) {
      if (i !== 7) expect(stream.reader.events.some((e) => e.event === "item")).toBe(false);
    }
  });

  it("finds a waiting user's profile created while its LISTEN connection was down", async () => {
    const { reader } = await connect("resync-newcomer");
    const terminated = await prisma.$executeRaw`
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND query ILIKE 'LISTEN cue_inbox%'`;
    expect(terminated).toBe(1);
    const profileId = await createInboxUser(ws, "resync-newcomer");
    await deliver(ws, profileId, { title: "Missed while down" }, { client: writer });
    const event = await reader.waitFor((e) => e.event === "item", 10_000);
    expect(item(event.data).title).toBe("Missed while down");
  });

  it("releases its subscription when the client goes away", async () => {
    const hub = getInboxHub();
    const baseline = hub.subscriberCount;
    const { reader, controller } = await connect();
    expect(hub.subscriberCount).toBe(baseline + 1);
    controller.abort();
    await vi.waitFor(() => expect(hub.subscriberCount).toBe(baseline));
    await vi.waitFor(() => expect(reader.closed).toBe(true));
  });
});

describe("deliverInApp", () => {
  it("is idempotent on the message id", async () => {
    const first = await deliver(ws, ada, { title: "Once" });
    const again = await prisma.$transaction((tx) =>
      deliverInApp(tx, {
        workspaceId: ws.workspaceId,
        profileId: ada,
        messageId: first.messageId,
        rendered: rendered({ title: "Twice" }),
      }),
    );
    expect(again).toEqual({ inboxItemId: first.inboxItemId, seq: first.seq });
    expect(await prisma.inboxItem.count({ where: { messageId: first.messageId } })).toBe(1);
  });

  it("sanitizes the HTML and drops unsafe URLs", async () => {
    const { inboxItemId } = await deliver(ws, ada, {
      bodyHtml:
        '<p onclick="x()">Hi <img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a><script>alert(1)</script></p>',
      imageUrl: "javascript:alert(1)",
      ctaLabel: "Go",
      ctaUrl: "data:text/html,hi",
    });
    const row = await prisma.inboxItem.findUniqueOrThrow({ where: { id: inboxItemId } });
    expect((row.data as { bodyHtml: string }).bodyHtml).toBe(
      '<p>Hi <a target="_blank" rel="noopener noreferrer">x</a></p>',
    );
    expect(row.imageUrl).toBeNull();
    expect(row.ctaUrl).toBeNull();
    expect(row.ctaLabel).toBeNull();
  });
});
