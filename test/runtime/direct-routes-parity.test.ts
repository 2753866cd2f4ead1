import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as batchRoute } from "@/app/api/v1/batch/route";
import { POST as identifyRoute } from "@/app/api/v1/identify/route";
import { GET as inboxRoute } from "@/app/api/v1/inbox/route";
import { POST as trackRoute } from "@/app/api/v1/track/route";
import { serveDirect } from "@/lib/runtime/direct-routes";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { createInboxUser, deliver, hashHeaders } from "@/test/inbox/inbox-fixtures";

// The custom server answers the tracking API at the node:http level
// (direct-routes.ts); `next dev` serves the route handlers. For good and bad
// input alike, both must answer the same status, headers and body.

let ws: TestWorkspace;
let server: Server;
let base: string;

beforeAll(async () => {
  ws = await createTestWorkspace("Direct routes parity");
  server = createServer((req, res) => {
    if (serveDirect(req, res)) return;
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  vi.unstubAllEnvs();
});

const ROUTES = { batch: batchRoute, identify: identifyRoute, track: trackRoute };
type Endpoint = keyof typeof ROUTES;

interface Case {
  endpoint: Endpoint;
  headers?: Record<string, string>;
  /** The body for one side; `side` keeps the sides' messageIds apart. */
  body: (side: string) => string | Uint8Array<ArrayBuffer>;
  key?: string | null;
}

interface Answer {
  status: number;
  contentType: string | null;
  cors: string | null;
  retryAfter: boolean;
  body: unknown;
}

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

function headersOf(c: Case): Record<string, string> {
  const headers: Record<string, string> = { "content-type": "application/json", ...c.headers };
  const key = c.key === undefined ? ws.writeKey : c.key;
  if (key) headers.authorization = basic(key);
  return headers;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    cors: response.headers.get("access-control-allow-origin"),
    retryAfter: response.headers.has("retry-after"),
    body: text === "" ? null : JSON.parse(text),
  };
}

async function both(c: Case): Promise<[Answer, Answer]> {
  const direct = await fetch(`${base}/api/v1/${c.endpoint}`, {
    method: "POST",
    headers: headersOf(c),
    body: c.body("node"),
  });
  const request = new Request(`http://cue.test/api/v1/${c.endpoint}`, {
    method: "POST",
    headers: headersOf(c),
    body: c.body("route"),
  });
  return [await answer(direct), await answer(await ROUTES[c.endpoint](request))];
}

let counter = 0;
const id = (side: string) => `parity-${side}-${Date.now().toString(36)}-${++counter}`;
const json = (value: unknown) => JSON.stringify(value);

const CASES: Record<string, Case> = {
  "a good track": {
    endpoint: "track",
    body: (side) => json({ userId: "p1", event: "Clicked", messageId: id(side) }),
  },
  "a batch with a bad item and a duplicate": {
    endpoint: "batch",
    body: (side) => {
      const messageId = id(side);
      return json({
        batch: [
          { type: "track", userId: "p1", event: "E", messageId },
          { type: "track", userId: "p1", event: "E", messageId },
          { type: "track", userId: "p1", properties: { a: 1 } },
          { type: "nope", userId: "p1" },
          { type: "identify", traits: { plan: "pro" } },
          { type: "track", userId: "p1", event: "E", timestamp: "2199-01-01T00:00:00Z" },
        ],
      });
    },
  },
  "clock skew from the batch's sentAt": {
    endpoint: "batch",
    body: (side) =>
      json({
        sentAt: "2020-01-01T00:00:10Z",
        batch: [
          {
            type: "track",
            userId: "p1",
            event: "E",
            timestamp: "2020-01-01T00:00:00Z",
            messageId: id(side),
          },
        ],
      }),
  },
  "a gzipped identify": {
    endpoint: "identify",
    headers: { "content-encoding": "gzip" },
    body: (side) =>
      new Uint8Array(
        gzipSync(json({ userId: "p1", traits: { plan: "team" }, messageId: id(side) })),
      ),
  },
  "the key in the body": {
    endpoint: "track",
    key: null,
    body: (side) => json({ writeKey: ws.writeKey, userId: "p1", event: "E", messageId: id(side) }),
  },
  "malformed JSON": { endpoint: "batch", body: () => '{"batch": [' },
  "an empty body": { endpoint: "track", body: () => "" },
  "not an object": { endpoint: "track", body: () => "[1]" },
  "no batch array": { endpoint: "batch", body: () => json({ batch: "x" }) },
  "a wrong content type": {
    endpoint: "batch",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: () => "batch=1",
  },
  "an unsupported encoding": {
    endpoint: "track",
    headers: { "content-encoding": "br" },
    body: () => json({ userId: "p1", event: "E" }),
  },
  "broken gzip": {
    endpoint: "track",
    headers: { "content-encoding": "gzip" },
    body: () => "not gzip",
  },
  "a body over the limit": {
    endpoint: "track",
    body: () => json({ userId: "p1", event: "E", properties: { pad: "x".repeat(40_000) } }),
  },
  "no key": { endpoint: "track", key: null, body: () => json({ userId: "p1", event: "E" }) },
  "an unknown key": {
    endpoint: "track",
    key: "wk_nope",
    body: () => json({ userId: "p1", event: "E" }),
  },
  "a malformed Authorization header": {
    endpoint: "track",
    key: null,
    headers: { authorization: "Bearer x y" },
    body: () => json({ userId: "p1", event: "E" }),
  },
};

describe("node:http and route handler answers", () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`agree on ${name}`, async () => {
      const [direct, route] = await both(c);
      expect(direct).toEqual(route);
      expect(direct.cors).toBe("*");
      expect(direct.contentType).toBe("application/json");
    });
  }

  it("agree on 429 over the rate limit", async () => {
    vi.stubEnv("INGEST_RATE_LIMIT_PER_SECOND", "1");
    const c: Case = {
      endpoint: "track",
      body: (side) => json({ userId: "p1", event: "E", messageId: id(side) }),
    };
    let limited: [Answer, Answer] | null = null;
    for (let i = 0; i < 6 && !limited; i++) {
      const answers = await both(c);
      if (answers[0].status === 429 && answers[1].status === 429) limited = answers;
    }
    expect(limited).not.toBeNull();
    const [direct, route] = limited as [Answer, Answer];
    expect(direct).toEqual(route);
    expect(direct.retryAfter).toBe(true);
  });
});

describe("GET /api/v1/inbox through node:http and the route handler", () => {
  const read = async (query: string, headers: Record<string, string>) => {
    const direct = await fetch(`${base}/api/v1/inbox${query}`, { headers });
    const route = await inboxRoute(
      new Request(`http://cue.test/api/v1/inbox${query}`, { headers }),
      {
        params: Promise.resolve({}),
      },
    );
    return [await answer(direct), await answer(route)] as const;
  };

  it("agree on a page of the user's feed", async () => {
    const profileId = await createInboxUser(ws, "reader");
    await deliver(ws, profileId, { title: "Hello" });
    const [direct, route] = await read("?page_size=5", hashHeaders(ws, "reader"));
    expect(direct).toEqual(route);
    expect(direct.status).toBe(200);
    expect((direct.body as { items: { title: string }[] }).items[0]?.title).toBe("Hello");
  });

  it("agree on a wrong user hash (401) and a bad query (422)", async () => {
    const wrong = { ...hashHeaders(ws, "reader"), "x-cue-user-hash": "0".repeat(64) };
    const [direct, route] = await read("", wrong);
    expect(direct).toEqual(route);
    expect(direct.status).toBe(401);
    const [badDirect, badRoute] = await read("?page_size=zero", hashHeaders(ws, "reader"));
    expect(badDirect).toEqual(badRoute);
    expect(badDirect.status).toBe(422);
  });
});
