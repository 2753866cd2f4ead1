import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { serveDirect } from "@/lib/runtime/direct-routes";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";

// The custom server's direct dispatch to the tracking API's route handlers:
// the same answers as through Next, for real HTTP requests.

let ws: TestWorkspace;
let server: Server;
let base: string;
const fallthrough: string[] = [];

beforeAll(async () => {
  ws = await createTestWorkspace("Direct routes");
  server = createServer((req, res) => {
    if (serveDirect(req, res)) return;
    fallthrough.push(`${req.method} ${req.url}`);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const auth = () => `Basic ${Buffer.from(`${ws.writeKey}:`).toString("base64")}`;

describe("serveDirect", () => {
  it("stores a tracked event and answers like the route handler", async () => {
    const response = await fetch(`${base}/api/v1/track?x=1`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: auth() },
      body: JSON.stringify({ userId: "direct-1", event: "Clicked", messageId: "direct-m1" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const stored = await prisma.event.count({
      where: { workspaceId: ws.workspaceId, messageId: "direct-m1" },
    });
    expect(stored).toBe(1);
  });

  it("passes bad input and bad keys to the handler's own answers", async () => {
    const bad = await fetch(`${base}/api/v1/batch`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: auth() },
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("invalid_json");
    const big = await fetch(`${base}/api/v1/track`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: auth() },
      body: JSON.stringify({ userId: "u", event: "E", properties: { pad: "x".repeat(40_000) } }),
    });
    expect(big.status).toBe(400);
    const stranger = await fetch(`${base}/api/v1/identify`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Basic bm9wZTo=" },
      body: JSON.stringify({ userId: "u" }),
    });
    expect(stranger.status).toBe(401);
  });

  it("answers preflights and leaves everything else to Next", async () => {
    const preflight = await fetch(`${base}/api/v1/page`, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    await fetch(`${base}/api/v1/track`);
    await fetch(`${base}/api/v1/inbox`, { method: "POST", body: "{}" });
    await fetch(`${base}/api/v1/inbox/stream`);
    await fetch(`${base}/api/v1/tracking`, { method: "POST", body: "{}" });
    expect(fallthrough).toEqual([
      "GET /api/v1/track",
      "POST /api/v1/inbox",
      "GET /api/v1/inbox/stream",
      "POST /api/v1/tracking",
    ]);
  });
});
