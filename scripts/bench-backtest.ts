// npm run bench:backtest – a backtest of a 10-node journey over 1,000,000
// stored events (30 days, 20,000 profiles), through the same code a worker
// runs: claim, stream profiles in chunks, replay each through the journey
// core on a simulated clock, write the result once.
//
//   DATABASE_URL     use this PostgreSQL (a fresh workspace, deleted afterwards);
//                    without it a throwaway embedded PostgreSQL in a temp folder.
//   BENCH_EVENTS     stored events (1000000)    BENCH_PROFILES (20000)
//   BENCH_CHUNK      profiles per chunk (400)
//
// Prints a table, and as the last line one JSON object with every figure.
import { cpus } from "node:os";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";
import { benchDatabase } from "./bench/bench-database";
import { envNumber } from "./bench/env-number";

const num = (name: string, fallback: number) => Math.floor(envNumber(name, fallback));
const EVENTS = num("BENCH_EVENTS", 1_000_000);
const PROFILES = num("BENCH_PROFILES", 20_000);
const CHUNK = num("BENCH_CHUNK", 400);
const TARGET_SECONDS = 60;
const DAYS = 30;
const log = (line: string) => console.log(line);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

const database = await benchDatabase("backtest");
const { prisma, disconnectPrisma } = await import("@/lib/db/client");
const { sql } = await import("@/lib/db/sql");
const { createJourney } = await import("@/lib/journeys/create-journey");
const { createBacktest } = await import("@/lib/backtests/create-backtest");
const { claimBacktest } = await import("@/lib/backtests/claim-backtest");
const { runBacktest } = await import("@/lib/backtests/run-backtest");

// trigger → filter → welcome → wait → congrats → exit
//                                  ↘ nudge → delay → branch → last_call → exit
const journey: JourneyDefinitionInput = {
  version: 1,
  nodes: [
    { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
    {
      id: "qualified",
      type: "filter",
      condition: {
        any: [
          { kind: "trait", path: "plan", operator: "eq", value: "pro" },
          { kind: "has_done", event: "Visited Pricing", within: { amount: 14, unit: "days" } },
        ],
      },
    },
    { id: "welcome", type: "send_inapp", content: { kind: "card", title: "Welcome", body: "Hi" } },
    { id: "report", type: "wait", event: "Report Created", timeout: { amount: 2, unit: "days" } },
    { id: "congrats", type: "send_inapp", content: { kind: "card", title: "Nice", body: "Yes" } },
    {
      id: "nudge",
      type: "send_email",
      content: { subject: "Try a report", preheader: "", body: "Hi {{ profile.traits.name }}" },
    },
    {
      id: "pause",
      type: "delay",
      delay: { kind: "duration", duration: { amount: 1, unit: "days" } },
    },
    {
      id: "engaged",
      type: "branch",
      condition: {
        all: [
          {
            kind: "done_count",
            event: "Feature Used",
            where: [{ kind: "property", path: "feature", operator: "eq", value: "f1" }],
            atLeast: 3,
            within: { amount: 7, unit: "days" },
          },
        ],
      },
    },
    {
      id: "last_call",
      type: "send_email",
      content: { subject: "Last call", preheader: "", body: "Bye {{ profile.traits.name }}" },
    },
    { id: "end", type: "exit" },
  ],
  edges: [
    { from: "trigger", to: "qualified" },
    { from: "qualified", to: "welcome" },
    { from: "welcome", to: "report" },
    { from: "report", to: "congrats", exit: "did" },
    { from: "report", to: "nudge", exit: "timeout" },
    { from: "congrats", to: "end" },
    { from: "nudge", to: "pause" },
    { from: "pause", to: "engaged" },
    { from: "engaged", to: "end", exit: "yes" },
    { from: "engaged", to: "last_call", exit: "no" },
    { from: "last_call", to: "end" },
  ],
  settings: {
    goal: { event: "Plan Upgraded", within: { amount: 7, unit: "days" } },
    reentry: { mode: "cooldown", cooldown: { amount: 7, unit: "days" } },
    holdoutPercent: 10,
  },
};

const to = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
const from = new Date(to.getTime() - DAYS * 86_400_000);

async function seed(workspaceId: string) {
  const perProfile = Math.max(2, Math.round(EVENTS / PROFILES));
  const tracks = EVENTS - PROFILES; // one identify per profile, the rest are tracks
  const t0 = performance.now();
  await sql.$executeRaw`
    INSERT INTO profiles (id, "workspaceId", "userId", email, timezone, traits, "firstSeenAt", "lastSeenAt")
    SELECT gen_random_uuid(), ${workspaceId}, 'u' || g, 'u' || g || '@example.com',
      CASE WHEN g % 2 = 0 THEN 'Europe/Berlin' ELSE 'America/New_York' END,
      jsonb_build_object('plan', CASE WHEN g % 4 = 0 THEN 'pro' ELSE 'free' END),
      ${from}::timestamp(3) - interval '1 day', ${to}::timestamp(3) - interval '1 hour'
    FROM generate_series(1, ${PROFILES}) g`;
  // Identify calls just before the window (traits come from these).
  await sql.$executeRaw`
    INSERT INTO events (id, "workspaceId", "profileId", "messageId", type, "userId", traits, "timestamp", "receivedAt")
    SELECT cue_uuidv7(), ${workspaceId}, p.id, 'id-' || p."userId", 'identify', p."userId",
      jsonb_build_object('name', p."userId", 'email', p.email, 'timezone', p.timezone,
                         'plan', p.traits->>'plan'),
      ${from}::timestamp(3) - interval '12 hours', ${from}::timestamp(3) - interval '12 hours'
    FROM profiles p WHERE p."workspaceId" = ${workspaceId}`;
  // Tracks spread over the window: mostly feature use, some sign-ups, pricing
  // visits, reports and upgrades – every name one the journey reads.
  await sql.$executeRaw`
    WITH numbered AS (
      SELECT p.id, p."userId", row_number() OVER (ORDER BY p.id) - 1 AS n
      FROM profiles p WHERE p."workspaceId" = ${workspaceId}
    )
    INSERT INTO events (id, "workspaceId", "profileId", "messageId", type, "userId", name, properties, "timestamp", "receivedAt")
    SELECT cue_uuidv7(), ${workspaceId}, x.id, 'ev-' || x.k, 'track', x."userId",
      CASE WHEN x.m = 0 THEN 'Signed Up'
           WHEN x.m IN (1, 2) THEN 'Visited Pricing'
           WHEN x.m IN (3, 4, 5) THEN 'Report Created'
           WHEN x.u = 6 THEN 'Plan Upgraded'
           ELSE 'Feature Used' END,
      jsonb_build_object('feature', 'f' || (x.k % 7)),
      ${from}::timestamp(3) + (abs(hashtext(x.k::text)) % (${DAYS} * 86400)) * interval '1 second',
      ${from}::timestamp(3)
    FROM (
      -- Event j of profile n: each profile cycles through the names over its events.
      SELECT nb.id, nb."userId", g AS k,
        (g / ${PROFILES} + g % ${PROFILES}) % 40 AS m,
        (g / ${PROFILES} * 31 + g % ${PROFILES}) % 97 AS u
      FROM generate_series(0, ${tracks - 1}) g
      JOIN numbered nb ON nb.n = g % ${PROFILES}
    ) x`;
  await sql.$executeRaw`ANALYZE events`;
  await sql.$executeRaw`ANALYZE profiles`;
  return { perProfile, seconds: (performance.now() - t0) / 1000 };
}

const results: Record<string, unknown> = {};
const rows: [string, string, string, string][] = [];
let workspaceId: string | null = null;
try {
  const workspace = await prisma.workspace.create({
    data: { name: "Backtest bench", deliveryRules: {} },
  });
  workspaceId = workspace.id;
  await prisma.workspace.update({
    where: { id: workspaceId },
    data: {
      deliveryRules: {
        frequency: { windowHours: 24, max: 3, onLimit: "defer" },
        quietHours: { start: "21:00", end: "08:00", onQuiet: "defer", channels: ["email"] },
      },
    },
  });
  log(
    `seeding ${EVENTS.toLocaleString("en-US")} events for ${PROFILES.toLocaleString("en-US")} profiles …`,
  );
  const seeded = await seed(workspaceId);
  const stored = await prisma.event.count({ where: { workspaceId } });
  log(`seeded ${stored.toLocaleString("en-US")} events in ${round(seeded.seconds)} s; replaying …`);
  const created = await createJourney({
    workspaceId,
    journey: { name: "Ten nodes", definition: journey as Record<string, unknown> },
  });
  const backtest = await createBacktest({
    workspaceId,
    journeyId: created.id,
    memberId: null,
    request: { source: "draft", from: from.toISOString(), to: to.toISOString() },
  });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const claimed = await claimBacktest(new Date());
  if (!claimed || claimed.id !== backtest.id) throw new Error("could not claim the backtest");
  let chunks = 0;
  const outcome = await runBacktest(claimed, { chunkSize: CHUNK, onChunk: () => void chunks++ });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const row = await prisma.backtest.findUniqueOrThrow({ where: { id: backtest.id } });
  const counts = row.counts as {
    eventsReplayed: number;
    entered: number;
    profilesScanned: number;
    messages: Record<string, { wouldSend: number }>;
  };
  const replayedPerSecond = Math.round(counts.eventsReplayed / seconds);
  Object.assign(results, {
    outcome,
    storedEvents: stored,
    eventsReplayed: counts.eventsReplayed,
    profiles: counts.profilesScanned,
    entered: counts.entered,
    wouldSend: Object.fromEntries(
      Object.entries(counts.messages).map(([node, m]) => [node, m.wouldSend]),
    ),
    seconds: round(seconds, 2),
    eventsPerSecond: Math.round(stored / seconds),
    replayedPerSecond,
    nodeCpuSeconds: round((cpu.user + cpu.system) / 1e6, 2),
    chunks,
    chunkSize: CHUNK,
    seedSeconds: round(seeded.seconds),
    cores: cpus().length,
    targetSeconds: TARGET_SECONDS,
  });
  const check = (ok: boolean) => (ok ? "ok" : "MISSED");
  rows.push([
    `backtest, ${stored.toLocaleString("en-US")} stored events, 10-node journey`,
    `${round(seconds, 2)} s`,
    `≤ ${TARGET_SECONDS} s`,
    check(seconds <= TARGET_SECONDS && outcome === "done"),
  ]);
  rows.push([
    "events/s (stored events in the window / time)",
    String(results.eventsPerSecond),
    "",
    "",
  ]);
  rows.push([
    "events replayed through the core",
    `${counts.eventsReplayed.toLocaleString("en-US")} (${replayedPerSecond}/s)`,
    "",
    "",
  ]);
  rows.push(["profiles, runs entered", `${counts.profilesScanned}, ${counts.entered}`, "", ""]);
  rows.push(["Node CPU time (the rest is PostgreSQL)", `${results.nodeCpuSeconds} s`, "", ""]);
} finally {
  if (workspaceId) {
    await sql.$executeRaw`DELETE FROM events WHERE "workspaceId" = ${workspaceId}`;
    await sql.$executeRaw`DELETE FROM profiles WHERE "workspaceId" = ${workspaceId}`;
    await sql.$executeRaw`DELETE FROM backtests WHERE "workspaceId" = ${workspaceId}`;
    await sql.$executeRaw`DELETE FROM journeys WHERE "workspaceId" = ${workspaceId}`;
    await sql.$executeRaw`DELETE FROM workspaces WHERE id = ${workspaceId}`;
  }
  await disconnectPrisma();
  await database.stop();
}

const width = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), 6));
log("");
for (const row of [["measure", "result", "target", ""] as const, ...rows]) {
  log(row.map((cell, i) => cell.padEnd(width[i] ?? 0)).join("  "));
}
log(JSON.stringify(results));
