import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { API_ROUTES, type ApiRoute } from "@/lib/http/api-routes";
import { pathParams, splitRouteKey } from "@/lib/http/route-matcher";
import { serveApiRoute } from "@/lib/http/serve-node";
import type { WebRouteHandler } from "@/lib/http/web-routes";
import type { IngestEndpoint } from "@/lib/ingest/handle-ingest-request";
import { MAX_BATCH_BYTES, MAX_EVENT_BYTES } from "@/lib/ingest/limits";
import { captureLog } from "@/test/fixtures/capture-log";
import {
  createRevokedWriteKey,
  createTestWorkspace,
  type TestWorkspace,
} from "@/test/fixtures/workspace";
import { createInboxUser, deliver, hashHeaders, hashQuery } from "@/test/inbox/inbox-fixtures";

// Every entry of the handler table (lib/http/api-routes.ts) is reached
// through two doors: the custom server's (serve-node.ts, `npm start`) and its
// Next route file (app/<path>/route.ts, `npm run dev`). For each entry, good
// and bad requests built from its `api` and method go through both, which
// must answer the same status, headers and body. A new entry is covered
// without a new test; an entry of a kind this file cannot build requests for
// fails until it can.

let ws: TestWorkspace;
let revokedKey: string;
let server: Server;
let base: string;
const ALLOWED_ORIGIN = "https://app.example";

beforeAll(async () => {
  ws = await createTestWorkspace("Handler table parity");
  revokedKey = await createRevokedWriteKey(ws.workspaceId);
  await prisma.workspace.update({
    where: { id: ws.workspaceId },
    data: { allowedOrigins: [ALLOWED_ORIGIN] },
  });
  const profileId = await createInboxUser(ws, "reader");
  await deliver(ws, profileId, { title: "Hello" });
  await deliver(ws, profileId, { title: "Banner", kind: "banner" });
  server = createServer((req, res) => {
    if (serveApiRoute(req, res)) return;
    res.writeHead(404, { "x-fell-through": "yes" }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  vi.unstubAllEnvs();
});

type Side = "node" | "web";

interface Case {
  name: string;
  /** What both doors must answer. */
  status: number;
  /** Called when the test runs (the workspace exists then). */
  query?: () => string;
  /** The path to request, when the entry's sample path (`:name` as `sample-name`) will not do. */
  path?: () => string;
  headers?: () => Record<string, string>;
  /** The body for one side; `side` keeps the sides' messageIds apart. */
  body?: (side: Side) => string | Uint8Array<ArrayBuffer>;
  /** Sent as a stream, so no content-length announces its size. */
  streamed?: boolean;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

// Set by the transport, not by a handler.
const TRANSPORT_HEADERS = new Set([
  "date",
  "connection",
  "keep-alive",
  "content-length",
  "transfer-encoding",
]);

async function answerOf(response: Response): Promise<Answer> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (TRANSPORT_HEADERS.has(name)) return;
    // Seconds until the window ends: either door may read the clock a second later.
    headers[name] = name === "retry-after" ? "(set)" : value;
  });
  const text = await response.text();
  const json = response.headers.get("content-type")?.includes("application/json");
  return { status: response.status, headers, body: json ? JSON.parse(text) : text };
}

function requestInit(method: string, c: Case, side: Side): RequestInit {
  const bytes = c.body?.(side);
  const body =
    bytes !== undefined && c.streamed
      ? new ReadableStream({
          start(controller) {
            controller.enqueue(typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes);
            controller.close();
          },
        })
      : bytes;
  // `duplex` is required for a stream body, and missing from the DOM types here.
  return { method, headers: c.headers?.(), body, ...(c.streamed ? { duplex: "half" } : {}) };
}

/** The route file's handler for a table path: app/<path>/route.ts, `:name` as `[name]`. */
async function routeFile(pattern: string): Promise<Record<string, unknown>> {
  const file = pattern.replace(/:(\w+)/g, "[$1]");
  const specifier = `@/app${file}/route`;
  return (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
}

async function both(key: string, c: Case): Promise<[Answer, Answer]> {
  const { method, path: pattern } = splitRouteKey(key);
  const path = c.path?.() ?? samplePath(pattern);
  const url = `${path}${c.query?.() ?? ""}`;
  const direct = await fetch(`${base}${url}`, requestInit(method, c, "node"));
  const handler = (await routeFile(pattern))[method] as WebRouteHandler;
  const web = await handler(new Request(`http://cue.test${url}`, requestInit(method, c, "web")), {
    params: Promise.resolve(pathParams(pattern, path)),
  });
  return [await answerOf(direct), await answerOf(web)];
}

/** A path a pattern matches: each `:name` segment becomes `sample-name`. */
function samplePath(pattern: string): string {
  return pattern.replace(/:(\w+)/g, "sample-$1");
}

let counter = 0;
const uid = (side: Side) => `parity-${side}-${Date.now().toString(36)}-${++counter}`;
const json = (value: unknown) => JSON.stringify(value);
const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

// ---- The tracking API ------------------------------------------------------

/** A good call of each kind; a batch holds a bad item and a duplicate too. */
const GOOD_CALL: Record<IngestEndpoint, (messageId: string) => Record<string, unknown>> = {
  track: (messageId) => ({ userId: "p1", event: "Clicked", messageId }),
  identify: (messageId) => ({ userId: "p1", traits: { plan: "pro" }, messageId }),
  page: (messageId) => ({ userId: "p1", name: "Pricing", messageId }),
  screen: (messageId) => ({ userId: "p1", name: "Home", messageId }),
  group: (messageId) => ({ userId: "p1", groupId: "g1", traits: { seats: 3 }, messageId }),
  alias: (messageId) => ({ userId: "p1", previousId: "anon-1", messageId }),
  batch: (messageId) => ({
    sentAt: new Date().toISOString(),
    batch: [
      { type: "track", userId: "p1", event: "E", messageId },
      { type: "track", userId: "p1", event: "E", messageId },
      { type: "track", userId: "p1", properties: { a: 1 } },
      { type: "nope", userId: "p1" },
      { type: "identify", traits: { plan: "pro" } },
      { type: "track", userId: "p1", event: "E", timestamp: "2199-01-01T00:00:00Z" },
    ],
  }),
};

function trackingCases(call: IngestEndpoint): Case[] {
  const headers =
    (extra: Record<string, string> = {}, key: () => string | null = () => ws.writeKey) =>
    () => {
      const value = key();
      return {
        "content-type": "application/json",
        ...(value ? { authorization: basic(value) } : {}),
        ...extra,
      };
    };
  const good = (side: Side) => json(GOOD_CALL[call](uid(side)));
  const limit = call === "batch" ? MAX_BATCH_BYTES : MAX_EVENT_BYTES;
  const oversize = () => json({ ...GOOD_CALL[call]("big"), pad: "x".repeat(limit) });
  return [
    { name: "a good call", status: 200, headers: headers(), body: good },
    {
      name: "a gzipped call",
      status: 200,
      headers: headers({ "content-encoding": "gzip" }),
      body: (side) => new Uint8Array(gzipSync(good(side))),
    },
    {
      name: "a beacon (text/plain)",
      status: 200,
      headers: headers({ "content-type": "text/plain;charset=UTF-8" }),
      body: good,
    },
    {
      name: "the key in the body",
      status: 200,
      headers: headers({}, () => null),
      body: (side) => json({ ...GOOD_CALL[call](uid(side)), writeKey: ws.writeKey }),
    },
    { name: "malformed JSON", status: 400, headers: headers(), body: () => '{"batch": [' },
    { name: "an empty body", status: 400, headers: headers(), body: () => "" },
    {
      name: call === "batch" ? "no batch array" : "not an object",
      status: 400,
      headers: headers(),
      body: () => (call === "batch" ? json({ batch: "x" }) : "[1]"),
    },
    {
      name: "a wrong content type",
      status: 400,
      headers: headers({ "content-type": "application/x-www-form-urlencoded" }),
      body: () => "batch=1",
    },
    {
      name: "an unsupported encoding",
      status: 400,
      headers: headers({ "content-encoding": "br" }),
      body: good,
    },
    {
      name: "broken gzip",
      status: 400,
      headers: headers({ "content-encoding": "gzip" }),
      body: () => "not gzip",
    },
    { name: "a body over the limit", status: 400, headers: headers(), body: oversize },
    {
      name: "a body over the limit, streamed without a length",
      status: 400,
      headers: headers(),
      body: oversize,
      streamed: true,
    },
    { name: "no key", status: 401, headers: headers({}, () => null), body: good },
    { name: "an unknown key", status: 401, headers: headers({}, () => "wk_nope"), body: good },
    { name: "a revoked key", status: 401, headers: headers({}, () => revokedKey), body: good },
    {
      name: "a malformed Authorization header",
      status: 401,
      headers: headers({ authorization: "Bearer x y" }, () => null),
      body: good,
    },
  ];
}

// ---- The settings document of Segment's browser library -------------------

function trackingSettingsCases(pattern: string): Case[] {
  const proxied = () => ({ "x-forwarded-host": "cue.example", "x-forwarded-proto": "https" });
  if (pattern.includes(":writeKey")) {
    const at = (key: () => string) => () => pattern.replace(":writeKey", encodeURIComponent(key()));
    return [
      { name: "a live write key", status: 200, path: at(() => ws.writeKey), headers: proxied },
      { name: "an unknown key", status: 401, path: at(() => "wk_nope"), headers: proxied },
      { name: "a revoked key", status: 401, path: at(() => revokedKey), headers: proxied },
    ];
  }
  const query = (key: () => string) => () => `?p=npm&writeKey=${encodeURIComponent(key())}`;
  return [
    { name: "a live write key", status: 200, query: query(() => ws.writeKey) },
    {
      name: "the key as the Basic username",
      status: 200,
      headers: () => ({ authorization: basic(ws.writeKey) }),
    },
    { name: "an unknown key", status: 401, query: query(() => "wk_nope") },
    { name: "a revoked key", status: 401, query: query(() => revokedKey) },
    { name: "no key", status: 401 },
  ];
}

// ---- The inbox API ---------------------------------------------------------

function inboxReadCases(): Case[] {
  const reader =
    (extra: Record<string, string> = {}) =>
    () => ({
      ...hashHeaders(ws, "reader"),
      ...extra,
    });
  return [
    {
      name: "a page of the user's feed",
      status: 200,
      query: () => "?page_size=1",
      headers: reader(),
    },
    { name: "credentials in the query", status: 200, query: () => `?${hashQuery(ws, "reader")}` },
    { name: "a user without a profile", status: 200, headers: () => hashHeaders(ws, "nobody") },
    {
      name: "an allowed origin",
      status: 200,
      query: () => "?kind=banner",
      headers: reader({ origin: ALLOWED_ORIGIN }),
    },
    {
      name: "the Cue host's own origin",
      status: 200,
      headers: reader({ origin: "https://cue.example", "x-forwarded-host": "cue.example" }),
    },
    {
      name: "an origin not allowed",
      status: 403,
      headers: reader({ origin: "https://evil.example" }),
    },
    {
      name: "a wrong user hash",
      status: 401,
      headers: reader({ "x-cue-user-hash": "0".repeat(64), origin: ALLOWED_ORIGIN }),
    },
    { name: "no credentials", status: 401 },
    { name: "an unknown key", status: 401, headers: reader({ "x-cue-write-key": "wk_nope" }) },
    { name: "a bad query", status: 422, query: () => "?page_size=zero", headers: reader() },
    { name: "an unknown kind", status: 422, query: () => "?kind=popup", headers: reader() },
  ];
}

// ---- Preflights, for every API ---------------------------------------------

function preflightCases(): Case[] {
  return [
    {
      name: "a browser's preflight",
      status: 204,
      headers: () => ({
        origin: ALLOWED_ORIGIN,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization",
      }),
    },
    {
      name: "a preflight from an origin not allowed",
      status: 204,
      headers: () => ({ origin: "https://evil.example", "access-control-request-method": "GET" }),
    },
    { name: "an OPTIONS without an origin", status: 204 },
  ];
}

/** The requests for an entry; a kind of entry without any fails the test. */
function casesFor(method: string, route: ApiRoute, pattern: string): Case[] {
  if (method === "OPTIONS") return preflightCases();
  switch (route.api) {
    case "tracking":
      return method === "POST" ? trackingCases(route.call) : [];
    case "tracking-settings":
      return method === "GET" ? trackingSettingsCases(pattern) : [];
    case "inbox":
      return method === "GET" ? inboxReadCases() : [];
    default: {
      const unknown: never = route;
      return unknown;
    }
  }
}

const ENTRIES = Object.entries(API_ROUTES) as [string, ApiRoute][];

describe.each(ENTRIES)("%s", (key, route) => {
  const { method, path: pattern } = splitRouteKey(key);
  const cases = casesFor(method, route, pattern);

  it("has requests to check it with", () => {
    expect(cases.length, `add cases for ${method} on the ${route.api} API`).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.name, c] as const))("agrees on %s", async (_name, c) => {
    const [direct, web] = await both(key, c);
    expect(direct).toEqual(web);
    expect(direct.status).toBe(c.status);
    if (route.api !== "inbox") expect(direct.headers["access-control-allow-origin"]).toBe("*");
  });

  it("agrees on an unexpected exception: the envelope's 500", async () => {
    onTestFinished(captureLog().restore); // the expected "unhandled error" line, kept quiet
    vi.spyOn(route, "answer").mockRejectedValue(new Error("boom"));
    const [direct, web] = await both(key, cases[0] ?? { name: "", status: 500 });
    expect(direct).toEqual(web);
    expect(direct.status).toBe(500);
    expect(direct.body).toEqual({
      error: { code: "internal_error", message: "Something went wrong on our side." },
    });
  });

  if (route.api === "tracking" && method === "POST") {
    it("agrees on 429 over the rate limit", async () => {
      vi.stubEnv("INGEST_RATE_LIMIT_PER_SECOND", "1");
      const c = trackingCases(route.call)[0] as Case;
      let limited: [Answer, Answer] | null = null;
      for (let i = 0; i < 8 && !limited; i++) {
        const answers = await both(key, c);
        if (answers[0].status === 429 && answers[1].status === 429) limited = answers;
      }
      expect(limited).not.toBeNull();
      const [direct, web] = limited as [Answer, Answer];
      expect(direct).toEqual(web);
      expect(direct.headers["retry-after"]).toBe("(set)");
    });
  }
});

describe("the route files of the table's paths", () => {
  const paths = [...new Set(ENTRIES.map(([key]) => splitRouteKey(key).path))];

  it.each(paths)("%s exports exactly the table's methods", async (pattern) => {
    const exported = Object.keys(await routeFile(pattern)).filter((name) =>
      /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(name),
    );
    const table = ENTRIES.map(([key]) => splitRouteKey(key))
      .filter((entry) => entry.path === pattern)
      .map((entry) => entry.method);
    expect(exported.sort()).toEqual(table.sort());
  });
});
