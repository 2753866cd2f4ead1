import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { API_ROUTES } from "@/lib/http/api-routes";
import { serveApiRoute } from "@/lib/http/serve-node";
import { MAX_EVENT_BYTES } from "@/lib/ingest/limits";
import { captureLog } from "@/test/fixtures/capture-log";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";

// What only the custom server's door (serve-node.ts) does: which requests it
// takes and which it leaves to Next, and how it writes an answer. What it
// answers is the handler table's, checked against Next's door in
// api-routes-parity.test.ts.

let ws: TestWorkspace;
let server: Server;
let base: string;
const fallthrough: string[] = [];

beforeAll(async () => {
  ws = await createTestWorkspace("Node door");
  server = createServer((req, res) => {
    if (serveApiRoute(req, res)) return;
    fallthrough.push(`${req.method} ${req.url}`);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const auth = () => `Basic ${Buffer.from(`${ws.writeKey}:`).toString("base64")}`;

/**
 * A POST through node:http, to see the headers fetch hides (connection).
 * With `declared`, the content-length announces that many bytes and only
 * `body` is sent: the rest never arrives.
 */
function rawPost(path: string, headers: Record<string, string>, body: string, declared?: number) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest(
        `${base}${path}`,
        { method: "POST", headers: { ...headers, "content-length": declared ?? body.length } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString(),
            });
            req.destroy();
          });
        },
      );
      req.on("error", reject);
      if (declared === undefined) req.end(body);
      else req.write(body);
    },
  );
}

describe("serveApiRoute", () => {
  it("stores a tracked event, whatever the query string", async () => {
    const response = await fetch(`${base}/api/v1/track?x=1`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: auth() },
      body: JSON.stringify({ userId: "door-1", event: "Clicked", messageId: "door-m1" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true });
    const stored = await prisma.event.count({
      where: { workspaceId: ws.workspaceId, messageId: "door-m1" },
    });
    expect(stored).toBe(1);
  });

  it("closes the connection after refusing a body it left unread, and only then", async () => {
    const headers = { "content-type": "application/json", authorization: auth() };
    const refused = await rawPost("/api/v1/track", headers, '{"userId":', MAX_EVENT_BYTES + 1);
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body).error.details.reason).toBe("payload_too_large");
    expect(refused.headers.connection).toBe("close");
    const read = await rawPost("/api/v1/track", headers, "{not json");
    expect(read.status).toBe(400);
    expect(read.headers.connection).toBe("keep-alive");
  });

  it("never compresses an answer", async () => {
    const response = await fetch(`${base}/api/v1/batch`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: auth(),
        "accept-encoding": "gzip, br",
      },
      body: JSON.stringify({ batch: [{ type: "track", userId: "u", event: "E".repeat(2000) }] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBeNull();
  });

  it("answers with the envelope when writing the handler's reply fails", async () => {
    onTestFinished(captureLog().restore); // the expected "unhandled error" line, kept quiet
    vi.spyOn(API_ROUTES["OPTIONS /api/v1/page"], "answer").mockReturnValue({
      status: 204,
      headers: { "x-broken": "line\nbreak" },
      body: null,
    });
    const response = await fetch(`${base}/api/v1/page`, { method: "OPTIONS" });
    expect(response.status).toBe(500);
    expect((await response.json()).error.code).toBe("internal_error");
  });

  it("leaves every other method and path to Next", async () => {
    await fetch(`${base}/api/v1/track`);
    await fetch(`${base}/api/v1/track/`, { method: "POST", body: "{}" });
    await fetch(`${base}/api/v1/inbox`, { method: "POST", body: "{}" });
    await fetch(`${base}/api/v1/inbox`, { method: "HEAD" });
    await fetch(`${base}/api/v1/inbox/stream`);
    await fetch(`${base}/api/v1/tracking`, { method: "POST", body: "{}" });
    expect(fallthrough).toEqual([
      "GET /api/v1/track",
      "POST /api/v1/track/",
      "POST /api/v1/inbox",
      "HEAD /api/v1/inbox",
      "GET /api/v1/inbox/stream",
      "POST /api/v1/tracking",
    ]);
  });
});
