import { gzipSync } from "node:zlib";
import RudderAnalytics from "@rudderstack/rudder-sdk-node";
import { Analytics } from "@segment/analytics-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listEvents } from "@/app/api/v1/profiles/[userId]/events/route";
import { GET as getProfile } from "@/app/api/v1/profiles/[userId]/route";
import { POST as v1Batch } from "@/app/v1/batch/route";
import { prisma } from "@/lib/db/client";
import { MAX_BATCH_BYTES } from "@/lib/ingest/limits";
import { startRouteServer } from "@/test/fixtures/route-server";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";

// The server libraries teams already run, unmodified and with their defaults,
// pointed at Cue by its URL alone (the README's snippets), against the real
// route handlers over HTTP; then read back through the profile API.

let ws: TestWorkspace;
let server: Awaited<ReturnType<typeof startRouteServer>>;
const seen: { contentType: string | null; contentEncoding: string | null }[] = [];
const cueUrl = () => server.url;

async function recordAndIngest(request: Request): Promise<Response> {
  seen.push({
    contentType: request.headers.get("content-type"),
    contentEncoding: request.headers.get("content-encoding"),
  });
  return v1Batch(request);
}

beforeAll(async () => {
  ws = await createTestWorkspace("Server tracking libraries");
  server = await startRouteServer({ "/v1/batch": { POST: recordAndIngest } });
});

afterAll(async () => {
  await server?.close();
});

interface ApiEvent {
  messageId: string;
  type: string;
  name: string | null;
  timestamp: string;
  properties: Record<string, unknown> | null;
}

const secret = (path: string) =>
  new Request(`http://cue.test${path}`, { headers: { authorization: `Bearer ${ws.secretKey}` } });
const ctx = (userId: string) => ({ params: Promise.resolve({ userId }) });

async function profileOf(userId: string) {
  const response = await getProfile(
    secret(`/api/v1/profiles/${encodeURIComponent(userId)}`),
    ctx(userId),
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { profile: Record<string, unknown> }).profile;
}

async function eventsOf(userId: string): Promise<ApiEvent[]> {
  const response = await listEvents(
    secret(`/api/v1/profiles/${encodeURIComponent(userId)}/events?limit=100`),
    ctx(userId),
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { events: ApiEvent[] }).events;
}

const within = (actual: string, expected: Date, ms = 3_000) =>
  expect(Math.abs(new Date(actual).getTime() - expected.getTime())).toBeLessThan(ms);

describe("@rudderstack/rudder-sdk-node with only dataPlaneUrl set", () => {
  it("delivers every call type once, at the client's event time, with its traits", async () => {
    seen.length = 0;
    const writeKey = ws.writeKey;
    const CUE_URL = cueUrl();
    // README, "Sending events": the RudderStack Node snippet.
    const client = new RudderAnalytics(writeKey, { dataPlaneUrl: CUE_URL });

    const userId = "rs-user";
    const delayed = new Date(Date.now() - 10 * 60_000); // queued offline 10 min ago
    const given = new Date(Date.now() - 3 * 60_000);
    client.page({ anonymousId: "rs-anon", name: "Pricing", properties: { path: "/pricing" } });
    client.identify({
      userId,
      anonymousId: "rs-anon",
      traits: { email: "rs@example.com", plan: "pro" },
    });
    client.track({ userId, event: "Order Completed", properties: { total: 42 } });
    // RudderStack's own event time field, as its SDKs send events queued offline.
    client.track({
      userId,
      event: "Offline Action",
      originalTimestamp: delayed,
    } as Parameters<typeof client.track>[0]);
    client.track({ userId, event: "Timestamped", timestamp: given });
    client.screen({ userId, name: "Home", properties: { tab: 1 } });
    client.group({ userId, groupId: "rs-org", traits: { name: "Rudder Org" } });
    client.alias({ userId, previousId: "rs-legacy" });
    await client.flush();

    // What the SDK sent by default: gzip, labelled as a form by axios.
    expect(seen.length).toBeGreaterThan(0);
    for (const request of seen) {
      expect(request.contentEncoding).toBe("gzip");
      expect(request.contentType).toContain("application/x-www-form-urlencoded");
    }

    const profile = await profileOf(userId);
    expect(profile).toMatchObject({
      userId,
      email: "rs@example.com",
      traits: { email: "rs@example.com", plan: "pro" },
      groups: [{ groupId: "rs-org", traits: { name: "Rudder Org" } }],
    });
    const identities = (profile.identities as { kind: string; value: string }[]).map(
      (i) => `${i.kind}:${i.value}`,
    );
    expect(identities).toEqual(
      expect.arrayContaining(["userId:rs-user", "anonymousId:rs-anon", "anonymousId:rs-legacy"]),
    );

    const events = await eventsOf(userId);
    const byType = events.map((e) => `${e.type}:${e.name ?? ""}`).sort();
    expect(byType).toEqual(
      [
        "alias:",
        "group:",
        "identify:",
        "page:Pricing",
        "screen:Home",
        "track:Offline Action",
        "track:Order Completed",
        "track:Timestamped",
      ].sort(),
    );
    expect(new Set(events.map((e) => e.messageId)).size).toBe(events.length); // exactly once
    const at = (name: string) => events.find((e) => e.name === name)?.timestamp ?? "";
    within(at("Offline Action"), delayed);
    within(at("Timestamped"), given);
    within(at("Order Completed"), new Date());
  });

  it("a re-sent batch stores nothing twice", async () => {
    const client = new RudderAnalytics(ws.writeKey, { dataPlaneUrl: cueUrl() });
    const before = await eventsOf("rs-user");
    const items = before.slice(0, 3).map((e) => ({ messageId: e.messageId }));
    const body = {
      batch: items.map(({ messageId }) => ({
        type: "track",
        userId: "rs-user",
        event: "Retried",
        messageId,
        originalTimestamp: new Date().toISOString(),
      })),
      sentAt: new Date().toISOString(),
    };
    const response = await fetch(`${cueUrl()}/v1/batch`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "content-encoding": "gzip",
        authorization: `Basic ${Buffer.from(`${ws.writeKey}:`).toString("base64")}`,
      },
      body: gzipSync(JSON.stringify(body)),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { duplicates?: number }).duplicates).toBe(3);
    expect((await eventsOf("rs-user")).length).toBe(before.length);
    await client.flush();
  });
});

describe("@segment/analytics-node with only host set", () => {
  it("delivers every call type once, at the given time, with its traits", async () => {
    const writeKey = ws.writeKey;
    const CUE_URL = cueUrl();
    // README, "Sending events": the Segment Node snippet.
    const analytics = new Analytics({ writeKey, host: CUE_URL });
    const errors: unknown[] = [];
    analytics.on("error", (error) => errors.push(error));

    const userId = "seg-user";
    const earlier = new Date(Date.now() - 7 * 60_000);
    analytics.page({ anonymousId: "seg-anon", name: "Landing", properties: { path: "/" } });
    analytics.identify({
      userId,
      anonymousId: "seg-anon",
      traits: { email: "seg@example.com", plan: "team" },
    });
    analytics.track({ userId, event: "Signed Up", properties: { source: "ad" } });
    analytics.track({ userId, event: "Late Event", timestamp: earlier });
    analytics.screen({ userId, name: "Dashboard" });
    analytics.group({ userId, groupId: "seg-org", traits: { name: "Segment Org" } });
    analytics.alias({ userId, previousId: "seg-legacy" });
    await analytics.closeAndFlush({ timeout: 20_000 });
    expect(errors).toEqual([]);

    const profile = await profileOf(userId);
    expect(profile).toMatchObject({
      userId,
      email: "seg@example.com",
      traits: { email: "seg@example.com", plan: "team" },
      groups: [{ groupId: "seg-org", traits: { name: "Segment Org" } }],
    });
    const events = await eventsOf(userId);
    expect(events.map((e) => `${e.type}:${e.name ?? ""}`).sort()).toEqual(
      [
        "alias:",
        "group:",
        "identify:",
        "page:Landing",
        "screen:Dashboard",
        "track:Late Event",
        "track:Signed Up",
      ].sort(),
    );
    expect(new Set(events.map((e) => e.messageId)).size).toBe(events.length);
    within(events.find((e) => e.name === "Late Event")?.timestamp ?? "", earlier);
  });
});

describe("what is not JSON is refused, and costs no valid event", () => {
  const auth = () => `Basic ${Buffer.from(`${ws.writeKey}:`).toString("base64")}`;
  const send = (body: BodyInit, headers: Record<string, string>) =>
    fetch(`${cueUrl()}/v1/batch`, {
      method: "POST",
      headers: { authorization: auth(), ...headers },
      body,
    });
  const good = (messageId: string) =>
    JSON.stringify({
      batch: [{ type: "track", userId: "bad-input-user", event: "Good", messageId }],
      sentAt: new Date().toISOString(),
    });

  async function expectRefused(response: Response, status: number, reason: string) {
    expect(response.status).toBe(status);
    const body = (await response.json()) as {
      error: { code: string; message: string; details?: { reason?: string } };
    };
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(body.error.details?.reason).toBe(reason);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  }

  it.each([
    "application/json",
    "text/plain;charset=UTF-8",
    "application/x-www-form-urlencoded",
    "application/octet-stream",
  ])("non-JSON sent as %s: 400 invalid_json naming the content type", async (type) => {
    const response = await send("batch=1&event=x", { "content-type": type });
    await expectRefused(response, 400, "invalid_json");
  });

  it("non-JSON gzipped: 400 invalid_json", async () => {
    const response = await send(gzipSync("batch=1"), {
      "content-type": "application/x-www-form-urlencoded",
      "content-encoding": "gzip",
    });
    await expectRefused(response, 400, "invalid_json");
  });

  it("corrupt gzip, declared or recognised by its magic bytes: 400", async () => {
    const corrupt = Buffer.concat([gzipSync(good("never-1")).subarray(0, 20), Buffer.from("xx")]);
    await expectRefused(
      await send(corrupt, { "content-type": "application/json", "content-encoding": "gzip" }),
      400,
      "unreadable_body",
    );
    await expectRefused(
      await send(corrupt, { "content-type": "application/x-www-form-urlencoded" }),
      400,
      "unreadable_body",
    );
  });

  it("a gzip bomb: refused on its decompressed size", async () => {
    const bomb = gzipSync(
      JSON.stringify({ batch: [{ type: "track", userId: "b", event: "B", p: "0".repeat(20e6) }] }),
    );
    expect(bomb.length).toBeLessThan(MAX_BATCH_BYTES);
    await expectRefused(
      await send(bomb, { "content-type": "application/json", "content-encoding": "gzip" }),
      400,
      "payload_too_large",
    );
  });

  it("valid requests between the bad ones are all stored", async () => {
    const ids = ["between-1", "between-2", "between-3"];
    const answers = await Promise.all([
      send(good(ids[0] as string), { "content-type": "application/json" }),
      send("not json", { "content-type": "text/plain" }),
      send(gzipSync(good(ids[1] as string)), {
        "content-type": "application/x-www-form-urlencoded",
        "content-encoding": "gzip",
      }),
      send(Buffer.from([0x1f, 0x8b, 0, 1, 2]), { "content-type": "application/json" }),
      // gzip recognised without Content-Encoding
      send(gzipSync(good(ids[2] as string)), { "content-type": "text/plain" }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 400, 200, 400, 200]);
    const stored = await prisma.event.findMany({
      where: { workspaceId: ws.workspaceId, messageId: { in: ids } },
    });
    expect(stored.map((e) => e.messageId).sort()).toEqual(ids);
  });
});
