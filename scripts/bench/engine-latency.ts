// bench:engine's latency measure: /api/v1/track accepted → the in-app item
// readable from the inbox API, at a fixed rate (open loop).
//
// Each event's clock starts when the bench sends its /track request, so the
// figure also holds /track's own round trip: an upper bound. (Started at the
// 200 answer instead, most items reach the client before that answer is
// processed.) Two ways to see the item:
//
// - `stream` (default): every user holds an open GET /api/v1/inbox/stream, as
//   the drop-in script does, and the clock stops when the item's SSE event
//   arrives. The users (at least BENCH_STREAM_USERS, 200) take the events in
//   turn, at most two each.
// - `get`: the bench LISTENs for the `cue_inbox` NOTIFY of the engine's commit
//   (the moment the item becomes readable), then reads GET /api/v1/inbox until
//   the item is there. Without database access it polls every 10 ms instead.
//
// Against a running Cue (CUE_URL) it measures that server and its worker.
// Otherwise it starts a web process (engine-http-process.ts) and runs the engine
// in worker processes, as `npm run worker` would.
import pg from "pg";
import { prisma } from "@/lib/db/client";
import { computeUserHash } from "@/lib/inbox/inbox-token";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";
import { SseReader } from "@/test/inbox/sse-reader";
import { cpuSeconds, postgresCpuSeconds } from "../bench-process-stats";
import { line, ms, percentile, postJson, request, round } from "./engine-helpers";
import { startHttpProcess, startWorkerProcess } from "./engine-worker-process";
import { envNumber as num } from "./env-number";

export interface LatencyOptions {
  run: string;
  rate: number;
  seconds: number;
  engineWorkers: number;
  benchWorkspace(name: string): Promise<Keys>;
  publish(workspaceId: string, name: string, definition: JourneyDefinitionInput): Promise<unknown>;
  dropWorkspace(workspaceId: string): Promise<void>;
  /**
   * The journey to measure, given the tracked event's name; by default one
   * entered on that event. Its in-app title must render "Ping <n>" for the
   * n-th event (the event's `n` property, or the user's `bench_n` trait).
   * `createSegment` stores a segment in the measured workspace and returns
   * its id once it is live.
   */
  journeyFor?(context: {
    event: string;
    workspaceId: string;
    createSegment(name: string, condition: unknown): Promise<string>;
  }): Promise<JourneyDefinitionInput>;
  /** Events each user sends (2 by default; 1 when only a user's first event can fire). */
  eventsPerUser?: number;
  /** How the item is seen; BENCH_OBSERVE (else `stream`) by default. */
  observe?: "stream" | "get";
  /** Local mode: makes a new segment live (the bench runs no segments-compute task). */
  computeSegments?(): Promise<void>;
  /** Local mode: drops what the workspace holds beyond dropWorkspace's tables. */
  beforeDrop?(workspaceId: string): Promise<void>;
}

interface Keys {
  workspaceId: string;
  writeKey: string;
  secretKey: string;
  /** The workspace's inbox signing secret, for each user's user_hash. */
  inboxSecret: string;
}

const OBSERVE_ENV = process.env.BENCH_OBSERVE === "get" ? "get" : "stream";
const STREAM_USERS = num("BENCH_STREAM_USERS", 200);
const WAIT_MS = 10_000;
const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

export async function latencyBench(options: LatencyOptions) {
  const { run, rate, seconds } = options;
  const OBSERVE = options.observe ?? OBSERVE_ENV;
  const perUser = options.eventsPerUser ?? 2;
  const event = `Bench Ping ${run}`;
  const journeyFor =
    options.journeyFor ??
    (async () =>
      line({ kind: "event", event }, [
        { id: "ping", type: "send_inapp", content: { kind: "card", title: "Ping {{ event.n }}" } },
      ]));
  const target = await startTarget(options, event, journeyFor);
  const { base, keys } = target;
  const basic = `Basic ${Buffer.from(`${keys.writeKey}:`).toString("base64")}`;
  // At most two events per user: a workspace's default frequency budget
  // (3 messages per 24 h, as the demo workspace has) must not defer any.
  // With one event per user, user n sends event n (`bench_n` = n).
  const userCount = Math.max(
    OBSERVE === "stream" ? STREAM_USERS : 1,
    Math.ceil((rate * (seconds + 2)) / perUser),
  );
  const users = Array.from({ length: userCount }, (_, i) => `bench-${run}-${i}`);
  const headersOf = (userId: string) => ({
    "x-cue-write-key": keys.writeKey,
    "x-cue-user-id": userId,
    "x-cue-user-hash": computeUserHash(keys.inboxSecret, userId),
  });
  // Warm-up: every user identified first, so /track takes ingestion's
  // known-user path, as it does for a real app's signed-in users.
  for (let i = 0; i < users.length; i += 500) {
    const batchItems = users.slice(i, i + 500).map((userId, j) => ({
      type: "identify",
      userId,
      traits: { plan: "bench", bench_n: i + j },
    }));
    const response = await request(`${base}/api/v1/batch`, {
      method: "POST",
      headers: { authorization: basic, "content-type": "application/json" },
      body: JSON.stringify({ batch: batchItems }),
    });
    if (!response.ok) throw new Error(`batch: ${response.status} ${await response.text()}`);
  }

  const abort = new AbortController();
  const streams = new Map<string, SseReader>();
  let listener: pg.Client | null = null;
  const waiting = new Map<string, () => void>();
  if (OBSERVE === "stream") {
    for (let i = 0; i < users.length; i += 50) {
      await Promise.all(
        users.slice(i, i + 50).map(async (userId) => {
          const response = await fetch(`${base}/api/v1/inbox/stream`, {
            headers: headersOf(userId),
            signal: abort.signal,
          });
          if (!response.ok || !response.body) throw new Error(`stream: HTTP ${response.status}`);
          const reader = new SseReader(response.body);
          await reader.waitFor((e) => e.event === "counts", 30_000);
          streams.set(userId, reader);
        }),
      );
    }
  } else if (keys.workspaceId && (!target.remote || process.env.DATABASE_URL)) {
    listener = await listenForItems(keys.workspaceId, users, waiting);
  }

  const latencies: number[] = [];
  let missing = 0;
  let failed = 0;
  let firstFailure = "";
  let reads = 0;
  const trackTimes: number[] = [];
  const track = (userId: string, n: number) =>
    postJson(
      `${base}/api/v1/track`,
      { authorization: basic },
      { userId, event, properties: { n }, messageId: `${run}-${n}` },
    );

  const viaStream = async (n: number, measured: boolean) => {
    const userId = users[n % users.length] as string;
    const reader = streams.get(userId) as SseReader;
    const from = reader.events.length;
    const sent = performance.now();
    const response = await track(userId, n);
    if (measured) trackTimes.push(ms(sent));
    if (response.status !== 200) throw new Error(`track: ${response.status} ${response.text}`);
    const title = `"title":"Ping ${n}"`;
    try {
      const item = await reader.waitFor(
        (e) => e.event === "item" && e.data.includes(title),
        WAIT_MS,
        from,
      );
      if (measured) latencies.push(item.receivedAt - sent);
    } catch {
      missing += 1;
    }
  };

  const viaGet = async (n: number, measured: boolean) => {
    const userId = users[n % users.length] as string;
    const signalled = listener
      ? new Promise<void>((resolve) => waiting.set(userId, resolve))
      : Promise.resolve();
    const sent = performance.now();
    const response = await track(userId, n);
    if (response.status !== 200) throw new Error(`track: ${response.status} ${response.text}`);
    await Promise.race([signalled, new Promise((resolve) => setTimeout(resolve, WAIT_MS))]);
    while (ms(sent) < WAIT_MS) {
      reads += 1;
      const page = (await (
        await request(`${base}/api/v1/inbox?page_size=5`, { headers: headersOf(userId) })
      ).json()) as { items?: { title: string }[] };
      if (page.items?.some((item) => item.title === `Ping ${n}`)) {
        if (measured) latencies.push(ms(sent));
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, listener ? 2 : 10));
    }
    missing += 1;
  };

  const one = OBSERVE === "stream" ? viaStream : viaGet;
  const pending: Promise<void>[] = [];
  const total = rate * (seconds + 2);
  const warmup = rate * 2; // the first 2 s warm up
  const start = performance.now();
  let cpuFrom: CpuSample | null = null;
  for (let n = 0; n < total; n++) {
    const due = start + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    // Handled at once: a request failing mid-run is counted, not a crash.
    const measured = n >= warmup;
    if (n === warmup) {
      // Work still in flight from the warm-up lands in the measured span, and the
      // measured span's own tail is waited for below: the two roughly cancel.
      cpuFrom = cpuSample(target.pids);
    }
    pending.push(
      one(n, measured).catch((error: unknown) => {
        failed += 1;
        firstFailure ||= error instanceof Error ? error.message : String(error);
      }),
    );
  }
  await Promise.all(pending);
  const cpu = cpuFrom && cpuPerEvent(cpuFrom, cpuSample(target.pids), total - warmup);
  abort.abort();
  await listener?.end();
  await target.cleanup();
  latencies.sort((a, b) => a - b);
  trackTimes.sort((a, b) => a - b);
  return {
    mode: target.remote ? "server" : "local",
    observed:
      OBSERVE === "stream"
        ? `SSE /api/v1/inbox/stream, ${users.length} users`
        : listener
          ? "NOTIFY cue_inbox, then GET /api/v1/inbox"
          : "GET /api/v1/inbox every 10 ms",
    rate,
    events: latencies.length,
    missing,
    failed,
    ...(firstFailure && { firstFailure: firstFailure.slice(0, 200) }),
    ...(OBSERVE === "get" && { inboxReadsPerEvent: round(reads / total, 2) }),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    ...(trackTimes.length > 0 && {
      trackP50Ms: round(percentile(trackTimes, 50)),
      trackP95Ms: round(percentile(trackTimes, 95)),
    }),
    ...(cpu && { cpuMsPerEvent: cpu }),
  };
}

interface CpuSample {
  web: number | null;
  workers: number | null;
  postgres: number | null;
}

/** CPU seconds so far of the bench's own web process, its engine workers and its PostgreSQL. */
function cpuSample(pids: { web?: number; workers: (number | undefined)[] }): CpuSample {
  const workers = pids.workers.map((pid) => cpuSeconds(pid));
  return {
    web: cpuSeconds(pids.web),
    workers: workers.some((s) => s === null)
      ? null
      : workers.reduce<number>((sum, s) => sum + (s ?? 0), 0),
    postgres: postgresCpuSeconds(process.env.DATABASE_URL),
  };
}

/** CPU milliseconds per event between two samples (a part that could not be read is left out). */
function cpuPerEvent(from: CpuSample, to: CpuSample, events: number) {
  const per = (a: number | null, b: number | null) =>
    a === null || b === null ? undefined : round(((b - a) * 1000) / events, 2);
  const parts = {
    web: per(from.web, to.web),
    worker: per(from.workers, to.workers),
    postgres: per(from.postgres, to.postgres),
  };
  const known = Object.values(parts).filter((v): v is number => v !== undefined);
  if (known.length === 0) return null;
  return {
    ...parts,
    total: round(
      known.reduce((a, b) => a + b, 0),
      2,
    ),
  };
}

/** The server to measure: CUE_URL's, or a web process of the bench's own with worker processes. */
async function startTarget(
  options: LatencyOptions,
  event: string,
  journeyFor: NonNullable<LatencyOptions["journeyFor"]>,
): Promise<{
  base: string;
  keys: Keys;
  remote: boolean;
  /** The local web and engine worker processes (none against CUE_URL). */
  pids: { web?: number; workers: (number | undefined)[] };
  cleanup(): Promise<void>;
}> {
  const remoteBase = process.env.CUE_URL?.replace(/\/+$/, "");
  if (remoteBase) {
    const keys: Keys = {
      workspaceId: "",
      writeKey: process.env.CUE_WRITE_KEY ?? "",
      secretKey: process.env.CUE_SECRET_KEY ?? "",
      inboxSecret: process.env.CUE_INBOX_SECRET ?? "",
    };
    const call = async (method: string, url: string, body?: unknown) => {
      const response = await request(`${remoteBase}${url}`, {
        method,
        headers: { authorization: `Bearer ${keys.secretKey}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return (await response.json()) as {
        journey: { id: string };
        segment: { id: string; status: string };
      };
    };
    const segments: string[] = [];
    const definition = await journeyFor({
      event,
      workspaceId: "",
      createSegment: async (name, condition) => {
        const { segment } = await call("POST", "/api/v1/segments", {
          kind: "condition",
          name,
          condition,
        });
        segments.push(segment.id);
        let status = segment.status;
        while (status !== "ready") {
          await sleep(200);
          status = (await call("GET", `/api/v1/segments/${segment.id}`)).segment.status;
        }
        return segment.id;
      },
    });
    const { journey } = await call("POST", "/api/v1/journeys", { name: event, definition });
    await call("POST", `/api/v1/journeys/${journey.id}/publish`, {});
    const row = await prisma.journey.findUnique({ where: { id: journey.id } }).catch(() => null);
    keys.workspaceId = row?.workspaceId ?? "";
    if (!keys.inboxSecret && keys.workspaceId) {
      const secret = await prisma.inboxSigningSecret.findUnique({
        where: { workspaceId: keys.workspaceId },
      });
      keys.inboxSecret = secret?.secret ?? "";
    }
    return {
      base: remoteBase,
      keys,
      remote: true,
      pids: { workers: [] },
      cleanup: async () => {
        await call("POST", `/api/v1/journeys/${journey.id}/archive`, {});
        for (const id of segments) {
          await request(`${remoteBase}/api/v1/segments/${id}`, {
            method: "DELETE",
            headers: { authorization: `Bearer ${keys.secretKey}` },
          });
        }
      },
    };
  }
  const keys = await options.benchWorkspace("Latency bench");
  const { createSegment } = await import("@/lib/segments/save-segment");
  const { segmentInputSchema } = await import("@/lib/segments/segment-schemas");
  const definition = await journeyFor({
    event,
    workspaceId: keys.workspaceId,
    createSegment: async (name, condition) => {
      const segment = await createSegment({
        workspaceId: keys.workspaceId,
        segment: segmentInputSchema.parse({ kind: "condition", name, condition }),
      });
      await options.computeSegments?.();
      return segment.id;
    },
  });
  await options.publish(keys.workspaceId, event, definition);
  // The web side in a process of its own, as a Cue web instance.
  const web = startHttpProcess();
  // The engine runs where a scaled deployment runs it: in worker processes
  // (`npm run worker`), each LISTENing to cue_events.
  const engines = Array.from({ length: options.engineWorkers }, () =>
    startWorkerProcess({ CUE_TASKS: "engine-events", CUE_LISTEN: "1" }),
  );
  const [base] = await Promise.all([web.url, ...engines.map((engine) => engine.ready)]).catch(
    async (error: unknown) => {
      await Promise.all([web.stop(), ...engines.map((engine) => engine.stop())]);
      throw error;
    },
  );
  return {
    base,
    keys,
    remote: false,
    pids: { web: web.child.pid, workers: engines.map((engine) => engine.pid) },
    cleanup: async () => {
      await Promise.all(engines.map((engine) => engine.stop()));
      await web.stop();
      await options.beforeDrop?.(keys.workspaceId);
      await options.dropWorkspace(keys.workspaceId);
    },
  };
}

/** LISTENs to cue_inbox; a user's waiter is called when an item of theirs commits. */
async function listenForItems(
  workspaceId: string,
  users: readonly string[],
  waiting: Map<string, () => void>,
): Promise<pg.Client> {
  const rows = await prisma.profile.findMany({
    where: { workspaceId, userId: { in: [...users] } },
    select: { id: true, userId: true },
  });
  const userOf = new Map(rows.map((r) => [r.id, r.userId as string]));
  const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on("error", (error) => console.error(`bench: LISTEN cue_inbox lost: ${error.message}`));
  listener.on("notification", (message) => {
    const userId = userOf.get(message.payload?.split(":")[1] ?? "");
    if (userId) waiting.get(userId)?.();
  });
  await listener.query("LISTEN cue_inbox");
  return listener;
}
