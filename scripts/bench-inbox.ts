// npm run bench:inbox – inbox listing latency, SSE delivery latency and SSE memory, against a running Cue.
//
//   CUE_URL        the running server (default http://localhost:3000)
//   DATABASE_URL   its database; without it, the embedded one in CUE_DATA_DIR (default .data)
//   CUE_SERVER_PID the server process for RSS (default: whoever listens on CUE_URL's port)
//   BENCH_ITEMS=10000 BENCH_REQUESTS=500 BENCH_WARM_UP=300 BENCH_SSE_CONNECTIONS=1000 BENCH_SSE_SAMPLES=200
//   BENCH_KEEP=1   keep the bench workspace afterwards
//
// Next to latencies it reports the CPU ms per list request of the server
// process and of PostgreSQL's backends (embedded database only; Linux /proc),
// which stay steady on a busy machine where latencies do not. The in-process
// worker's idle use is subtracted; CUE_WORKER=false on the server steadies them.
//
// It creates its own workspace, seeds the items straight into PostgreSQL, and
// writes live items with deliverInApp in a transaction, as a worker does. The
// client and the server each hold one socket per stream: 1,000 streams need an
// fd limit above ~1,100 in both shells (`ulimit -n 4096` before `npm start`).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { deliverInApp } from "@/lib/channels/in-app/deliver-in-app";
import { disconnectPrisma, prisma } from "@/lib/db/client";
import { sql, sqlTransaction } from "@/lib/db/sql";
import { generateInboxSigningSecret } from "@/lib/inbox/inbox-signing-secret";
import { computeUserHash } from "@/lib/inbox/inbox-token";
import { generateKey, newWorkspaceKeys } from "@/lib/workspaces/api-keys";
import { SseReader } from "@/test/inbox/sse-reader";
import { percentile, rssMb, serverPid } from "./bench-process-stats";

const BASE = (process.env.CUE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);
const CONNECTIONS = Number(process.env.BENCH_SSE_CONNECTIONS ?? 1_000);
const SAMPLES = Number(process.env.BENCH_SSE_SAMPLES ?? 200);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 300);
const STREAM_USERS = 100;
const LIMITS = { listP95Ms: 20, sseP95Ms: 100, rssGrowthMb: 200 };

type Keys = { workspaceId: string; writeKey: string; secretKey: string; inboxSecret: string };

function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  // The embedded server writes its port on line 4 of postmaster.pid.
  const dataDir = path.resolve(process.env.CUE_DATA_DIR ?? ".data");
  const port = readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[3];
  return `postgresql://cue:cue@127.0.0.1:${port?.trim()}/cue`;
}

const EXTERNAL_DATABASE = Boolean(process.env.DATABASE_URL);

/** The embedded PostgreSQL's postmaster pid, or null with an external DATABASE_URL. */
function postmasterPid(): number | null {
  if (EXTERNAL_DATABASE) return null;
  const dataDir = path.resolve(process.env.CUE_DATA_DIR ?? ".data");
  const pid = Number(
    readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0],
  );
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

const BACKGROUND = /checkpointer|background writer|walwriter|autovacuum|launcher/;
const TICK_MS = 10; // USER_HZ is 100 on Linux

/**
 * CPU ms used so far (utime + stime) by a process and, with `children`, by
 * each of its live children but PostgreSQL's background ones: the backends
 * (and io workers) that serve the server's pools. Keyed by pid.
 */
function cpuMs(pid: number | null, children = false): Map<number, number> | null {
  if (pid === null) return null;
  const fields = (p: number) => {
    // The command name (field 2) may hold spaces; count from the closing parenthesis.
    const stat = readFileSync(`/proc/${p}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  };
  const ms = (f: string[]) => (Number(f[11]) + Number(f[12])) * TICK_MS; // fields 14 and 15
  try {
    const used = new Map([[pid, ms(fields(pid))]]);
    if (!children) return used;
    for (const p of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
      try {
        const f = fields(Number(p));
        // Field 4 is the parent. Background processes work on their own
        // schedule (the checkpoint after the seeding, autovacuum): not counted.
        if (Number(f[1]) === pid && !BACKGROUND.test(readFileSync(`/proc/${p}/cmdline`, "utf8")))
          used.set(Number(p), ms(f));
      } catch {
        // gone meanwhile
      }
    }
    return used;
  } catch {
    return null;
  }
}

/**
 * CPU ms used between two samples by the processes alive at the second (a
 * pool connection closed meanwhile takes its time with it; a new one starts
 * from zero).
 */
function cpuUsed(from: Map<number, number> | null, to: Map<number, number> | null): number | null {
  if (!from || !to) return null;
  let total = 0;
  for (const [pid, used] of to) total += used - (from.get(pid) ?? 0);
  return total;
}

interface CpuSample {
  at: number;
  node: Map<number, number> | null;
  pg: Map<number, number> | null;
}

function sampleCpu(serverPid: number | null, pgPid: number | null): CpuSample {
  return { at: performance.now(), node: cpuMs(serverPid), pg: cpuMs(pgPid, true) };
}

/**
 * CPU ms per request of the server and of PostgreSQL between two samples,
 * less what each burns idle over the same time (measured just before).
 */
function cpuPerRequest(
  idle: [CpuSample, CpuSample],
  from: CpuSample,
  to: CpuSample,
  requests: number,
): { node: number | null; pg: number | null } {
  const per = (key: "node" | "pg") => {
    const [i0, i1] = idle;
    const busy = cpuUsed(from[key], to[key]);
    const quiet = cpuUsed(i0[key], i1[key]);
    if (busy === null || quiet === null) return null;
    const idleRate = quiet / (i1.at - i0.at);
    return Math.max(0, busy - idleRate * (to.at - from.at)) / requests;
  };
  return { node: per("node"), pg: per("pg") };
}

const round = (n: number | null) =>
  n === null || Number.isNaN(n) ? null : Math.round(n * 10) / 10;

async function createBenchWorkspace(): Promise<Keys> {
  const writeKey = generateKey("write");
  const secretKey = generateKey("secret");
  const inboxSecret = generateInboxSigningSecret();
  const workspace = await prisma.workspace.create({
    data: {
      name: `Inbox bench ${new Date().toISOString()}`,
      apiKeys: { create: newWorkspaceKeys({ writeKey, secretKey }) },
      inboxSigningSecret: { create: { secret: inboxSecret } },
    },
  });
  return { workspaceId: workspace.id, writeKey, secretKey, inboxSecret };
}

/** Profiles and their userId identities, written directly: the bench measures the inbox, not ingestion. */
async function createProfiles(keys: Keys, userIds: string[]): Promise<Map<string, string>> {
  const now = new Date();
  const rows = await prisma.profile.createManyAndReturn({
    data: userIds.map((userId) => ({
      workspaceId: keys.workspaceId,
      userId,
      firstSeenAt: now,
      lastSeenAt: now,
    })),
    select: { id: true, userId: true },
  });
  await prisma.profileIdentity.createMany({
    data: rows.map((row) => ({
      workspaceId: keys.workspaceId,
      kind: "userId" as const,
      value: row.userId as string,
      profileId: row.id,
    })),
  });
  return new Map(rows.map((row) => [row.userId as string, row.id]));
}

async function seedItems(keys: Keys, profileId: string): Promise<void> {
  // Realistic mix: a third seen, a quarter read, a tenth archived, some banners.
  await sql.$executeRaw`
    INSERT INTO inbox_items (id, "workspaceId", "profileId", kind, title, body, data,
      "seenAt", "readAt", "archivedAt", "createdAt")
    SELECT 'bench-' || ${keys.workspaceId} || '-' || g, ${keys.workspaceId}, ${profileId}::uuid,
      (CASE WHEN g % 20 = 0 THEN 'banner' ELSE 'card' END)::"InAppKind",
      'Item ' || g, 'Body ' || g, jsonb_build_object('bodyHtml', '<p>Body ' || g || '</p>'),
      CASE WHEN g % 3 = 0 THEN now() END, CASE WHEN g % 4 = 0 THEN now() END,
      CASE WHEN g % 10 = 0 THEN now() END, now() - (${ITEMS} - g) * interval '1 minute'
    FROM generate_series(1, ${ITEMS}) AS g`;
  // As autovacuum does soon after a bulk insert: statistics, and the
  // visibility map that lets the badge count read only its index.
  await sql.$executeRaw`VACUUM ANALYZE inbox_items`;
}

function authHeaders(keys: Keys, userId: string): Record<string, string> {
  return {
    "x-cue-write-key": keys.writeKey,
    "x-cue-user-id": userId,
    "x-cue-user-hash": computeUserHash(keys.inboxSecret, userId),
  };
}

async function timeList(keys: Keys, userId: string, query: string, n: number): Promise<number[]> {
  const headers = authHeaders(keys, userId);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const response = await fetch(`${BASE}/api/v1/inbox${query}`, { headers });
    const body = (await response.json()) as { items?: unknown[] };
    if (!response.ok || !body.items)
      throw new Error(`GET /api/v1/inbox${query}: ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

async function openStream(keys: Keys, userId: string, signal: AbortSignal): Promise<SseReader> {
  const response = await fetch(`${BASE}/api/v1/inbox/stream`, {
    headers: authHeaders(keys, userId),
    signal,
  });
  if (!response.ok || !response.body) throw new Error(`stream: HTTP ${response.status}`);
  const reader = new SseReader(response.body);
  await reader.waitFor((e) => e.event === "counts", 30_000);
  return reader;
}

/** Commit → event: from the moment the transaction commits (callback returns) to the event's parse. */
async function measureDelivery(
  keys: Keys,
  targets: { profileId: string; readers: SseReader[] }[],
  samples: number,
): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const target = targets[i % targets.length] as (typeof targets)[number];
    const froms = target.readers.map((r) => r.events.length);
    let committing = 0;
    const { seq } = await sqlTransaction(async (tx) => {
      const result = await deliverInApp(tx, {
        workspaceId: keys.workspaceId,
        profileId: target.profileId,
        messageId: `bench-msg-${keys.workspaceId}-${i}-${Date.now()}`,
        rendered: { kind: "card", title: `Live ${i}`, body: "Live", bodyHtml: "<p>Live</p>" },
      });
      committing = performance.now();
      return result;
    });
    const id = seq.toString();
    const arrivals = await Promise.all(
      target.readers.map((r, k) => r.waitFor((e) => e.id === id, 10_000, froms[k])),
    );
    for (const event of arrivals) latencies.push(event.receivedAt - committing);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return latencies;
}

async function main() {
  process.env.DATABASE_URL = databaseUrl();
  const health = await fetch(`${BASE}/api/health`).catch(() => null);
  if (!health?.ok)
    throw new Error(`No Cue answering at ${BASE}; start it with npm start (CUE_URL).`);
  const pid = serverPid(BASE);
  console.log(`Cue at ${BASE} (server pid ${pid ?? "unknown"}); seeding ${ITEMS} items…`);

  const keys = await createBenchWorkspace();
  const streamUsers = Array.from({ length: STREAM_USERS }, (_, i) => `stream-${i}`);
  const profiles = await createProfiles(keys, ["bench-user", ...streamUsers]);
  const benchProfile = profiles.get("bench-user") as string;
  await seedItems(keys, benchProfile);
  const results: Record<string, number | null> = {};
  const controllers: AbortController[] = [];
  try {
    // Warm up the route, the pool and the JIT: CPU per request settles after a few hundred.
    await timeList(keys, "bench-user", "", WARM_UP);
    const pgPid = postmasterPid();
    const idleFrom = sampleCpu(pid, pgPid);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const idleTo = sampleCpu(pid, pgPid);
    const list = await timeList(keys, "bench-user", "", REQUESTS);
    const cpu = cpuPerRequest([idleFrom, idleTo], idleTo, sampleCpu(pid, pgPid), REQUESTS);
    results.list_node_cpu_ms = cpu.node;
    results.list_pg_cpu_ms = cpu.pg;
    const unread = await timeList(keys, "bench-user", "?unread=true&kind=card", REQUESTS / 5);
    const deep = await timeList(
      keys,
      "bench-user",
      `?cursor=${Math.floor(ITEMS / 2)}`,
      REQUESTS / 5,
    );
    results.list_p50_ms = percentile(list, 50);
    results.list_p95_ms = percentile(list, 95);
    results.list_p99_ms = percentile(list, 99);
    results.list_unread_p95_ms = percentile(unread, 95);
    results.list_cursor_p95_ms = percentile(deep, 95);

    const one = new AbortController();
    controllers.push(one);
    const single = await openStream(keys, "stream-0", one.signal);
    const idle = await measureDelivery(
      keys,
      [{ profileId: profiles.get("stream-0") as string, readers: [single] }],
      SAMPLES,
    );
    results.sse_p50_ms = percentile(idle, 50);
    results.sse_p95_ms = percentile(idle, 95);
    one.abort();
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const rssBefore = rssMb(pid);
    const readers = new Map<string, SseReader[]>();
    const started = performance.now();
    for (let i = 0; i < CONNECTIONS; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, CONNECTIONS - i) }, async (_, k) => {
          const userId = streamUsers[(i + k) % STREAM_USERS] as string;
          const controller = new AbortController();
          controllers.push(controller);
          const reader = await openStream(keys, userId, controller.signal);
          readers.set(userId, [...(readers.get(userId) ?? []), reader]);
        }),
      );
    }
    results.sse_connect_all_s = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const rssOpen = rssMb(pid);
    results.sse_connections = CONNECTIONS;
    results.rss_before_mb = rssBefore;
    results.rss_with_streams_mb = rssOpen;
    results.rss_growth_mb = rssBefore !== null && rssOpen !== null ? rssOpen - rssBefore : null;

    const targets = streamUsers.map((userId) => ({
      profileId: profiles.get(userId) as string,
      readers: readers.get(userId) ?? [],
    }));
    const loaded = await measureDelivery(keys, targets, Math.max(20, SAMPLES / 2));
    results.sse_loaded_p50_ms = percentile(loaded, 50);
    results.sse_loaded_p95_ms = percentile(loaded, 95);
  } finally {
    for (const controller of controllers) controller.abort();
    if (!process.env.BENCH_KEEP) await cleanUp(keys.workspaceId);
  }
  report(results);
}

async function cleanUp(workspaceId: string): Promise<void> {
  await prisma.inboxItem.deleteMany({ where: { workspaceId } });
  await prisma.event.deleteMany({ where: { workspaceId } });
  await prisma.eventDedupe.deleteMany({ where: { workspaceId } });
  await prisma.eventCatalog.deleteMany({ where: { workspaceId } });
  await prisma.profile.deleteMany({ where: { workspaceId } });
  await prisma.workspace.delete({ where: { id: workspaceId } });
}

function report(r: Record<string, number | null>): void {
  const rows: [string, number | null, string, boolean | null][] = [
    [`GET /api/v1/inbox p50 (${ITEMS} items)`, r.list_p50_ms ?? null, "ms", null],
    [
      `GET /api/v1/inbox p95 (${ITEMS} items)`,
      r.list_p95_ms ?? null,
      "ms",
      (r.list_p95_ms ?? Infinity) <= LIMITS.listP95Ms,
    ],
    ["GET /api/v1/inbox p99", r.list_p99_ms ?? null, "ms", null],
    ["GET /api/v1/inbox server CPU per request", r.list_node_cpu_ms ?? null, "ms", null],
    ["GET /api/v1/inbox PostgreSQL CPU per request", r.list_pg_cpu_ms ?? null, "ms", null],
    ["GET ?unread=true&kind=card p95", r.list_unread_p95_ms ?? null, "ms", null],
    ["GET ?cursor=<middle> p95", r.list_cursor_p95_ms ?? null, "ms", null],
    ["SSE commit → event p50 (1 stream)", r.sse_p50_ms ?? null, "ms", null],
    [
      "SSE commit → event p95 (1 stream)",
      r.sse_p95_ms ?? null,
      "ms",
      (r.sse_p95_ms ?? Infinity) <= LIMITS.sseP95Ms,
    ],
    [
      `SSE commit → event p95 (${CONNECTIONS} open)`,
      r.sse_loaded_p95_ms ?? null,
      "ms",
      (r.sse_loaded_p95_ms ?? Infinity) <= LIMITS.sseP95Ms,
    ],
    [`${CONNECTIONS} streams opened in`, r.sse_connect_all_s ?? null, "s", null],
    ["Server RSS before streams", r.rss_before_mb ?? null, "MB", null],
    [`Server RSS with ${CONNECTIONS} streams`, r.rss_with_streams_mb ?? null, "MB", null],
    [
      "RSS growth",
      r.rss_growth_mb ?? null,
      "MB",
      r.rss_growth_mb === null ? null : (r.rss_growth_mb ?? Infinity) < LIMITS.rssGrowthMb,
    ],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\n${"Measure".padEnd(width)}  ${"Value".padStart(9)}  Target`);
  for (const [name, value, unit, ok] of rows) {
    const shown = value === null ? "n/a" : `${round(value)} ${unit}`;
    const verdict = ok === null ? "" : ok ? "ok" : "MISSED";
    console.log(`${name.padEnd(width)}  ${shown.padStart(9)}  ${verdict}`);
  }
  const json = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]));
  console.log(JSON.stringify({ bench: "inbox", items: ITEMS, ...json }));
}

main()
  .catch((error: unknown) => {
    console.error(`[bench:inbox] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => disconnectPrisma());
