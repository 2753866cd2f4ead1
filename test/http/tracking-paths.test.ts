import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiCatchAll from "@/app/api/v1/[...path]/route";
import * as v1CatchAll from "@/app/v1/[...path]/route";
import { serveApiRoute } from "@/lib/http/serve-node";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";

// The paths tracking libraries build from Cue's URL, through the custom
// server's door: their configuration documents point back at Cue, a trailing
// slash is the same path, and any unknown path under the tracking API is a
// 404 in the error envelope that a browser on another origin can read.

let ws: TestWorkspace;
let server: Server;
let base: string;

beforeAll(async () => {
  ws = await createTestWorkspace("Tracking paths");
  server = createServer((req, res) => {
    if (serveApiRoute(req, res)) return;
    res.writeHead(404, { "x-fell-through": "yes" }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("Segment's settings document", () => {
  it("points analytics-next at Cue's /v1 over the scheme and host the browser used", async () => {
    const response = await fetch(`${base}/v1/projects/${ws.writeKey}/settings`, {
      headers: { origin: "https://shop.example" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await response.json()) as {
      integrations: Record<string, { apiHost: string; protocol: string; apiKey: string }>;
      metrics: { sampleRate: number };
    };
    expect(body.integrations["Segment.io"]).toMatchObject({
      apiKey: ws.writeKey,
      apiHost: `${new URL(base).host}/v1`,
      protocol: "http",
    });
    expect(Object.keys(body.integrations)).toEqual(["Segment.io"]); // no device-mode destinations
    expect(body.metrics.sampleRate).toBe(0);

    const proxied = await fetch(`${base}/v1/projects/${ws.writeKey}/settings`, {
      headers: { "x-forwarded-host": "cue.example.com", "x-forwarded-proto": "https" },
    });
    const viaProxy = (await proxied.json()) as typeof body;
    expect(viaProxy.integrations["Segment.io"]).toMatchObject({
      apiHost: "cue.example.com/v1",
      protocol: "https",
    });
  });

  it("401s for an unknown key, with CORS", async () => {
    const response = await fetch(`${base}/v1/projects/wk_nope/settings`);
    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("RudderStack's source configuration", () => {
  it("answers at /sourceConfig/ and /v1/sourceConfig/, trailing slash included", async () => {
    for (const path of ["/sourceConfig/", "/v1/sourceConfig/", "/sourceConfig"]) {
      const response = await fetch(`${base}${path}?p=npm&writeKey=${ws.writeKey}`);
      expect(response.status, path).toBe(200);
      const body = (await response.json()) as {
        source: { id: string; enabled: boolean; destinations: unknown[]; config: unknown };
      };
      expect(body.source).toMatchObject({ enabled: true, destinations: [], config: {} });
      expect(body.source.id).toMatch(/^cue-/);
    }
  });

  it("its preflight allows the SDK's headers", async () => {
    const response = await fetch(`${base}/v1/track/`, { method: "OPTIONS" });
    expect(response.status).toBe(204);
    const allowed = response.headers.get("access-control-allow-headers") ?? "";
    for (const header of ["Authorization", "AnonymousId", "SentAt", "X-Retry-Count"]) {
      expect(allowed).toContain(header);
    }
  });
});

describe("an unknown path under the tracking API", () => {
  it("is a 404 in the envelope, readable cross-origin, and its preflight passes", async () => {
    const preflight = await fetch(`${base}/v1/nope`, {
      method: "OPTIONS",
      headers: {
        origin: "https://shop.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, x-retry-count",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("X-Retry-Count");

    const response = await fetch(`${base}/v1/nope`, { method: "POST", body: "{}" });
    expect(response.status).toBe(404);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("x-fell-through")).toBeNull();
    expect(await response.json()).toMatchObject({
      error: { code: "not_found", details: { reason: "unknown_path" } },
    });
  });

  it("answers the same through Next's catch-all routes", async () => {
    for (const [routes, path] of [
      [v1CatchAll, "/v1/x/y"],
      [apiCatchAll, "/api/v1/t"],
    ] as const) {
      const response = await routes.POST(new Request(`http://cue.test${path}`, { method: "POST" }));
      expect(response.status).toBe(404);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
      const preflight = await routes.OPTIONS(
        new Request(`http://cue.test${path}`, { method: "OPTIONS" }),
      );
      expect(preflight.status).toBe(204);
    }
  });
});
