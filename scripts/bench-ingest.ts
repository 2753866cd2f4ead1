// npm run bench:ingest – ingestion throughput and latency against a running Cue.
//
//   CUE_URL        Cue's base URL (default http://localhost:3000)
//   CUE_WRITE_KEY  a workspace write key (required)
//   DATABASE_URL   the server's PostgreSQL, for the ceiling (optional: without
//                  it the ceiling and the fraction are skipped)
//   BENCH_SECONDS (15), BENCH_CONNECTIONS (4), BENCH_BATCH_SIZE (100),
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
import pg from "pg";

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const CUE_URL = (process.env.CUE_URL ?? "http://localhost:3000").replace(/\/$/, "");
const WRITE_KEY = process.env.CUE_WRITE_KEY ?? "";
const DATABASE_URL = process.env.DATABASE_URL ?? "";
const SECONDS = env("BENCH_SECONDS", 15);
const CONNECTIONS = env("BENCH_CONNECTIONS", 4);
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

async function main() {
  if (!WRITE_KEY) {
    console.error("Set CUE_WRITE_KEY to a write key of the Cue at CUE_URL (Settings → API keys).");
    process.exit(2);
  }
  const probe = await post("/api/v1/batch", { batch: [] }).catch((error: unknown) => {
    console.error(`Cannot reach ${CUE_URL}: ${String(error)}`);
    process.exit(2);
  });
  if (probe.status !== 200) {
    console.error(
      `${CUE_URL}/api/v1/batch answered ${probe.status}: ${JSON.stringify(probe.json)}`,
    );
    process.exit(2);
  }

  console.log(`Warming up: identifying ${USERS} users`);
  await identifyPool();
  console.log(
    `Cue at ${CUE_URL}: ${CONNECTIONS} connections × batches of ${BATCH_SIZE}, ${SECONDS} s`,
  );
  await runBatchLoad(WARMUP_SECONDS);
  const batch = await runBatchLoad(SECONDS);
  const batchLatency = [...batch.latencies].sort((a, b) => a - b);
  const cueRate = batch.events / batch.seconds;

  if (!DATABASE_URL) console.log("DATABASE_URL not set: skipping the PostgreSQL ceiling.");
  const ceiling = await runCeiling(SECONDS);
  const ceilingRate = ceiling ? ceiling.events / ceiling.seconds : null;

  console.log(`/track at ${SINGLE_RPS} requests/s for ${SINGLE_SECONDS} s`);
  const single = await runSingleLoad(SINGLE_RPS, SINGLE_SECONDS);
  const singleLatency = [...single.latencies].sort((a, b) => a - b);

  const figures = {
    batch: {
      eventsPerSecond: Math.round(cueRate),
      requests: batch.requests,
      errors: batch.errors,
      statuses: batch.statuses,
      p50Ms: round(percentile(batchLatency, 50)),
      p99Ms: round(percentile(batchLatency, 99)),
    },
    ceiling: ceilingRate === null ? null : { eventsPerSecond: Math.round(ceilingRate) },
    fractionOfCeiling: ceilingRate ? round(cueRate / ceilingRate, 3) : null,
    single: {
      requestsPerSecond: SINGLE_RPS,
      requests: single.requests,
      errors: single.errors,
      statuses: single.statuses,
      p50Ms: round(percentile(singleLatency, 50)),
      p99Ms: round(percentile(singleLatency, 99)),
    },
    config: {
      url: CUE_URL,
      seconds: SECONDS,
      connections: CONNECTIONS,
      batchSize: BATCH_SIZE,
      users: USERS,
    },
  };
  const pass = {
    eventsPerSecond: figures.batch.eventsPerSecond >= TARGETS.eventsPerSecond,
    fractionOfCeiling:
      figures.fractionOfCeiling === null
        ? null
        : figures.fractionOfCeiling >= TARGETS.fractionOfCeiling,
    singleP99Ms: figures.single.p99Ms <= TARGETS.singleP99Ms,
  };
  const mark = (ok: boolean | null) => (ok === null ? "n/a" : ok ? "ok" : "MISS");

  console.table({
    "/batch events/s": {
      value: figures.batch.eventsPerSecond,
      target: `≥ ${TARGETS.eventsPerSecond}`,
      result: mark(pass.eventsPerSecond),
    },
    "/batch p50 ms": { value: figures.batch.p50Ms, target: "", result: "" },
    "/batch p99 ms": { value: figures.batch.p99Ms, target: "", result: "" },
    "/batch errors": {
      value: figures.batch.errors,
      target: "0",
      result: mark(figures.batch.errors === 0),
    },
    "ceiling events/s": {
      value: figures.ceiling?.eventsPerSecond ?? "n/a",
      target: "",
      result: "",
    },
    "fraction of ceiling": {
      value: figures.fractionOfCeiling ?? "n/a",
      target: `≥ ${TARGETS.fractionOfCeiling}`,
      result: mark(pass.fractionOfCeiling),
    },
    "/track p50 ms": { value: figures.single.p50Ms, target: "", result: "" },
    "/track p99 ms": {
      value: figures.single.p99Ms,
      target: `≤ ${TARGETS.singleP99Ms}`,
      result: mark(pass.singleP99Ms),
    },
    "/track errors": {
      value: figures.single.errors,
      target: "0",
      result: mark(figures.single.errors === 0),
    },
  });
  console.log(JSON.stringify({ ...figures, targets: TARGETS, pass }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
