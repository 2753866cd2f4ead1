import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { secretKeyOf } from "../e2e-database";
import { loadState } from "../fixtures";

// Segment's browser library, unmodified, on a page of ANOTHER origin than
// Cue's, pointed at Cue by `cdnURL` alone (the README's snippet): it loads
// its settings from Cue, which send it back to Cue's tracking paths. Every
// call type is then read back through the profile API: exactly once, at the
// time it was made, with its traits. A beacon (text/plain), a retry header
// (X-Retry-Count) and an unknown path are checked from the same page.

const BUNDLE_DIR = join(process.cwd(), "node_modules/@segment/analytics-next/dist/umd");

const RUDDER_BUNDLE = join(
  process.cwd(),
  "node_modules/@rudderstack/analytics-js/dist/npm/modern/bundled/umd/index.js",
);
const RUDDER_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Blog</title>
<script src="/rudder.js"></script></head><body><h1>Another site</h1></body></html>`;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Shop</title>
<script src="/index.js"></script></head><body><h1>Another site</h1></body></html>`;

let site: Server;
let siteUrl: string;

test.beforeAll(async () => {
  site = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/favicon.ico") return void res.writeHead(204).end();
    if (path === "/blog")
      return void res.writeHead(200, { "content-type": "text/html" }).end(RUDDER_PAGE);
    if (path === "/rudder.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(await readFile(RUDDER_BUNDLE));
      return;
    }
    if (path === "/" || path === "/shop") {
      res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
      return;
    }
    const file = normalize(join(BUNDLE_DIR, path));
    if (!file.startsWith(BUNDLE_DIR) || !file.endsWith(".js")) return void res.writeHead(404).end();
    try {
      res.writeHead(200, { "content-type": "text/javascript" }).end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => site.close(() => resolve()));
});

async function writeKeyOf(page: Page, workspaceId: string): Promise<string> {
  await page.goto(`/w/${workspaceId}/settings/sources`);
  const key = (await page.getByTestId("write-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^wk_/);
  return key;
}

/**
 * From now on: every request's origin, answers of 400 and up or failed
 * requests, and a log (requests and console) to explain a failure.
 */
function watchRequests(page: Page) {
  const failures: string[] = [];
  const hosts = new Set<string>();
  const log: string[] = [];
  page.on("request", (request) => {
    hosts.add(new URL(request.url()).origin);
    log.push(`${request.method()} ${request.url()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on("requestfailed", (request) => {
    failures.push(`failed ${request.url()}`);
    log.push(`FAILED ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on("console", (message) => log.push(`console.${message.type()}: ${message.text()}`));
  return { failures, hosts, log };
}

interface ApiEvent {
  messageId: string;
  type: string;
  name: string | null;
  timestamp: string;
  properties: Record<string, unknown> | null;
}

test("@segment/analytics-next on another origin sends every call to Cue, once, on time", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const BASE_URL = baseURL as string;
  const { workspaceId } = loadState();
  const writeKey = await writeKeyOf(page, workspaceId);
  const secret = await secretKeyOf(workspaceId);
  const run = Date.now().toString(36);
  const userId = `seg-browser-${run}`;

  await page.goto(`${siteUrl}/shop`);
  expect(new URL(page.url()).origin).not.toBe(new URL(BASE_URL).origin);
  const { failures, hosts } = watchRequests(page);

  const sentAt = await page.evaluate(
    async ({ writeKey, CUE_URL, userId }) => {
      const { AnalyticsBrowser } = (
        window as unknown as {
          AnalyticsNext: typeof import("@segment/analytics-next");
        }
      ).AnalyticsNext;
      // README, "Sending events": the analytics-next snippet.
      const analytics = AnalyticsBrowser.load({ writeKey, cdnURL: CUE_URL });

      const started = new Date().toISOString();
      await analytics.page("Shop", { path: "/shop" });
      await analytics.identify(userId, { email: `${userId}@example.com`, plan: "pro" });
      await analytics.track("Added To Cart", { sku: "A-1", price: 9.5 });
      await analytics.group("browser-org", { name: "Browser Org" });
      await analytics.screen("Checkout");
      await analytics.alias(userId, `${userId}-legacy`);
      return started;
    },
    { writeKey, CUE_URL: BASE_URL, userId },
  );

  const auth = { Authorization: `Bearer ${secret}` };
  let events: ApiEvent[] = [];
  await expect
    .poll(
      async () => {
        const response = await page.request.get(
          `/api/v1/profiles/${encodeURIComponent(userId)}/events?limit=100`,
          { headers: auth },
        );
        if (response.status() !== 200) return response.status();
        events = ((await response.json()) as { events: ApiEvent[] }).events;
        return events.length;
      },
      { timeout: 20_000 },
    )
    .toBe(6);

  expect(events.map((e) => `${e.type}:${e.name ?? ""}`).sort()).toEqual(
    ["alias:", "group:", "identify:", "page:Shop", "screen:Checkout", "track:Added To Cart"].sort(),
  );
  expect(new Set(events.map((e) => e.messageId)).size).toBe(6); // exactly once
  for (const event of events) {
    const lag = new Date(event.timestamp).getTime() - new Date(sentAt).getTime();
    expect(lag).toBeGreaterThan(-2_000);
    expect(lag).toBeLessThan(15_000);
  }
  expect(events.find((e) => e.type === "track")?.properties).toMatchObject({
    sku: "A-1",
    price: 9.5,
  });

  const profile = await page.request.get(`/api/v1/profiles/${encodeURIComponent(userId)}`, {
    headers: auth,
  });
  expect(profile.status()).toBe(200);
  expect(((await profile.json()) as { profile: unknown }).profile).toMatchObject({
    userId,
    email: `${userId}@example.com`,
    traits: { email: `${userId}@example.com`, plan: "pro" },
    groups: [{ groupId: "browser-org", traits: { name: "Browser Org" } }],
  });
  expect(failures).toEqual([]);
  expect([...hosts]).toContain(new URL(BASE_URL).origin);
  for (const host of hosts) expect([new URL(BASE_URL).origin, siteUrl]).toContain(host);
});

test("from another origin: a text/plain beacon, a retried call and an unknown path", async ({
  page,
  baseURL,
}) => {
  const BASE_URL = baseURL as string;
  const { workspaceId } = loadState();
  const writeKey = await writeKeyOf(page, workspaceId);
  const secret = await secretKeyOf(workspaceId);
  const userId = `seg-beacon-${Date.now().toString(36)}`;
  await page.goto(`${siteUrl}/shop`);

  const answers = await page.evaluate(
    async ({ writeKey, CUE_URL, userId }) => {
      const beacon = navigator.sendBeacon(
        `${CUE_URL}/v1/t`,
        JSON.stringify({ writeKey, userId, event: "Left Page", messageId: `${userId}-beacon` }),
      );
      // What analytics-next sends on a retry: a header that needs a preflight.
      const retried = await fetch(`${CUE_URL}/v1/t`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Authorization: `Basic ${btoa(`${writeKey}:`)}`,
          "X-Retry-Count": "1",
        },
        body: JSON.stringify({ userId, event: "Retried", messageId: `${userId}-retry` }),
      });
      const unknown = await fetch(`${CUE_URL}/v1/nope`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Retry-Count": "1" },
        body: "{}",
      });
      return {
        beacon,
        retried: retried.status,
        unknown: { status: unknown.status, body: await unknown.json() },
      };
    },
    { writeKey, CUE_URL: BASE_URL, userId },
  );
  expect(answers.beacon).toBe(true);
  expect(answers.retried).toBe(200);
  expect(answers.unknown.status).toBe(404);
  expect(answers.unknown.body).toMatchObject({ error: { code: "not_found" } });

  await expect
    .poll(
      async () => {
        const response = await page.request.get(
          `/api/v1/profiles/${encodeURIComponent(userId)}/events`,
          { headers: { Authorization: `Bearer ${secret}` } },
        );
        if (response.status() !== 200) return [];
        const { events } = (await response.json()) as { events: ApiEvent[] };
        return events.map((e) => e.name).sort();
      },
      { timeout: 15_000 },
    )
    .toEqual(["Left Page", "Retried"]);
});

test("@rudderstack/analytics-js on another origin, dataPlaneUrl and configUrl set to Cue", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const BASE_URL = baseURL as string;
  const { workspaceId } = loadState();
  const writeKey = await writeKeyOf(page, workspaceId);
  const secret = await secretKeyOf(workspaceId);
  const userId = `rs-browser-${Date.now().toString(36)}`;
  await page.goto(`${siteUrl}/blog`);
  const { failures, hosts, log } = watchRequests(page);

  const started = await page.evaluate(
    async ({ writeKey, CUE_URL, userId }) => {
      const { RudderAnalytics } = (
        window as unknown as {
          rudderanalytics: {
            RudderAnalytics: new () => import("@rudderstack/analytics-js").RudderAnalytics;
          };
        }
      ).rudderanalytics;
      // README, "Sending events": the analytics-js snippet.
      const analytics = new RudderAnalytics();
      analytics.load(writeKey, CUE_URL, { configUrl: CUE_URL });
      await new Promise<void>((resolve) => analytics.ready(() => resolve()));

      const at = new Date().toISOString();
      analytics.page("Blog", { path: "/blog" });
      analytics.identify(userId, { email: `${userId}@example.com`, plan: "starter" });
      analytics.track("Read Post", { slug: "hello" });
      analytics.group("rs-browser-org", { name: "RS Browser Org" });
      analytics.alias(userId, `${userId}-legacy`);
      return at;
    },
    { writeKey, CUE_URL: BASE_URL, userId },
  );

  const auth = { Authorization: `Bearer ${secret}` };
  let events: ApiEvent[] = [];
  await expect
    .poll(
      async () => {
        const response = await page.request.get(
          `/api/v1/profiles/${encodeURIComponent(userId)}/events?limit=100`,
          { headers: auth },
        );
        if (response.status() !== 200) return response.status();
        events = ((await response.json()) as { events: ApiEvent[] }).events;
        return events.length;
      },
      { timeout: 20_000, message: log.join("\n") },
    )
    .toBe(5);
  expect(events.map((e) => `${e.type}:${e.name ?? ""}`).sort()).toEqual(
    ["alias:", "group:", "identify:", "page:Blog", "track:Read Post"].sort(),
  );
  expect(new Set(events.map((e) => e.messageId)).size).toBe(5);
  for (const event of events) {
    const lag = new Date(event.timestamp).getTime() - new Date(started).getTime();
    expect(lag).toBeGreaterThan(-2_000);
    expect(lag).toBeLessThan(15_000);
  }
  const profile = await page.request.get(`/api/v1/profiles/${encodeURIComponent(userId)}`, {
    headers: auth,
  });
  expect(((await profile.json()) as { profile: unknown }).profile).toMatchObject({
    userId,
    traits: { email: `${userId}@example.com`, plan: "starter" },
    groups: [{ groupId: "rs-browser-org", traits: { name: "RS Browser Org" } }],
  });
  expect(failures).toEqual([]);
  expect([...hosts]).toContain(new URL(BASE_URL).origin);
  for (const host of hosts) expect([new URL(BASE_URL).origin, siteUrl]).toContain(host);
});

test("@segment/analytics-next with its batching strategy posts to Cue's /v1/b", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const BASE_URL = baseURL as string;
  const { workspaceId } = loadState();
  const writeKey = await writeKeyOf(page, workspaceId);
  const secret = await secretKeyOf(workspaceId);
  const userId = `seg-batch-${Date.now().toString(36)}`;
  await page.goto(`${siteUrl}/shop`);
  const { failures, log } = watchRequests(page);

  await page.evaluate(
    async ({ writeKey, CUE_URL, userId }) => {
      const { AnalyticsBrowser } = (
        window as unknown as { AnalyticsNext: typeof import("@segment/analytics-next") }
      ).AnalyticsNext;
      const analytics = AnalyticsBrowser.load(
        { writeKey, cdnURL: CUE_URL },
        {
          integrations: {
            "Segment.io": { deliveryStrategy: { strategy: "batching", config: { size: 3 } } },
          },
        },
      );
      await analytics.identify(userId, { plan: "batch" });
      await analytics.track("One");
      await analytics.track("Two");
    },
    { writeKey, CUE_URL: BASE_URL, userId },
  );

  await expect
    .poll(
      async () => {
        const response = await page.request.get(
          `/api/v1/profiles/${encodeURIComponent(userId)}/events`,
          { headers: { Authorization: `Bearer ${secret}` } },
        );
        if (response.status() !== 200) return [];
        const { events } = (await response.json()) as { events: ApiEvent[] };
        return events.map((e) => `${e.type}:${e.name ?? ""}`).sort();
      },
      { timeout: 15_000, message: log.join("\n") },
    )
    .toEqual(["identify:", "track:One", "track:Two"]);
  expect(
    log.filter((line) => line.startsWith("POST ")).map((l) => new URL(l.slice(5)).pathname),
  ).toEqual(["/v1/b"]);
  expect(failures).toEqual([]);
});
