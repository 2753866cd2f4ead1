import { afterEach, describe, expect, it, vi } from "vitest";
import { closeListeners, LISTEN_APPLICATION_NAME, listen } from "@/lib/db/listen";
import { queryRows, sql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { captureLog } from "@/test/fixtures/capture-log";

// The shared LISTEN connection (lib/db/listen.ts) against the real database:
// one connection for every channel, resync after the server drops it, and a
// clean close.

afterEach(async () => {
  await closeListeners();
  vi.restoreAllMocks();
});

function recorder() {
  const payloads: string[] = [];
  let resyncs = 0;
  return {
    payloads,
    get resyncs() {
      return resyncs;
    },
    handlers: {
      notify: (payload: string) => payloads.push(payload),
      resync: () => {
        resyncs += 1;
      },
    },
  };
}

async function listenBackends(): Promise<number[]> {
  const rows = await queryRows<{ pid: number }>(Prisma.sql`
    SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND application_name = ${LISTEN_APPLICATION_NAME}`);
  return rows.map((row) => row.pid);
}

const notify = (channel: string, payload: string) =>
  sql.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;

describe("listen", () => {
  it("carries two channels on one connection, each to its own subscribers", async () => {
    const a = recorder();
    const b = recorder();
    const a2 = recorder();
    const subscriptions = [
      listen("test_a", a.handlers),
      listen("test_b", b.handlers),
      listen("test_a", a2.handlers),
    ];
    await Promise.all(subscriptions.map((s) => s.ready));
    expect(await listenBackends()).toHaveLength(1);

    await notify("test_a", "one");
    await notify("test_b", "two");
    await vi.waitFor(() => {
      expect(a.payloads).toEqual(["one"]);
      expect(a2.payloads).toEqual(["one"]);
      expect(b.payloads).toEqual(["two"]);
    });
  });

  it("tells every subscriber to resync after the server drops the connection, and hears later notifications", async () => {
    const a = recorder();
    const b = recorder();
    const subscriptions = [listen("test_a", a.handlers), listen("test_b", b.handlers)];
    await Promise.all(subscriptions.map((s) => s.ready));
    const [pid] = await listenBackends();
    const log = captureLog();

    await sql.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
    await vi.waitFor(
      () => {
        expect(a.resyncs).toBe(1);
        expect(b.resyncs).toBe(1);
      },
      { timeout: 5_000 },
    );
    const [again] = await listenBackends();
    expect(again).not.toBe(pid);
    await Promise.all(subscriptions.map((s) => s.listening()));
    await notify("test_a", "after");
    await notify("test_b", "after");
    await vi.waitFor(() => {
      expect(a.payloads).toEqual(["after"]);
      expect(b.payloads).toEqual(["after"]);
    });
    // One line for the loss and one for the return, nothing per retry.
    log.restore();
    expect(log.lines.filter((l) => l.includes("LISTEN connection lost"))).toHaveLength(1);
    expect(log.lines.filter((l) => l.includes("LISTEN connection restored"))).toHaveLength(1);
  });

  it("UNLISTENs a channel its last subscriber leaves, and closes the connection with the last channel", async () => {
    const a = recorder();
    const b = recorder();
    const first = listen("test_a", a.handlers);
    const second = listen("test_b", b.handlers);
    await Promise.all([first.ready, second.ready]);

    await first.close();
    // The server stops sending it (the connection's last statement), not only this process ignoring it.
    const [backend] = await queryRows<{ query: string }>(Prisma.sql`
      SELECT query FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = ${LISTEN_APPLICATION_NAME}`);
    expect(backend?.query).toBe("UNLISTEN test_a");
    await notify("test_a", "unheard");
    await notify("test_b", "heard");
    await vi.waitFor(() => expect(b.payloads).toEqual(["heard"]));
    expect(a.payloads).toEqual([]);
    expect(await listenBackends()).toHaveLength(1);

    await second.close();
    await vi.waitFor(async () => expect(await listenBackends()).toHaveLength(0));
    await expect(second.listening()).rejects.toThrow(/closed/);
  });

  it("rejects ready when it cannot connect, logs once while retrying, and resyncs once it can", async () => {
    // A port nothing listens on, then the real server: a proxy we can switch.
    const real = new URL(process.env.DATABASE_URL as string);
    const proxy = await startSwitchableProxy(real.hostname, Number(real.port || 5432));
    const url = new URL(real);
    url.port = String(proxy.port);
    const log = captureLog();
    try {
      const a = recorder();
      const subscription = listen("test_a", a.handlers, { databaseUrl: url.toString() });
      await expect(subscription.ready).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // 250 + 500 ms: two more attempts
      expect(proxy.refused).toBeGreaterThanOrEqual(3);
      expect(log.lines.filter((l) => l.includes("cannot LISTEN"))).toHaveLength(1);

      proxy.open = true;
      await vi.waitFor(() => expect(a.resyncs).toBe(1), { timeout: 5_000 });
      await subscription.listening();
      await notify("test_a", "through");
      await vi.waitFor(() => expect(a.payloads).toEqual(["through"]));
    } finally {
      log.restore();
      await closeListeners();
      await proxy.close();
    }
  });

  it("closeListeners ends the connection and rejects waits still pending", async () => {
    const subscription = listen("test_a", recorder().handlers);
    const pending = subscription.ready;
    await closeListeners();
    await expect(pending).rejects.toThrow(/closed/);
    await vi.waitFor(async () => expect(await listenBackends()).toHaveLength(0));
  });

  it("refuses a channel name it would have to quote", () => {
    expect(() => listen("bad-name; DROP", recorder().handlers)).toThrow(/Invalid LISTEN channel/);
  });
});

/** A TCP proxy to PostgreSQL that refuses connections until `open` is set. */
async function startSwitchableProxy(host: string, port: number) {
  const net = await import("node:net");
  const sockets = new Set<import("node:net").Socket>();
  const state = { open: false, refused: 0 };
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    if (!state.open) {
      state.refused += 1;
      client.destroy();
      return;
    }
    const upstream = net.connect(port, host);
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    client.pipe(upstream).pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as import("node:net").AddressInfo;
  return {
    port: address.port,
    get refused() {
      return state.refused;
    },
    set open(value: boolean) {
      state.open = value;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
