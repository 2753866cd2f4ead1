import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as streamRoute } from "@/app/api/v1/inbox/stream/route";
import { prisma } from "@/lib/db/client";
import { closeInboxHub, getInboxHub } from "@/lib/inbox/inbox-stream";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { createInboxUser, ctx, hashHeaders } from "./inbox-fixtures";
import { SseReader } from "./sse-reader";

// How a stream ends: whatever it subscribed to is let go, however it ends
// (the client gone before it started, while it waited for a profile, or cut
// off for reading too slowly).

let ws: TestWorkspace;
const open: AbortController[] = [];

beforeAll(async () => {
  ws = await createTestWorkspace("Inbox stream lifecycle");
});

afterEach(() => {
  for (const controller of open.splice(0)) controller.abort();
});

afterAll(async () => {
  await closeInboxHub();
});

async function request(userId: string, controller = new AbortController()): Promise<Response> {
  open.push(controller);
  const response = await streamRoute(
    new Request("http://cue.test/api/v1/inbox/stream", {
      headers: hashHeaders(ws, userId),
      signal: controller.signal,
    }),
    ctx({}),
  );
  expect(response.status).toBe(200);
  return response;
}

describe("an inbox stream ending", () => {
  it("lets its subscription go when the client left before the stream started", async () => {
    await createInboxUser(ws, "gone-early");
    const hub = getInboxHub();
    const baseline = hub.subscriberCount;
    const controller = new AbortController();
    controller.abort();
    const response = await request("gone-early", controller);
    const reader = new SseReader(response.body as ReadableStream<Uint8Array>);
    await vi.waitFor(() => expect(reader.closed).toBe(true));
    await vi.waitFor(() => expect(hub.subscriberCount).toBe(baseline));
  });

  it("lets its profile waiter go when a user without a profile leaves", async () => {
    const hub = getInboxHub();
    const baseline = hub.subscriberCount;
    const controller = new AbortController();
    const reader = new SseReader(
      (await request("no-profile-yet", controller)).body as ReadableStream<Uint8Array>,
    );
    await reader.waitFor((e) => e.event === "counts");
    expect(hub.subscriberCount).toBe(baseline + 1);
    controller.abort();
    await vi.waitFor(() => expect(hub.subscriberCount).toBe(baseline));
    await vi.waitFor(() => expect(reader.closed).toBe(true));
  });

  it("cuts off a client that stops reading, and lets its subscription go", async () => {
    const profileId = await createInboxUser(ws, "stops-reading");
    const hub = getInboxHub();
    const baseline = hub.subscriberCount;
    // Nobody reads this body: every frame stays queued.
    const response = await request("stops-reading");
    expect(hub.subscriberCount).toBe(baseline + 1);
    const [{ newest }] = await prisma.$queryRaw<[{ newest: bigint }]>`
      WITH inserted AS (
        INSERT INTO inbox_items (id, "workspaceId", "profileId", kind, title, body)
        SELECT 'bulk-' || g || '-' || md5(random()::text), ${ws.workspaceId}, ${profileId}::uuid,
          'card'::"InAppKind", 'Bulk ' || g, ''
        FROM generate_series(1, 1100) AS g
        RETURNING seq
      )
      SELECT max(seq) AS newest FROM inserted`;
    await prisma.$executeRaw`SELECT pg_notify('cue_inbox', ${`${ws.workspaceId}:${profileId}:${newest}`})`;
    await vi.waitFor(() => expect(hub.subscriberCount).toBe(baseline), { timeout: 10_000 });
    const reader = new SseReader(response.body as ReadableStream<Uint8Array>);
    await vi.waitFor(() => expect(reader.closed).toBe(true));
    const items = reader.events.filter((e) => e.event === "item");
    expect(items.length).toBeGreaterThan(900);
    expect(items.length).toBeLessThan(1_100);
  });
});
