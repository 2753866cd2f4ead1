// npm run bench:email-burst – a burst of email due at once against a
// provider that enforces Resend's limit: how long until every email is
// delivered, how many requests it took, and is any lost or sent twice?
//
// On one database it starts BENCH_WORKERS processes of the real `npm run
// worker` and a fake Resend in this process (test/fakes/fake-resend.ts, the
// one the tests use) that enforces BENCH_PROVIDER_LIMIT requests/s as Resend
// does (429 + retry-after), takes batches of up to 100 emails per request
// with an idempotency key, and has faults injected while the burst drains.
// The workspace's email rate (Settings → Email sending) is set to the same
// limit. Then BENCH_EMAILS emails, each to its own profile, are queued in one
// transaction (the product's enqueueMessages, as a journey step or the send
// API queues them): they all become due at its commit, and the clock starts.
//
//   BENCH_EMAILS (1000)           emails made due at once
//   BENCH_WORKERS (2)             `npm run worker` processes
//   BENCH_PROVIDER_LIMIT (2)      the fake's requests/s (Resend's default) and the workspace's rate
//   BENCH_FAULTS (429,500,reset)  injected in turn: the first request meets one, and so does
//                                 every BENCH_FAULT_EVERY-th after it, until every email is
//                                 delivered: HTTP statuses (a 429 with retry-after 1), `reset`,
//                                 `hang`; `none` for no faults
//   BENCH_FAULT_EVERY (3)
//   BENCH_TIMEOUT_SECONDS (600)   the longest wait for every email to settle
//   DATABASE_URL                  else an embedded PostgreSQL in a temp folder
//
// Targets: 0 lost, 0 duplicated (one distinct idempotency key per email),
// 0 failed. Prints progress, a table, and as the last line one JSON object
// with every figure.
import { randomUUID } from "node:crypto";
import {
  deliveredMessageId,
  deliveryKey,
  type FakeResend,
  startFakeResend,
} from "@/test/fakes/fake-resend";
import { benchDatabase } from "./bench/bench-database";
import { log, round } from "./bench/engine-helpers";
import { spawnScript } from "./bench/engine-worker-process";
import { envNumber as num } from "./bench/env-number";

const COUNT = Math.round(num("BENCH_EMAILS", 1_000));
const WORKERS = Math.round(num("BENCH_WORKERS", 2));
const LIMIT = num("BENCH_PROVIDER_LIMIT", 2);
const FAULTS = (process.env.BENCH_FAULTS ?? "429,500,reset")
  .split(",")
  .map((f) => f.trim())
  .filter((f) => f && f !== "none");
for (const fault of FAULTS) {
  if (!/^(reset|hang|[45]\d\d)$/.test(fault)) {
    throw new Error(
      `BENCH_FAULTS: "${fault}" is not an HTTP status (4xx, 5xx), reset, hang or none.`,
    );
  }
}
const FAULT_EVERY = Math.round(num("BENCH_FAULT_EVERY", 3));
const TIMEOUT_SECONDS = num("BENCH_TIMEOUT_SECONDS", 600);
const BATCH_LIMIT = 100; // Resend's batch endpoint
const TARGETS = { lost: 0, duplicated: 0, failed: 0 };
const run = randomUUID().slice(0, 8);
/** Statuses a queued email can still leave by itself. */
const PENDING = new Set(["queued", "sending"]);

const database = await benchDatabase("email-burst");
const { prisma, disconnectPrisma } = await import("@/lib/db/client");
const { enqueueMessages } = await import("@/lib/channels/enqueue-messages");
const { sqlTransaction } = await import("@/lib/db/sql");
const { benchWorkspace, dropWorkspace } = (
  await import("./bench/engine-workspaces")
).benchWorkspaces(run);

type Worker = ReturnType<typeof spawnScript> & { warnings: number; errors: number };
const running: { fake?: FakeResend; workers: Worker[] } = { workers: [] };
try {
  await burst();
} catch (error) {
  await Promise.allSettled([...running.workers.map((w) => w.stop()), running.fake?.close()]);
  await disconnectPrisma();
  await database.stop();
  throw error;
}

async function startWorker(index: number, env: NodeJS.ProcessEnv): Promise<Worker> {
  const spawned = spawnScript("scripts/worker.ts", env);
  const worker: Worker = { ...spawned, warnings: 0, errors: 0 };
  let echoed = 0;
  let stopping = false;
  const stop = spawned.stop;
  worker.stop = () => {
    stopping = true;
    return stop();
  };
  await new Promise<void>((resolve, reject) => {
    spawned.child.once("exit", (code) => reject(new Error(`worker ${index} exited (${code})`)));
    let partial = "";
    spawned.stdout.on("data", (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const text of lines) {
        if (text.includes("waiting for work")) resolve();
        const level = /"level":"(\w+)"/.exec(text)?.[1];
        if (stopping || !level || !["warn", "error", "fatal"].includes(level)) continue;
        if (level === "warn") worker.warnings++;
        else worker.errors++;
        if (echoed++ < 10) console.error(`[worker ${index}] ${text.slice(0, 400)}`);
      }
    });
  });
  return worker;
}

async function statusCounts(workspaceId: string): Promise<Record<string, number>> {
  const rows = await prisma.message.groupBy({
    by: ["status"],
    where: { workspaceId },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}

async function burst() {
  const fake = await startFakeResend();
  running.fake = fake;
  fake.setRateLimit(LIMIT);
  const ws = await benchWorkspace("Burst");
  await prisma.workspace.update({
    where: { id: ws.workspaceId },
    data: { resendApiKey: "re_burst_fake_key", emailRatePerSecond: LIMIT },
  });
  const now = new Date();
  await prisma.profile.createMany({
    data: Array.from({ length: COUNT }, (_, i) => ({
      workspaceId: ws.workspaceId,
      userId: `burst-${run}-${i}`,
      email: `burst-${run}-${i}@example.com`,
      traits: { email: `burst-${run}-${i}@example.com`, n: i },
      firstSeenAt: now,
      lastSeenAt: now,
    })),
  });
  const profiles = await prisma.profile.findMany({
    where: { workspaceId: ws.workspaceId },
    select: { id: true },
  });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RESEND_BASE_URL: fake.url,
    LOG_LEVEL: "info",
    LOG_FORMAT: "json",
  };
  delete env.RESEND_API_KEY;
  log(`bench:email-burst: starting ${WORKERS} worker(s) …`);
  for (let i = 1; i <= WORKERS; i++) running.workers.push(await startWorker(i, env));

  // --- The burst: every email due at one commit -------------------------------------
  const enqueueStarted = Date.now();
  const outcomes = await sqlTransaction(
    (tx) =>
      enqueueMessages(
        tx,
        profiles.map((p, i) => ({
          workspaceId: ws.workspaceId,
          profileId: p.id,
          idempotencyKey: `burst-${run}-${i}`,
          source: "api" as const,
          content: {
            channel: "email" as const,
            email: {
              subject: "Burst {{ profile.traits.n }}",
              preheader: "",
              body: "Hello from the burst, {{ profile.traits.n }}.",
              bodyFormat: "markdown" as const,
              transactional: true,
            },
          },
        })),
      ),
    { timeoutMs: 300_000 },
  );
  const started = Date.now();
  const ids = new Set<string>();
  for (const outcome of outcomes) {
    if (!outcome.ok) throw new Error(`enqueue refused one: ${outcome.error.message}`);
    if (outcome.result.status !== "queued") {
      throw new Error(`enqueue: ${outcome.result.status} (${outcome.result.error ?? ""})`);
    }
    ids.add(outcome.result.messageId);
  }
  const enqueueMs = started - enqueueStarted;
  log(
    `${COUNT} emails due at once (queued in ${enqueueMs} ms); provider limit ${LIMIT} req/s, ` +
      `batches of up to ${BATCH_LIMIT}; faults: ${FAULTS.join(", ") || "none"}, one per ${FAULT_EVERY} requests`,
  );

  // --- Faults, progress, until every email settled -------------------------------------
  // By request count, not by time: a fault waits for a request to meet it (the next one that
  // passes the limiter), so faults never pile up while the workers back off.
  let faultCount = 0;
  let faultAtRequest = 0;
  const injectFaults = () => {
    if (FAULTS.length === 0 || fake.requests.length < faultAtRequest) return;
    const fault = FAULTS[faultCount++ % FAULTS.length] as string;
    if (fault === "reset") fake.resetNext(1);
    else if (fault === "hang") fake.hangNext(1);
    else fake.failNext(1, Number(fault), fault === "429" ? { retryAfter: "1" } : {});
    faultAtRequest = fake.requests.length + FAULT_EVERY;
  };
  injectFaults();
  const delivered = () => {
    const seen = new Set<string>();
    for (const d of fake.deliveries) {
      const id = deliveredMessageId(d);
      if (id && ids.has(id)) seen.add(id);
    }
    return seen.size;
  };
  const seconds = () => (Date.now() - started) / 1000;
  const deadline = started + TIMEOUT_SECONDS * 1000;
  let allDeliveredAt: number | null = null;
  let settledAt: number | null = null;
  let statuses: Record<string, number> = {};
  let nextLine = started + 5_000;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  while (Date.now() < deadline) {
    if (allDeliveredAt === null && delivered() >= COUNT) allDeliveredAt = Date.now();
    if (allDeliveredAt === null) injectFaults();
    statuses = await statusCounts(ws.workspaceId);
    const pending = Object.entries(statuses)
      .filter(([status]) => PENDING.has(status))
      .reduce((sum, [, n]) => sum + n, 0);
    if (pending === 0) {
      settledAt = Date.now();
      break;
    }
    if (Date.now() >= nextLine) {
      nextLine += 5_000;
      log(
        `${round(seconds()).toFixed(1).padStart(6)} s  delivered ${delivered()}/${COUNT}  ` +
          `requests ${fake.requests.length} (429 from the limit: ${fake.rateLimitedCount})  ` +
          `statuses ${JSON.stringify(statuses)}`,
      );
    }
    await sleep(100);
  }
  if (allDeliveredAt === null && delivered() >= COUNT) allDeliveredAt = Date.now();

  // --- Count, stop, report ---------------------------------------------------------------
  const ours = fake.deliveries.filter((d) => ids.has(deliveredMessageId(d) ?? ""));
  const distinctMessages = new Set(ours.map(deliveredMessageId)).size;
  const distinctKeys = new Set(ours.map(deliveryKey)).size;
  const requests = { total: fake.requests.length, batches: 0, singles: 0, ok: 0 };
  const answers = { limited: 0, serverErrors: 0, resets: 0, otherClientErrors: 0 };
  let emailsInRequests = 0;
  let largestBatch = 0;
  for (const r of fake.requests) {
    if (r.path === "/emails/batch") {
      requests.batches++;
      const size = Array.isArray(r.body) ? r.body.length : 0;
      emailsInRequests += size;
      largestBatch = Math.max(largestBatch, size);
    } else {
      requests.singles++;
      emailsInRequests++;
    }
    if (r.status === 200) requests.ok++;
    else if (r.status === 429) answers.limited++;
    else if (r.status >= 500) answers.serverErrors++;
    else if (r.status === 0) answers.resets++;
    else answers.otherClientErrors++;
  }
  const results = {
    targets: TARGETS,
    emails: COUNT,
    workers: WORKERS,
    providerLimit: LIMIT,
    batchLimit: BATCH_LIMIT,
    faults: { kinds: FAULTS, everyRequests: FAULT_EVERY, injected: faultCount },
    enqueueMs,
    secondsToAllDelivered:
      allDeliveredAt === null ? null : round((allDeliveredAt - started) / 1000),
    secondsToAllSettled: settledAt === null ? null : round((settledAt - started) / 1000),
    settled: settledAt !== null,
    requests: {
      ...requests,
      fewestPossible: Math.ceil(COUNT / BATCH_LIMIT),
      emailsPerRequest: round(emailsInRequests / Math.max(1, requests.total)),
      largestBatch,
      ...answers,
      refusedByLimiter: fake.rateLimitedCount,
      mostInAnySecond: fake.maxPassedInWindow(1_000),
    },
    maxInFlight: fake.maxInFlight,
    delivered: distinctMessages,
    lost: COUNT - distinctMessages,
    duplicated: ours.length - distinctMessages,
    distinctIdempotencyKeys: distinctKeys,
    failed: statuses.failed ?? 0,
    statuses,
    workerLog: running.workers.map((w, i) => ({
      worker: i + 1,
      warnings: w.warnings,
      errors: w.errors,
    })),
  };

  await Promise.all(running.workers.map((w) => w.stop()));
  running.workers = [];
  await fake.close();
  if (!database.own) await dropWorkspace(ws.workspaceId);
  await disconnectPrisma();
  await database.stop();

  const check = (ok: boolean) => (ok ? "ok" : "MISSED");
  const r = results.requests;
  const rows: [string, string, string, string][] = [
    ["emails due at once / workers", `${COUNT} / ${WORKERS}`, "", ""],
    [
      "time until all delivered",
      results.secondsToAllDelivered === null ? "not all" : `${results.secondsToAllDelivered} s`,
      "",
      check(results.secondsToAllDelivered !== null),
    ],
    [
      "time until all settled (no queued/sending)",
      results.secondsToAllSettled === null
        ? `not in ${TIMEOUT_SECONDS} s`
        : `${results.secondsToAllSettled} s`,
      "",
      check(results.settled),
    ],
    [
      "requests used (batches / singles)",
      `${r.total} (${r.batches} / ${r.singles}), ${r.emailsPerRequest} emails each, largest ${r.largestBatch}`,
      `≥ ${r.fewestPossible}`,
      "",
    ],
    [
      "answers 200 / 429 / 5xx / reset / other 4xx",
      `${r.ok} / ${r.limited} / ${r.serverErrors} / ${r.resets} / ${r.otherClientErrors}`,
      "",
      "",
    ],
    [
      "429 from the rate limit; most passed in any 1 s",
      `${r.refusedByLimiter}; ${r.mostInAnySecond}`,
      `limit ${LIMIT}/s`,
      "",
    ],
    ["faults injected", `${faultCount} (${FAULTS.join(", ") || "none"})`, "", ""],
    ["max requests in flight", String(results.maxInFlight), "", ""],
    ["emails lost", String(results.lost), "0", check(results.lost === 0)],
    [
      "emails duplicated (distinct idempotency keys)",
      `${results.duplicated} (${distinctKeys} keys for ${distinctMessages} emails)`,
      "0",
      check(results.duplicated === 0 && distinctKeys === distinctMessages),
    ],
    ["emails failed", String(results.failed), "0", check(results.failed === 0)],
    [
      "worker log warnings / errors",
      results.workerLog.map((w) => `${w.warnings}/${w.errors}`).join(", "),
      "",
      "",
    ],
  ];
  const width = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length), 6));
  log("");
  for (const row of [["measure", "result", "target", ""] as const, ...rows]) {
    log(row.map((cell, i) => cell.padEnd(width[i] ?? 0)).join("  "));
  }
  console.log(JSON.stringify(results));
}
