// npm run bench:segments – live segments: computing a new segment over a large
// history, what keeping segments live adds to ingestion, and segment entry →
// journey step → in-app item latency.
//
//   compute   a new segment computed over BENCH_PROFILES profiles (1 000 000)
//             and BENCH_EVENTS events (10 000 000), generated in SQL
//             (generate_series, set-based INSERTs). The data workspace is
//             found again by its name and reused when BENCH_KEEP_DATA=1 (on
//             DATABASE_URL, or on an embedded server kept in BENCH_DATA_DIR);
//             otherwise it is dropped at the end. Target ≤ 60 s.
//   ingest    ms per ingested event (ingestion plus the engine's event task,
//             where segments are kept) with BENCH_SEGMENTS (20) live segments
//             against none; BENCH_ROUND_EVENTS (1000) calls per round, five
//             alternating rounds each, medians. Target ratio ≤ 1.2.
//             BENCH_INGEST_BASE=listening: both workspaces also have live
//             journeys listening to every call of the rounds (their triggers
//             never match), so the engine evaluates each call in both and the
//             ratio is what the segments add to the engine's own evaluation.
//   latency   /track of an event that makes a user enter a segment → the
//             `Segment Entered` event → a journey entered on it → the in-app
//             item readable, at BENCH_RATE events/s (200) for BENCH_SECONDS
//             (10), one event per user (only the first one enters). Same
//             harness as bench:engine's latency (bench/engine-latency.ts: a
//             web process and BENCH_ENGINE_WORKERS worker processes, or
//             CUE_URL); seen by `get` unless BENCH_OBSERVE=stream. Target p95
//             ≤ 250 ms.
//   BENCH_ONLY=compute,ingest,latency   DATABASE_URL (else embedded PostgreSQL)
//
// Prints a table, and as the last line one JSON object with every figure.
import { randomUUID } from "node:crypto";
import { benchDatabase } from "./bench/bench-database";
import { line, ms, quiet, round } from "./bench/engine-helpers";
import { latencyBench } from "./bench/engine-latency";
import { envNumber as num } from "./bench/env-number";

const ONLY = (process.env.BENCH_ONLY ?? "compute,ingest,latency").split(",");
const PROFILES = num("BENCH_PROFILES", 1_000_000);
const EVENTS = num("BENCH_EVENTS", 10_000_000);
const SEGMENTS = num("BENCH_SEGMENTS", 20);
const ROUND_EVENTS = num("BENCH_ROUND_EVENTS", 1_000);
const RATE = num("BENCH_RATE", 200);
const SECONDS = num("BENCH_SECONDS", 10);
const ENGINE_WORKERS = num("BENCH_ENGINE_WORKERS", 1);
const KEEP_DATA = process.env.BENCH_KEEP_DATA === "1";
const INGEST_BASE = process.env.BENCH_INGEST_BASE === "listening" ? "listening" : "none";
const TARGETS = { computeSeconds: 60, ingestRatio: 1.2, p95Ms: 250 };
const run = randomUUID().slice(0, 8);
const log = (text: string) => console.error(text);

const database = await benchDatabase("segments", { keepDir: process.env.BENCH_DATA_DIR });
const { prisma, disconnectPrisma } = await import("@/lib/db/client");
const { sql } = await import("@/lib/db/sql");
const { Prisma } = await import("@/lib/generated/prisma/client");
const { processEvents } = await import("@/lib/engine/process-events");
const { writeRollups } = await import("@/lib/events/event-rollups");
const { ingestBatch } = await import("@/lib/ingest/ingest-batch");
const { createSegment } = await import("@/lib/segments/save-segment");
const { segmentInputSchema } = await import("@/lib/segments/segment-schemas");
const { computeNextSegment } = await import("@/lib/segments/segment-tasks");
const { benchWorkspace, publish, dropWorkspace } = (
  await import("./bench/engine-workspaces")
).benchWorkspaces(run);

/** A condition segment, made live at once (this process runs the compute task). */
async function liveSegment(workspaceId: string, name: string, condition: unknown) {
  const segment = await createSegment({
    workspaceId,
    segment: segmentInputSchema.parse({ kind: "condition", name, condition }),
  });
  await computeSegments();
  return segment.id;
}

async function computeSegments() {
  while ((await computeNextSegment(new Date())) > 0) {}
}

/** The segment tables' rows of a workspace (dropWorkspace knows the engine's). */
async function dropSegments(workspaceId: string) {
  for (const table of [
    "segment_event_names",
    "segment_timers",
    "segment_memberships",
    "segment_membership_changes",
    "segments",
  ]) {
    await sql.$executeRaw`DELETE FROM ${Prisma.raw(table)} WHERE "workspaceId" = ${workspaceId}`;
  }
}

async function drop(workspaceId: string) {
  await dropSegments(workspaceId);
  await dropWorkspace(workspaceId);
}

// --- 1. A new segment over PROFILES profiles and EVENTS events -----------------

const EVENT_NAMES = [
  "Page Viewed",
  "Feature Used",
  "Viewed Pricing",
  "Invited Teammate",
  "Report Exported",
] as const;

/** The data workspace, reused when a finished one of this size exists. */
async function dataWorkspace(): Promise<{ workspaceId: string; seedSeconds: number | null }> {
  const name = `Segments bench data ${PROFILES}x${EVENTS}`;
  const existing = await prisma.workspace.findFirst({ where: { name } });
  if (existing) return { workspaceId: existing.id, seedSeconds: null };
  const ws = await benchWorkspace(`${name} (seeding)`);
  const workspaceId = ws.workspaceId;
  const t0 = performance.now();
  // Traits: plan (a third on trial), acquisition source (a quarter from ads);
  // first seen spread over 90 days, last seen over the last 30.
  await sql.$executeRaw`
    INSERT INTO profiles (id, "workspaceId", "userId", email, traits, "firstSeenAt", "lastSeenAt")
    SELECT gen_random_uuid(), ${workspaceId}, 'sb-' || g, 'sb-' || g || '@example.test',
           jsonb_build_object(
             'plan', (ARRAY['free','trial','pro'])[1 + g % 3],
             'acquisition_source', (ARRAY['ads','organic','referral','partner'])[1 + g % 4],
             'seats', g % 50),
           now() - ((g::bigint * 7919) % 7776000) * interval '1 second',
           now() - ((g::bigint * 104729) % 2592000) * interval '1 second'
    FROM generate_series(1, ${PROFILES}) g`;
  await sql.$executeRaw`DROP TABLE IF EXISTS bench_segment_ids`;
  await sql.$executeRaw`
    CREATE UNLOGGED TABLE bench_segment_ids AS
    SELECT (row_number() OVER (ORDER BY id))::int AS n, id FROM profiles
    WHERE "workspaceId" = ${workspaceId}`;
  await sql.$executeRaw`CREATE UNIQUE INDEX ON bench_segment_ids (n)`;
  // Events in chunks of a million: any profile (a multiplicative spread), five
  // names, timestamps over the last 60 days.
  const CHUNK = 1_000_000;
  for (let from = 1; from <= EVENTS; from += CHUNK) {
    const to = Math.min(EVENTS, from + CHUNK - 1);
    await sql.$executeRaw`
      INSERT INTO events (id, "workspaceId", "profileId", "messageId", type, name, "userId", properties, "timestamp", "receivedAt")
      SELECT cue_uuidv7(), ${workspaceId}, b.id, 'sb-' || g, 'track',
             (${[...EVENT_NAMES]}::text[])[1 + (g / 7) % 5], NULL,
             jsonb_build_object('n', g % 10), now() - ((g * 15485863::bigint) % 5184000) * interval '1 second', now()
      FROM generate_series(${from}::bigint, ${to}::bigint) g
      JOIN bench_segment_ids b ON b.n = 1 + ((g * 2654435761) % ${PROFILES}::bigint)`;
    log(`  seeded ${to} / ${EVENTS} events (${round(ms(t0) / 1000)} s)`);
  }
  await sql.$executeRaw`DROP TABLE bench_segment_ids`;
  // As ingestion writes them, in one pass (a database migrated from before
  // rollups got them from the migration's backfill).
  await sql.$executeRaw(
    writeRollups(
      Prisma.sql`
      SELECT "workspaceId", "profileId", name, "timestamp" FROM events
      WHERE "workspaceId" = ${workspaceId} AND type = 'track'`,
      { bulk: true },
    ),
  );
  log(`  rolled up (${round(ms(t0) / 1000)} s)`);
  await sql.$executeRaw`ANALYZE profiles`;
  await sql.$executeRaw`ANALYZE events`;
  await sql.$executeRaw`ANALYZE event_rollups`;
  await prisma.workspace.update({ where: { id: workspaceId }, data: { name } });
  return { workspaceId, seedSeconds: ms(t0) / 1000 };
}

async function computeBench() {
  const { workspaceId, seedSeconds } = await dataWorkspace();
  // The audience, with event windows: trial users who came from ads or
  // viewed pricing in the last 7 days, and used a feature at least 3 times in 30 days.
  const condition = {
    all: [
      { kind: "trait", path: "plan", operator: "eq", value: "trial" },
      {
        any: [
          { kind: "trait", path: "acquisition_source", operator: "eq", value: "ads" },
          { kind: "has_done", event: "Viewed Pricing", within: { amount: 7, unit: "days" } },
        ],
      },
      {
        kind: "done_count",
        event: "Feature Used",
        atLeast: 3,
        within: { amount: 30, unit: "days" },
      },
    ],
  };
  const segment = await createSegment({
    workspaceId,
    segment: segmentInputSchema.parse({
      kind: "condition",
      name: `Compute bench ${run}`,
      condition,
    }),
  });
  const t0 = performance.now();
  await computeSegments();
  const seconds = ms(t0) / 1000;
  const members = await prisma.segmentMembership.count({
    where: { workspaceId, segmentId: segment.id },
  });
  const timers = await prisma.segmentTimer.count({ where: { workspaceId, segmentId: segment.id } });
  await dropSegments(workspaceId);
  if (!KEEP_DATA) await dropWorkspace(workspaceId);
  return {
    profiles: PROFILES,
    events: EVENTS,
    seedSeconds: seedSeconds === null ? null : round(seedSeconds),
    reusedData: seedSeconds === null,
    seconds: round(seconds, 2),
    members,
    timers,
  };
}

// --- 2. Ingestion cost per event: SEGMENTS live segments vs none ---------------

const INGEST_EVENTS = ["Bench Viewed", "Bench Used", "Bench Paid", "Bench Invited"];

/** Twenty (or SEGMENTS) segments of every kind, each reading what the rounds send. */
function segmentConditions(count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => {
    const event = INGEST_EVENTS[i % INGEST_EVENTS.length] as string;
    switch (i % 5) {
      case 0:
        return { all: [{ kind: "trait", path: "plan", operator: "eq", value: "pro" }] };
      case 1:
        return { all: [{ kind: "has_done", event, within: { amount: 7, unit: "days" } }] };
      case 2:
        return {
          all: [{ kind: "done_count", event, atLeast: 3, within: { amount: 30, unit: "days" } }],
        };
      case 3:
        return {
          all: [
            { kind: "trait", path: "acquisition_source", operator: "eq", value: "ads" },
            { kind: "has_done", event },
          ],
        };
      default:
        return {
          any: [
            { kind: "first_seen_within", within: { amount: 7, unit: "days" } },
            { kind: "trait", path: "seats", operator: "gte", value: 10 },
          ],
        };
    }
  });
}

async function ingestBench() {
  // Two workspaces on the same tables, rounds alternating (as bench:engine's
  // journey count does), so drift weighs on both medians alike.
  const none = await benchWorkspace("Segment ingest bench, no segment");
  const many = await benchWorkspace(`Segment ingest bench, ${SEGMENTS} segments`);
  if (INGEST_BASE === "listening") {
    // Listening, never entering: a property no call of the rounds has.
    const never = [{ kind: "property", path: "bench_never", operator: "exists" }];
    for (const ws of [none, many]) {
      for (const event of INGEST_EVENTS) {
        await publish(
          ws.workspaceId,
          `Listens ${event}`,
          line({ kind: "event", event, where: never }, []),
        );
      }
      await publish(
        ws.workspaceId,
        "Listens to traits",
        line(
          {
            kind: "trait_change",
            conditions: [{ kind: "trait", path: "bench_never", operator: "exists" }],
          },
          [],
        ),
      );
    }
  }
  const conditions = segmentConditions(SEGMENTS);
  for (const [i, condition] of conditions.entries()) {
    await liveSegment(many.workspaceId, `Live ${i}`, condition);
  }
  let rounds = 0;
  const measure = async (workspaceId: string) => {
    rounds += 1;
    // New users each round, identified beforehand (not timed), then a timed
    // mix: four tracks for every identify that changes traits.
    const users = Array.from({ length: ROUND_EVENTS }, (_, i) => `si-${rounds}-${i}`);
    await ingestBatch({
      workspaceId,
      evaluate: false,
      items: users.map((userId) => ({
        type: "identify",
        userId,
        traits: { plan: "free", seats: 1 },
        messageId: randomUUID(),
      })),
    });
    while ((await processEvents({ log: quiet })).events > 0) {}
    await sql.$executeRaw`ANALYZE events, profiles, profile_identities, engine_queue, segment_memberships, segment_membership_changes, segment_timers`;
    const items = users.map((userId, i) =>
      i % 5 === 4
        ? {
            type: "identify",
            userId,
            traits: { plan: i % 2 ? "pro" : "trial", acquisition_source: "ads", seats: i % 20 },
            messageId: randomUUID(),
          }
        : {
            type: "track",
            userId,
            event: INGEST_EVENTS[i % INGEST_EVENTS.length],
            messageId: randomUUID(),
          },
    );
    const started = performance.now();
    await ingestBatch({ workspaceId, items });
    while ((await processEvents({ log: quiet })).events > 0) {}
    return ms(started) / ROUND_EVENTS;
  };
  await measure(none.workspaceId); // warm-up
  await measure(many.workspaceId);
  const nones: number[] = [];
  const manys: number[] = [];
  for (let i = 0; i < 5; i++) {
    nones.push(await measure(none.workspaceId));
    manys.push(await measure(many.workspaceId));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[2] as number;
  const entries = await prisma.segmentMembershipChange.count({
    where: { workspaceId: many.workspaceId, kind: "entry" },
  });
  await drop(none.workspaceId);
  await drop(many.workspaceId);
  return {
    base: INGEST_BASE,
    eventsPerRound: ROUND_EVENTS,
    noSegmentMsPerEvent: round(median(nones), 3),
    segments: SEGMENTS,
    segmentsMsPerEvent: round(median(manys), 3),
    ratio: round(median(manys) / median(nones), 2),
    entries,
  };
}

// --- 3. Segment entry → journey step → in-app item -----------------------------

function segmentLatency() {
  return latencyBench({
    run,
    rate: RATE,
    seconds: SECONDS,
    engineWorkers: ENGINE_WORKERS,
    eventsPerUser: 1,
    observe: process.env.BENCH_OBSERVE === "stream" ? "stream" : "get",
    benchWorkspace,
    publish,
    dropWorkspace,
    computeSegments,
    beforeDrop: dropSegments,
    journeyFor: async ({ event, createSegment: create }) => {
      const segmentId = await create(`Pinged ${run}`, {
        all: [{ kind: "has_done", event, within: { amount: 1, unit: "days" } }],
      });
      return {
        version: 1,
        nodes: [
          { id: "trigger", type: "trigger", trigger: { kind: "segment", segmentId, on: "entry" } },
          {
            id: "ping",
            type: "send_inapp",
            content: { kind: "card", title: "Ping {{ profile.traits.bench_n }}" },
          },
          { id: "end", type: "exit" },
        ],
        edges: [
          { from: "trigger", to: "ping" },
          { from: "ping", to: "end" },
        ],
        settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
      } as never;
    },
  });
}

// --- Run and report -----------------------------------------------------------

const results: Record<string, unknown> = { targets: TARGETS };
const rows: [string, string, string, string][] = [];
const check = (ok: boolean) => (ok ? "ok" : "MISSED");
try {
  if (ONLY.includes("compute")) {
    log(`compute: a new segment over ${PROFILES} profiles and ${EVENTS} events …`);
    const r = await computeBench();
    results.compute = r;
    if (r.seedSeconds !== null) rows.push(["data generated in", `${r.seedSeconds} s`, "", ""]);
    rows.push([
      `new segment over ${r.profiles} profiles, ${r.events} events (${r.members} members)`,
      `${r.seconds} s`,
      `≤ ${TARGETS.computeSeconds} s`,
      check(r.seconds <= TARGETS.computeSeconds),
    ]);
  }
  if (ONLY.includes("ingest")) {
    log(`ingest: ${ROUND_EVENTS} calls per round with 0 and ${SEGMENTS} live segments …`);
    const r = await ingestBench();
    results.ingest = r;
    const base = r.base === "listening" ? " (journeys listening)" : "";
    rows.push([`ms per event, no segment${base}`, String(r.noSegmentMsPerEvent), "", ""]);
    rows.push([`ms per event, ${r.segments} live segments`, String(r.segmentsMsPerEvent), "", ""]);
    rows.push([
      "ratio",
      String(r.ratio),
      `≤ ${TARGETS.ingestRatio}`,
      check(r.ratio <= TARGETS.ingestRatio),
    ]);
  }
  if (ONLY.includes("latency")) {
    log(`latency: ${RATE} events/s for ${SECONDS} s, each entering a segment …`);
    const r = await segmentLatency();
    results.latency = r;
    rows.push([
      `track → segment entry → inbox p50 (${r.mode}, ${r.observed})`,
      `${r.p50Ms} ms`,
      "",
      "",
    ]);
    rows.push([
      `track → segment entry → inbox p95 (${r.mode}, ${r.observed})`,
      `${r.p95Ms} ms`,
      `≤ ${TARGETS.p95Ms} ms`,
      check(r.p95Ms <= TARGETS.p95Ms),
    ]);
    rows.push([
      "missing / failed requests",
      `${r.missing} / ${r.failed}`,
      "0 / 0",
      check(r.missing + r.failed === 0),
    ]);
  }
} finally {
  await disconnectPrisma();
  await database.stop();
}

const width = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), 6));
console.log("");
for (const row of [["measure", "result", "target", ""] as const, ...rows]) {
  console.log(row.map((cell, i) => cell.padEnd(width[i] ?? 0)).join("  "));
}
console.log(JSON.stringify(results));
