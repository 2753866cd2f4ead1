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
import { identifyPool, post } from "./bench/ingest-calls";
import {
  BATCH_SIZE,
  CONNECTIONS,
  CUE_URL,
  DATABASE_URL,
  SECONDS,
  SINGLE_RPS,
  SINGLE_SECONDS,
  TARGETS,
  USERS,
  WARMUP_SECONDS,
  WRITE_KEY,
} from "./bench/ingest-config";
import { runBatchLoad, runCeiling, runSingleLoad } from "./bench/ingest-load";
import { percentile } from "./bench-process-stats";

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
