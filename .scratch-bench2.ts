// npm run bench:ingest – ingestion throughput and latency against a running Cue.
//
//   CUE_URL        Cue's base URL (default http://localhost:3000)
//   CUE_WRITE_KEY  a workspace write key (required)
//   DATABASE_URL   the server's PostgreSQL, for the ceiling (optional: without
//                  it the ceiling and the fraction are skipped)
//   BENCH_SECONDS (15), BENCH_CONNECTIONS (8), BENCH_BATCH_SIZE (100),
//   BENCH_USERS (5000), BENCH_SINGLE_RPS (200), BENCH_SINGLE_SECONDS (10)
//
// Phases:
// 0. Warm-up (not measured): one identify per user of the pool, so the load
//    below measures the steady state of known users, then a few seconds of
//    the load itself.
// 1. /batch: BENCH_CONNECTIONS closed loops, each posting batches of
//    BENCH_BATCH_SIZE Segment calls (mostly track, some identify and page) for
//    the pool of users; accepted events/s and request p50/p99.
// 2. Ceiling: the same kind of rows inserted straight into PostgreSQL with
//    multi-row INSERTs over as many connections, into a scratch copy of the
//    events table (same columns and indexes, dropped afterwards, so Cue's
//    data is untouched). Cue's rate is printed as a fraction of it.
// 3. /track at a fixed rate (open loop: requests leave on schedule whether or
//    not earlier ones have answered), p50/p99.
//
// The last line of output is one JSON object with every figure.
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
import pg from "pg";

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const CUE_URL = (process.env.CUE_URL ?? "http://localhost:3000").replace(/\/$/, "");
const WRITE_KEY = process.env.CUE_WRITE_KEY ?? "";
const DATABASE_URL = process.env.DATABASE_URL ?? "";
const SECONDS = env("BENCH_SECONDS", 15);
const CONNECTIONS = env("BENCH_CONNECTIONS", 8);
const BATCH_SIZE = env("BENCH_BATCH_SIZE", 100);
const USERS = env("BENCH_USERS", 5_000);
const SINGLE_RPS = env("BENCH_SINGLE_RPS", 200);
const SINGLE_SECONDS = env("BENCH_SINGLE_SECONDS", 10);
const WARMUP_SECONDS = 3;

const TARGETS = { eventsPerSecond: 10_000, fractionOfCeiling: 0.5, singleP99Ms: 50 };

const AUTH = `Basic ${Buffer.from(`${WRITE_KEY}:`).toString("base64")}`;
const runId = randomUUID().slice(0, 8);
let sequence = 0;

const PLANS = ["free", "pro", "team", "enterprise"];
const EVENTS = ["Product Viewed", "Added to Cart", "Checkout Started", "Order Completed"];

/** One Segment call, shaped like what analytics-node sends. */
function makeCall(): Record<string, unknown> {
  const n = sequence++;
  const user = Math.floor(Math.random() * USERS);
  const base = {
    messageId: `bench-${runId}-${n}`,
    userId: `bench-user-${user}`,
    timestamp: new Date().toISOString(),
    context: { library: { name: "cue-bench", version: "1" }, timezone: "Europe/Paris" },
  };
  const dice = n % 20;
  if (dice === 0) {
    return {
      ...base,
      type: "identify",
      traits: { email: `bench-user-${user}@example.com`, plan: PLANS[user % PLANS.length] },
    };
  }
  if (dice === 1) {
    return {
      ...base,
      type: "page",
      name: "Pricing",
      properties: { path: "/pricing", referrer: "" },
    };
  }
  return {
    ...base,
    type: "track",
    event: EVENTS[n % EVENTS.length],
    properties: {
      sku: `sku-${n % 500}`,
      price: (n % 100) + 0.99,
      currency: "EUR",
      tags: ["a", "b"],
    },
  };
}

/** One identify per user of the pool, in batches over all connections. */
async function identifyPool(): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < USERS) {
        const start = next;
        next += BATCH_SIZE;
        const batch = [];
        for (let user = start; user < Math.min(start + BATCH_SIZE, USERS); user++) {
          batch.push({
            type: "identify",
            messageId: `bench-${runId}-identify-${user}`,
            userId: `bench-user-${user}`,
            traits: { email: `bench-user-${user}@example.com`, plan: PLANS[user % PLANS.length] },
          });
        }
        const { status } = await post("/api/v1/batch", { batch });
        if (status !== 200) throw new Error(`warm-up batch answered ${status}`);
      }
    }),
  );
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

async function post(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${CUE_URL}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: AUTH },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // non-JSON error page; the status tells enough
  }
  return { status: response.status, json };
}

function acceptedCount(json: unknown, sent: number): number {
  const body = json as { success?: boolean; accepted?: number } | null;
  if (!body?.success) return 0;
  return typeof body.accepted === "number" ? body.accepted : sent;
}

interface LoadResult {
  events: number;
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
  statuses: Record<string, number>;
}

/** Closed-loop load: each connection sends its next batch when the last one answers. */
async function runBatchLoad(seconds: number): Promise<LoadResult> {
  const result: LoadResult = {
    events: 0,
    requests: 0,
    errors: 0,
    seconds,
    latencies: [],
    statuses: {},
  };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const batch = Array.from({ length: BATCH_SIZE }, makeCall);
        const t0 = performance.now();
        try {
          const { status, json } = await post("/api/v1/batch", {
            batch,
            sentAt: new Date().toISOString(),
          });
          result.latencies.push(performance.now() - t0);
          result.requests++;
          result.statuses[status] = (result.statuses[status] ?? 0) + 1;
          if (status === 200) result.events += acceptedCount(json, batch.length);
          else result.errors++;
        } catch {
          result.errors++;
        }
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/** Open loop at a fixed rate: latency includes any queueing the server causes. */
async function runSingleLoad(rps: number, seconds: number): Promise<LoadResult> {
  const result: LoadResult = {
    events: 0,
    requests: 0,
    errors: 0,
    seconds,
    latencies: [],
    statuses: {},
  };
  const total = Math.round(rps * seconds);
  const interval = 1000 / rps;
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inflight.push(
      (async () => {
        const call = makeCall();
        const t0 = performance.now();
        try {
          const { status, json } = await post("/api/v1/track", {
            messageId: call.messageId,
            userId: call.userId,
            timestamp: call.timestamp,
            context: call.context,
            event: "Single Event",
            properties: { source: "bench" },
          });
          result.latencies.push(performance.now() - t0);
          result.requests++;
          result.statuses[status] = (result.statuses[status] ?? 0) + 1;
          if (status === 200) result.events += acceptedCount(json, 1);
          else result.errors++;
        } catch {
          result.errors++;
        }
      })(),
    );
  }
  await Promise.all(inflight);
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

const COLUMNS = [
  "workspaceId",
  "profileId",
  "messageId",
  "type",
  "name",
  "userId",
  "anonymousId",
  "properties",
  "traits",
  "context",
  "extra",
  "timestamp",
  "sentAt",
  "receivedAt",
] as const;

/**
 * The ceiling: the same rows, straight into PostgreSQL, multi-row INSERT per
 * batch, as many connections as the HTTP load used.
 */
async function runCeiling(seconds: number): Promise<{ events: number; seconds: number } | null> {
  if (!DATABASE_URL) return null;
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: CONNECTIONS });
  const table = `bench_ceiling_${runId}`;
  try {
    await pool.query(`CREATE TABLE "${table}" (LIKE events INCLUDING ALL)`);
    const columnList = COLUMNS.map((c) => `"${c}"`).join(", ");
    let events = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < deadline) {
          const values: unknown[] = [];
          const rows: string[] = [];
          for (let i = 0; i < BATCH_SIZE; i++) {
            const call = makeCall();
            const now = new Date().toISOString();
            const row = [
              "bench-workspace",
              randomUUID(),
              call.messageId,
              call.type,
              (call.event ?? call.name ?? null) as string | null,
              call.userId,
              null,
              JSON.stringify(call.properties ?? {}),
              call.traits ? JSON.stringify(call.traits) : null,
              JSON.stringify(call.context),
              null,
              call.timestamp,
              now,
              now,
            ];
            const offset = values.length;
            rows.push(`(${row.map((_, j) => `$${offset + j + 1}`).join(", ")})`);
            values.push(...row);
          }
          await pool.query(
            `INSERT INTO "${table}" (${columnList}) VALUES ${rows.join(", ")}`,
            values,
          );
          events += BATCH_SIZE;
        }
      }),
    );
    return { events, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pool.query(`DROP TABLE IF EXISTS "${table}"`).catch(() => {});
    await pool.end();
  }
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));


import { execSync } from "node:child_process";
function ticks(): { server: number; pg: number; self: number } {
  const read = (pid: string) => { try { const f = require("node:fs").readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" "); return Number(f[11]) + Number(f[12]); } catch { return 0; } };
  const harness = execSync(`pgrep -f bench-harness.ts || true`).toString().trim().split("\n").filter(Boolean);
  const pm = execSync(`pgrep -u postgres -f "bench-data/pg" | head -1`).toString().trim();
  const kids = execSync(`ps -o pid= --ppid ${pm}`).toString().trim().split(/\s+/).filter(Boolean);
  const cpu = process.cpuUsage();
  return { server: harness.map(read).reduce((a, b) => a + b, 0) / 100, pg: [pm, ...kids].map(read).reduce((a, b) => a + b, 0) / 100, self: (cpu.user + cpu.system) / 1e6 };
}
const diff = (a: ReturnType<typeof ticks>, b: ReturnType<typeof ticks>) => ({ server: +(b.server - a.server).toFixed(2), pg: +(b.pg - a.pg).toFixed(2), client: +(b.self - a.self).toFixed(2) });
async function main() {
  await identifyPool();
  await runBatchLoad(3);
  let t = ticks();
  const b = await runBatchLoad(SECONDS);
  console.log("cue", Math.round(b.events / b.seconds), "ev/s events", b.events, "cpu s", diff(t, ticks()));
  t = ticks();
  const c = await runCeiling(SECONDS);
  console.log("ceiling", Math.round(c!.events / c!.seconds), "ev/s events", c!.events, "cpu s", diff(t, ticks()));
}
main();
