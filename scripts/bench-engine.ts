// npm run bench:engine – the journey engine: real-time latency, cost per event
// against the number of journeys, due-timer throughput, the inactivity sweep.
//
//   CUE_URL, CUE_WRITE_KEY, CUE_SECRET_KEY   latency against a running Cue (its
//       worker must run: npm start does). CUE_INBOX_SECRET, the workspace's
//       inbox signing secret, is read from DATABASE_URL when unset. Without CUE_URL ("local") a web
//       process serves /track, /batch, /inbox and the inbox stream as
//       `npm start` does (bench/engine-http-process.ts) and the engine runs in
//       BENCH_ENGINE_WORKERS worker processes, as `npm run worker` would.
//   BENCH_OBSERVE=stream|get   how latency sees the item (bench/engine-latency.ts)
//   BENCH_STREAM_USERS (200)
//   DATABASE_URL   for the other three (and local latency); without it an
//       embedded PostgreSQL in a temp folder. They write 1M+ rows in their own
//       workspaces and delete them afterwards; keep other workers off that
//       database while they run, or they will share (and skew) the timer work.
//   BENCH_ONLY=latency,journeys,timers,inactivity   BENCH_RATE (200)
//   BENCH_SECONDS (10)   BENCH_JOURNEYS (1000)   BENCH_EVENTS (1000)
//   BENCH_TIMERS (100000)   BENCH_PROFILES (1000000)
//   BENCH_ENGINE_WORKERS (1)   local latency: engine worker processes (one web
//       process and one worker is the deployment a 2-core machine fits)
//   BENCH_RAMP   1 (50, 100, 150, 200, 300, 400, 600, 800 events/s) or a list of
//       rates: latency at each in turn until p95 misses its target; prints the
//       knee (the highest rate that held). Local latency (and each ramp step)
//       also prints CPU milliseconds per event of the web process, the engine
//       workers and PostgreSQL (postmaster and backends, found by the database
//       port when it is on this machine), from /proc over the measured span.
//
// Prints a table, and as the last line one JSON object with every figure.
import { randomUUID } from "node:crypto";
import { benchDatabase } from "./bench/bench-database";
import { delay, line, log, ms, quiet, round } from "./bench/engine-helpers";
import { latencyBench } from "./bench/engine-latency";
import { startWorkerProcess } from "./bench/engine-worker-process";
import { envNumber as num } from "./bench/env-number";

const ONLY = (process.env.BENCH_ONLY ?? "latency,journeys,timers,inactivity").split(",");
const RATE = num("BENCH_RATE", 200);
const SECONDS = num("BENCH_SECONDS", 10);
const JOURNEYS = num("BENCH_JOURNEYS", 1_000);
const EVENTS = num("BENCH_EVENTS", 1_000);
const TIMERS = num("BENCH_TIMERS", 100_000);
const PROFILES = num("BENCH_PROFILES", 1_000_000);
const ENGINE_WORKERS = num("BENCH_ENGINE_WORKERS", 1);
// BENCH_RAMP=1 for the default steps, or a list of rates ("50,100,200").
const RAMP = rampRates(process.env.BENCH_RAMP);

function rampRates(value: string | undefined): number[] {
  if (!value || value === "0") return [];
  if (value === "1") return [50, 100, 150, 200, 300, 400, 600, 800];
  const rates = value.split(",").map((part) => Number(part.trim()));
  if (rates.some((rate) => !Number.isFinite(rate) || rate <= 0))
    throw new Error(`BENCH_RAMP: expected 1 or a list of positive rates, got "${value}"`);
  return rates;
}

function cpuText(cpu: { web?: number; worker?: number; postgres?: number; total: number }): string {
  const part = (value: number | undefined) => (value === undefined ? "?" : String(value));
  return `${part(cpu.web)} / ${part(cpu.worker)} / ${part(cpu.postgres)} (total ${cpu.total})`;
}
const TARGETS = {
  p50Ms: 50,
  p95Ms: 250,
  journeyRatio: 1.5,
  stepsPerSecond: 2_000,
  sweepSeconds: 2,
};
const run = randomUUID().slice(0, 8);

// --- Database ----------------------------------------------------------------

const database = await benchDatabase("engine");
const { prisma, disconnectPrisma } = await import("@/lib/db/client");
const { sql } = await import("@/lib/db/sql");
const { processEvents } = await import("@/lib/engine/process-events");
const { sweepInactivity } = await import("@/lib/engine/sweep-inactivity");
const { ingestBatch } = await import("@/lib/ingest/ingest-batch");
const { benchWorkspace, publish, dropWorkspace } = (
  await import("./bench/engine-workspaces")
).benchWorkspaces(run);

// --- 2. Cost per event: 1 live journey vs 1 + N that do not listen ------------

async function journeysBench() {
  // Two workspaces on the same tables: one with the target journey alone, one
  // with it and JOURNEYS journeys that never hear its event. Their rounds
  // alternate, so whatever drifts during the run (caches warming, autovacuum,
  // tables growing, other work on the machine) weighs on both medians alike.
  const one = await benchWorkspace("Journey count bench, 1 journey");
  const many = await benchWorkspace("Journey count bench, many journeys");
  const target = line({ kind: "event", event: "Bench Target" }, []);
  await publish(one.workspaceId, "Target", target);
  await publish(many.workspaceId, "Target", target);
  const t0 = performance.now();
  for (let i = 0; i < JOURNEYS; i++) {
    const trigger =
      i % 10 === 9
        ? {
            kind: "trait_change",
            conditions: [{ kind: "trait", path: `score_${i}`, operator: "gte", value: 1 }],
          }
        : { kind: "event", event: `Bench Other ${i}` };
    await publish(many.workspaceId, `Other ${i}`, line(trigger, [delay(1, "days")]));
  }
  const publishSeconds = ms(t0) / 1000;

  // Each round's events come from users new to the journey, identified
  // beforehand (not timed), so a round costs the same whatever came before.
  let rounds = 0;
  const measure = async (workspaceId: string) => {
    rounds += 1;
    const users = Array.from({ length: EVENTS }, (_, i) => `jc-${rounds}-${i}`);
    await ingestBatch({
      workspaceId,
      evaluate: false,
      items: users.map((userId) => ({
        type: "identify",
        userId,
        traits: { plan: "free" },
        messageId: randomUUID(),
      })),
    });
    await ingestBatch({
      workspaceId,
      items: users.map((userId) => ({
        type: "track",
        userId,
        event: "Bench Target",
        messageId: randomUUID(),
      })),
    });
    // Statistics as autovacuum keeps them on a running system: without this,
    // tables growing from empty within seconds make every round slower than
    // the last (0.2 → 0.45 ms per event over ten rounds), for both workspaces.
    await sql.$executeRaw`ANALYZE events, profiles, profile_identities, journey_runs, run_traces, engine_queue`;
    const started = performance.now();
    while ((await processEvents({ log: quiet })).events > 0) {}
    return ms(started) / EVENTS;
  };
  await measure(one.workspaceId); // warm-up
  await measure(many.workspaceId);
  // Five rounds each, alternating; one round is ~0.3 s.
  const ones: number[] = [];
  const manys: number[] = [];
  for (let i = 0; i < 5; i++) {
    ones.push(await measure(one.workspaceId));
    manys.push(await measure(many.workspaceId));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[2] as number;
  await dropWorkspace(one.workspaceId);
  await dropWorkspace(many.workspaceId);
  return {
    events: EVENTS,
    oneJourneyMsPerEvent: round(median(ones), 3),
    manyJourneys: JOURNEYS + 1,
    manyJourneysMsPerEvent: round(median(manys), 3),
    ratio: round(median(manys) / median(ones), 2),
    publishSeconds: round(publishSeconds),
  };
}

// --- 3. Due timers: N runs due at once, 1 worker vs 2 -------------------------

async function timersBench() {
  const { enterJourney } = await import("@/lib/journey-core/step");
  const { journeyDefinitionSchema } = await import("@/lib/journey-core/definition");
  const ws = await benchWorkspace("Timer bench");
  const input = line({ kind: "event", event: "Bench Timer" }, [delay(1, "minutes")]);
  const { journeyId, versionId } = await publish(ws.workspaceId, "Timers", input);
  const due = new Date(Date.now() - 60_000);
  const entered = enterJourney(
    journeyDefinitionSchema.parse(input),
    {
      runId: "RUN",
      journeyId,
      versionId,
      profileId: "PROFILE",
      triggerEvent: null,
      now: new Date(due.getTime() - 60_000),
    },
    {
      now: new Date(due.getTime() - 60_000),
      profile: {
        id: "PROFILE",
        traits: {},
        firstSeenAt: due,
        lastSeenAt: due,
        timezone: null,
        email: null,
        unsubscribed: false,
        suppressed: false,
      },
      counts: {},
      deliveryRules: {},
      sentInWindow: [],
    },
  ).state;
  const template = JSON.stringify(entered);
  const t0 = performance.now();
  await sql.$executeRaw`
    INSERT INTO profiles (id, "workspaceId", "userId", "firstSeenAt", "lastSeenAt")
    SELECT gen_random_uuid(), ${ws.workspaceId}, 'timer-' || g, now(), now() FROM generate_series(1, ${TIMERS}) g`;
  const seed = async () => {
    await sql.$executeRaw`DELETE FROM run_traces WHERE "workspaceId" = ${ws.workspaceId}`;
    await sql.$executeRaw`DELETE FROM journey_runs WHERE "workspaceId" = ${ws.workspaceId}`;
    await sql.$executeRaw`
      INSERT INTO journey_runs (id, "workspaceId", "journeyId", "versionId", "profileId", status, "nodeId", state, holdout, "wakeAt", "enteredAt", "updatedAt")
      SELECT r.rid, ${ws.workspaceId}, ${journeyId}, ${versionId}, r.pid, 'waiting', 'wait',
             jsonb_set(jsonb_set(${template}::jsonb, '{runId}', to_jsonb(r.rid)), '{profileId}', to_jsonb(r.pid::text)),
             false, NULL, ${due}::timestamp(3) - interval '1 minute', now()
      FROM (SELECT p.id AS pid, gen_random_uuid()::text AS rid FROM profiles p
            WHERE p."workspaceId" = ${ws.workspaceId}) r`;
    await sql.$executeRaw`ANALYZE journey_runs`;
  };
  const seedSeconds = ms(t0) / 1000;
  const phase = async (workers: number) => {
    await seed();
    const processes = Array.from({ length: workers }, () => startWorkerProcess());
    await Promise.all(processes.map((p) => p.ready));
    const armedAt = new Date();
    await sql.$executeRaw`UPDATE journey_runs SET "wakeAt" = ${due}::timestamp(3) WHERE "workspaceId" = ${ws.workspaceId}`;
    await sql.$executeRaw`SELECT pg_notify('cue_wake', 'engine-timers')`;
    for (;;) {
      // Cheap (one probe of the wakeAt index), so polling does not compete with the workers.
      const left = await sql.$queryRaw<unknown[]>`
        SELECT 1 FROM journey_runs WHERE "wakeAt" IS NOT NULL AND "workspaceId" = ${ws.workspaceId} LIMIT 1`;
      if (left.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (Date.now() - armedAt.getTime()) / 1000;
    await Promise.all(processes.map((p) => p.stop()));
    const completed = await prisma.journeyRun.count({
      where: { workspaceId: ws.workspaceId, status: "completed" },
    });
    return {
      workers,
      seconds: round(seconds, 2),
      stepsPerSecond: Math.round(completed / seconds),
      completed,
      perWorker: processes.map((p) => p.stepped()),
    };
  };
  const one = await phase(1);
  const two = await phase(2);
  await dropWorkspace(ws.workspaceId);
  return { runs: TIMERS, seedSeconds: round(seedSeconds), one, two };
}

// --- 4. Inactivity sweep over PROFILES profiles --------------------------------

async function inactivityBench() {
  const ws = await benchWorkspace("Inactivity bench");
  const t0 = performance.now();
  // lastSeenAt spread evenly over the last 30 days.
  await sql.$executeRaw`
    INSERT INTO profiles (id, "workspaceId", "userId", "firstSeenAt", "lastSeenAt")
    SELECT gen_random_uuid(), ${ws.workspaceId}, 'quiet-' || g,
           now() - interval '60 days', now() - (g * (2592000.0 / ${PROFILES})) * interval '1 second'
    FROM generate_series(1, ${PROFILES}) g`;
  await sql.$executeRaw`ANALYZE profiles`;
  const seedSeconds = ms(t0) / 1000;
  const { journeyId } = await publish(
    ws.workspaceId,
    "Quiet",
    line({ kind: "inactivity", inactiveFor: { amount: 7, unit: "days" } }, [delay(1, "days")]),
  );
  // As if the previous round ran an hour ago: this round reads the last hour's lapses.
  const sweptUntil = new Date(Date.now() - 7 * 86_400_000 - 3_600_000);
  await prisma.inactivitySweep.create({
    data: { journeyId, workspaceId: ws.workspaceId, sweptUntil },
  });
  const sweepAll = async () => {
    const start = performance.now();
    let considered = 0;
    let entered = 0;
    for (;;) {
      const round = await sweepInactivity({ log: quiet, batchSize: 5_000 });
      considered += round.considered;
      entered += round.entered;
      // As the worker's task does (lib/engine/engine-tasks.ts): again only after a full round.
      if (!round.more) break;
    }
    return { seconds: ms(start) / 1000, considered, entered };
  };
  const hour = await sweepAll();
  const idle = await sweepAll();
  // What a sweep without the watermark would read: every lapsed profile, each
  // checked against inactivity_fires.
  const cold = performance.now();
  await sql.$queryRaw`
    SELECT count(*)::int AS n FROM profiles p
    WHERE p."workspaceId" = ${ws.workspaceId} AND p."lastSeenAt" <= now() - interval '7 days'
      AND NOT EXISTS (SELECT 1 FROM inactivity_fires f WHERE f."journeyId" = ${journeyId} AND f."profileId" = p.id AND f."lastFiredAt" >= p."lastSeenAt")`;
  const coldSeconds = ms(cold) / 1000;
  await dropWorkspace(ws.workspaceId);
  return {
    profiles: PROFILES,
    seedSeconds: round(seedSeconds),
    lastHour: { seconds: round(hour.seconds, 3), lapsed: hour.considered, entered: hour.entered },
    idleSweepSeconds: round(idle.seconds, 3),
    fullScanSeconds: round(coldSeconds, 3),
  };
}

// --- Run and report -----------------------------------------------------------

const results: Record<string, unknown> = { targets: TARGETS };
const rows: [string, string, string, string][] = [];
const check = (ok: boolean) => (ok ? "ok" : "MISSED");
try {
  if (ONLY.includes("latency")) {
    log(`latency: ${RATE} events/s for ${SECONDS} s …`);
    const r = await latencyBench({
      run,
      rate: RATE,
      seconds: SECONDS,
      engineWorkers: ENGINE_WORKERS,
      benchWorkspace,
      publish,
      dropWorkspace,
    });
    results.latency = r;
    rows.push([
      `track → inbox p50 (${r.mode}, ${r.observed})`,
      `${r.p50Ms} ms`,
      `≤ ${TARGETS.p50Ms} ms`,
      check(r.p50Ms <= TARGETS.p50Ms),
    ]);
    rows.push([
      `track → inbox p95 (${r.mode}, ${r.observed})`,
      `${r.p95Ms} ms`,
      `≤ ${TARGETS.p95Ms} ms`,
      check(r.p95Ms <= TARGETS.p95Ms),
    ]);
    rows.push([
      "track → inbox missing / failed requests",
      `${r.missing} / ${r.failed}`,
      "0 / 0",
      check(r.missing + r.failed === 0),
    ]);
    if (r.cpuMsPerEvent)
      rows.push(["CPU ms per event (web / worker / PostgreSQL)", cpuText(r.cpuMsPerEvent), "", ""]);
  }
  if (RAMP.length > 0) {
    // The knee: the highest rate of the ramp whose p95 holds the target, each
    // step on a fresh workspace with its own web and worker processes.
    const steps: Awaited<ReturnType<typeof latencyBench>>[] = [];
    for (const rate of RAMP) {
      log(`ramp: ${rate} events/s for ${SECONDS} s …`);
      const r = await latencyBench({
        run: `${run}-r${rate}`,
        rate,
        seconds: SECONDS,
        engineWorkers: ENGINE_WORKERS,
        benchWorkspace,
        publish,
        dropWorkspace,
      });
      steps.push(r);
      const holds = r.p95Ms <= TARGETS.p95Ms && r.missing + r.failed === 0;
      rows.push([
        `ramp ${rate}/s: p50 / p95, CPU ms per event (web / worker / PostgreSQL)`,
        `${r.p50Ms} / ${r.p95Ms} ms, ${r.cpuMsPerEvent ? cpuText(r.cpuMsPerEvent) : "n/a"}`,
        `p95 ≤ ${TARGETS.p95Ms} ms`,
        check(holds),
      ]);
      if (!holds) break;
    }
    const passing = steps.filter((r) => r.p95Ms <= TARGETS.p95Ms && r.missing + r.failed === 0);
    const knee = passing.at(-1)?.rate ?? null;
    results.ramp = { knee, steps };
    rows.push([
      "ramp knee (highest rate with p95 within target)",
      knee === null ? "none" : `${knee} events/s`,
      "",
      "",
    ]);
  }
  if (ONLY.includes("journeys")) {
    log(`journey count: ${EVENTS} events with 1 and ${JOURNEYS + 1} live journeys …`);
    const r = await journeysBench();
    results.journeys = r;
    rows.push(["ms per event, 1 live journey", String(r.oneJourneyMsPerEvent), "", ""]);
    rows.push([
      `ms per event, ${r.manyJourneys} live journeys`,
      String(r.manyJourneysMsPerEvent),
      "",
      "",
    ]);
    rows.push([
      "ratio",
      String(r.ratio),
      `≤ ${TARGETS.journeyRatio}`,
      check(r.ratio <= TARGETS.journeyRatio),
    ]);
  }
  if (ONLY.includes("timers")) {
    log(`due timers: ${TIMERS} runs, 1 then 2 worker processes …`);
    const r = await timersBench();
    results.timers = r;
    rows.push([
      "due-timer steps/s, 1 worker",
      String(r.one.stepsPerSecond),
      `≥ ${TARGETS.stepsPerSecond}`,
      check(r.one.stepsPerSecond >= TARGETS.stepsPerSecond),
    ]);
    rows.push([
      "due-timer steps/s, 2 workers",
      `${r.two.stepsPerSecond} (${r.two.perWorker.join(" + ")})`,
      "",
      "",
    ]);
  }
  if (ONLY.includes("inactivity")) {
    log(`inactivity: ${PROFILES} profiles …`);
    const r = await inactivityBench();
    results.inactivity = r;
    rows.push([
      `sweep, ${r.profiles} profiles (${r.lastHour.lapsed} lapsed in 1 h)`,
      `${r.lastHour.seconds} s`,
      `≤ ${TARGETS.sweepSeconds} s`,
      check(r.lastHour.seconds <= TARGETS.sweepSeconds),
    ]);
    rows.push(["sweep with nothing new", `${r.idleSweepSeconds} s`, "", ""]);
    rows.push([
      "full scan of every lapsed profile (no watermark)",
      `${r.fullScanSeconds} s`,
      "",
      "",
    ]);
  }
} finally {
  await disconnectPrisma();
  await database.stop();
}

const width = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), 6));
log("");
for (const row of [["measure", "result", "target", ""] as const, ...rows]) {
  log(row.map((cell, i) => cell.padEnd(width[i] ?? 0)).join("  "));
}
console.log(JSON.stringify(results));
