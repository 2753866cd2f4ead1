import { createServer, type Server } from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseAvailability } from "@/lib/db/availability";
import { disconnectPrisma, prisma } from "@/lib/db/client";
import { checkHealth } from "@/lib/health/check-health";
import { serveApiRoute } from "@/lib/http/serve-node";
import { captureLog } from "@/test/fixtures/capture-log";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";

// The operator's own database (DATABASE_URL) goes away: Cue cannot restart
// it, but it must answer 503 `unavailable` with Retry-After (never 500), name
// the error in /api/health, log the outage as a few lines, and carry on by
// itself once the database is back. The database sits behind a TCP proxy
// this test can cut (every connection reset, new ones refused) and restore.

let proxy: Awaited<ReturnType<typeof startCuttableProxy>>;
let server: Server;
let base: string;
let ws: TestWorkspace;
let previousUrl: string | undefined;

beforeAll(async () => {
  previousUrl = process.env.DATABASE_URL;
  const real = new URL(previousUrl as string);
  proxy = await startCuttableProxy(real.hostname, Number(real.port || 5432));
  await disconnectPrisma();
  const through = new URL(real);
  through.host = `127.0.0.1:${proxy.port}`;
  process.env.DATABASE_URL = through.toString();
  ws = await createTestWorkspace("External outage");
  server = createServer((req, res) => {
    if (!serveApiRoute(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await disconnectPrisma();
  await proxy.close();
  process.env.DATABASE_URL = previousUrl;
});

async function track(messageId: string) {
  const response = await fetch(`${base}/api/v1/track`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Basic ${Buffer.from(`${ws.writeKey}:`).toString("base64")}`,
    },
    body: JSON.stringify({ type: "track", event: "Go", userId: "u1", messageId }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: (await response.json()) as { error?: { code: string } },
  };
}

describe("DATABASE_URL becomes unreachable", () => {
  it("answers 503 unavailable, names the error, logs it once, and recovers by itself", async () => {
    expect((await track("before")).status).toBe(200);
    const log = captureLog();
    try {
      proxy.cut();
      const during = [];
      for (let i = 0; i < 30; i++) during.push(await track(`during-${i}`));
      for (const answer of during) {
        expect(answer.status).toBe(503);
        expect(answer.retryAfter).toBe("5");
        expect(answer.body.error?.code).toBe("unavailable");
      }
      const health = await checkHealth();
      expect(health.database).toMatchObject({ status: "unreachable" });
      expect(health.database.error).toMatch(/connection|refused|reset|terminated/);
      await expect.poll(() => databaseAvailability().available, { timeout: 5_000 }).toBe(false);

      proxy.restore();
      await expect
        .poll(async () => (await track(`after-${Date.now()}`)).status, { timeout: 10_000 })
        .toBe(200);
      await expect.poll(() => databaseAvailability().available, { timeout: 5_000 }).toBe(true);
    } finally {
      log.restore();
    }
    const outage = log.lines.filter((l) => l.includes("database is"));
    expect(outage).toHaveLength(2);
    expect(outage[0]).toMatch(
      /^error: The database is unavailable: .*check the server DATABASE_URL names/,
    );
    expect(outage[1]).toMatch(/^info: The database is available again after/);
    expect(log.lines.filter((l) => l.includes("unhandled"))).toEqual([]);
    const stored = await prisma.event.count({
      where: { workspaceId: ws.workspaceId, messageId: { startsWith: "during-" } },
    });
    expect(stored).toBe(0);
  });
});

/** A TCP proxy to PostgreSQL: cut() resets every connection and refuses new ones until restore(). */
async function startCuttableProxy(host: string, port: number) {
  const sockets = new Set<net.Socket>();
  let open = true;
  const server = net.createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = net.connect(port, host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      open = false;
      for (const socket of sockets) socket.resetAndDestroy();
    },
    restore() {
      open = true;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
