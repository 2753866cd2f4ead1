// npm run bench:soak – a steady mixed load for a long time: does memory stay
// flat, does the backlog drain, is any email lost or sent twice?
//
// It starts, on one database, a web process (the tracking and inbox APIs as
// `npm start` serves them, bench/engine-http-process.ts) and BENCH_WORKERS
// processes of `npm run worker` (engine, timers, email), with a fake Resend
// (test/fakes/fake-resend.ts, the one the tests use; scripts may import test/
// under .dependency-cruiser.cjs, and its vitest import is inert outside a
// test run) in this process that enforces a rate limit as Resend does
// (429 + retry-after) and injects faults. The workspace's email
// rate (Settings → Email sending) is set to the fake's limit. Three live
// journeys: "Soak Email" → email then in-app; "Soak Ping" → in-app;
// "Soak Signup" → wait 1 minute → in-app. The load (bench/soak-load.ts) mixes
// identifies, events no journey hears, those triggers and inbox reads.
//
// Every BENCH_SAMPLE_SECONDS it prints the RSS and heap of each process, the
// engine queue, the due and waiting runs, the journey's email by status and
// what the provider answered. After the load it waits (bounded) for the
// backlog to drain, then counts email lost and duplicated (bench/soak-audit.ts).
//
//   BENCH_SOAK_MINUTES (30)     how long the load runs
//   BENCH_RATE (500)            events per second, all kinds together
//   BENCH_EMAIL_RATE (1)        of which email triggers per second (each one email)
//   BENCH_INBOX_RATE (rate/50)  GET /api/v1/inbox per second
//   BENCH_PROVIDER_LIMIT (2)    the fake's requests/s (Resend's default) and the workspace's rate
//   BENCH_FAULT_SECONDS (15)    one injected fault this often, in turn from BENCH_FAULTS
//   BENCH_FAULTS (500,429,503,reset)   HTTP statuses (a 429 with retry-after 1), `reset`, `hang`;
//       a permanent one (422) shows the count of lost email working: each one that meets a
//       single send is lost (one that meets a batch only splits it into single sends)
//   BENCH_WORKERS (2)           `npm run worker` processes
//   BENCH_USERS (2000)          profiles the load cycles through (identified first, with an email)
//   BENCH_WARMUP_MINUTES (min(5, a third of the run))   memory growth is measured after it
//   BENCH_SAMPLE_SECONDS (30)   how often a line is printed
//   BENCH_DRAIN_MINUTES (10)    the longest wait for the backlog after the load
//   DATABASE_URL                else an embedded PostgreSQL in a temp folder
//
// Targets: RSS growth after warm-up under 10% per process, the backlog
// drained, 0 lost, 0 duplicated. Prints a table, and as the last line one
// JSON object with every figure.
import { randomUUID } from "node:crypto";
import {
  deliveredMessageId,
  deliveryKey,
  type FakeResend,
  startFakeResend,
} from "@/test/fakes/fake-resend";
import { benchDatabase } from "./bench/bench-database";
import { line, log, percentile, request, round } from "./bench/engine-helpers";
import { envNumber as num } from "./bench/env-number";
import { auditEmails, triggerNumber } from "./bench/soak-audit";
import { drained, readBacklog, sampleHeader, sampleLine } from "./bench/soak-backlog";
import { SOAK_EVENTS, startLoad } from "./bench/soak-load";
import { memoryGrowth } from "./bench/soak-memory";
import { type SoakProcess, startSoakProcesses } from "./bench/soak-processes";

const MINUTES = num("BENCH_SOAK_MINUTES", 30);
const RATE = num("BENCH_RATE", 500);
const EMAIL_RATE = num("BENCH_EMAIL_RATE", 1);
const INBOX_RATE = num("BENCH_INBOX_RATE", RATE / 50);
const LIMIT = num("BENCH_PROVIDER_LIMIT", 2);
const FAULT_SECONDS = num("BENCH_FAULT_SECONDS", 15);
const FAULTS = (process.env.BENCH_FAULTS || "500,429,503,reset").split(",").map((f) => f.trim());
for (const fault of FAULTS) {
  if (!/^(reset|hang|[45]\d\d)$/.test(fault)) {
    throw new Error(`BENCH_FAULTS: "${fault}" is not an HTTP status (4xx, 5xx), reset or hang.`);
  }
}
const WORKERS = num("BENCH_WORKERS", 2);
const USERS = num("BENCH_USERS", 2_000);
const WARMUP_MINUTES = num("BENCH_WARMUP_MINUTES", Math.min(5, MINUTES / 3));
const SAMPLE_SECONDS = num("BENCH_SAMPLE_SECONDS", 30);
const DRAIN_MINUTES = num("BENCH_DRAIN_MINUTES", 10);
const TARGETS = { rssGrowthPercent: 10, lost: 0, duplicated: 0 };
const run = randomUUID().slice(0, 8);

// --- Database, provider, workspace, processes ----------------------------------

const database = await benchDatabase("soak");
const { prisma, disconnectPrisma } = await import("@/lib/db/client");
const { benchWorkspace, publish, dropWorkspace } = (
  await import("./bench/engine-workspaces")
).benchWorkspaces(run);
const { batchIdempotencyKey, providerIdempotencyKey } = await import(
  "@/lib/channels/email/resend-client"
);

// What a failed run must still stop (the normal path stops them itself).
const running: { fake?: FakeResend; processes?: SoakProcess[] } = {};
try {
  await soak();
} catch (error) {
  await Promise.allSettled([
    ...(running.processes ?? []).map((p) => p.stop()),
    running.fake?.close(),
  ]);
  await disconnectPrisma();
  await database.stop();
  throw error;
}

async function soak() {
  const fake = await startFakeResend();
  running.fake = fake;
  fake.setRateLimit(LIMIT);
  const ws = await benchWorkspace("Soak");
  await prisma.workspace.update({
    where: { id: ws.workspaceId },
    data: { resendApiKey: "re_soak_fake_key", emailRatePerSecond: LIMIT },
  });
  const emailJourney = await publish(
    ws.workspaceId,
    "Soak email",
    line({ kind: "event", event: SOAK_EVENTS.email }, [
      {
        id: "email",
        type: "send_email",
        content: {
          subject: "Soak email {{ event.n }}",
          body: "Hello from the soak, {{ event.n }}.",
        },
      },
      {
        id: "email-inapp",
        type: "send_inapp",
        content: { kind: "card", title: "Mail {{ event.n }}" },
      },
    ]),
  );
  await publish(
    ws.workspaceId,
    "Soak ping",
    line({ kind: "event", event: SOAK_EVENTS.inapp }, [
      { id: "ping", type: "send_inapp", content: { kind: "card", title: "Ping {{ event.n }}" } },
    ]),
  );
  await publish(
    ws.workspaceId,
    "Soak signup",
    line({ kind: "event", event: SOAK_EVENTS.timer }, [
      {
        id: "wait",
        type: "delay",
        delay: { kind: "duration", duration: { amount: 1, unit: "minutes" } },
      },
      {
        id: "welcome",
        type: "send_inapp",
        content: { kind: "card", title: "Welcome {{ event.n }}" },
      },
    ]),
  );

  const env: NodeJS.ProcessEnv = { ...process.env, RESEND_BASE_URL: fake.url };
  delete env.RESEND_API_KEY;
  log(`bench:soak: starting a web process and ${WORKERS} worker(s) …`);
  const { url: base, processes } = await startSoakProcesses({ workers: WORKERS, env });
  running.processes = processes;

  const users = Array.from({ length: USERS }, (_, i) => `soak-${run}-${i}`);
  const basic = `Basic ${Buffer.from(`${ws.writeKey}:`).toString("base64")}`;
  for (let i = 0; i < users.length; i += 500) {
    const batch = users
      .slice(i, i + 500)
      .map((userId) => ({ type: "identify", userId, traits: { email: `${userId}@example.com` } }));
    const response = await request(`${base}/api/v1/batch`, {
      method: "POST",
      headers: { authorization: basic, "content-type": "application/json" },
      body: JSON.stringify({ batch }),
    });
    if (!response.ok) throw new Error(`identify: ${response.status} ${await response.text()}`);
  }

  // --- Load, samples, drain ---------------------------------------------------------

  const provider = () => {
    const p = { ok: 0, limited: 0, errors: 0, resets: 0, rejected: 0, batches: 0 };
    for (const r of fake.requests) {
      if (r.path === "/emails/batch") p.batches++;
      if (r.status === 200) p.ok++;
      else if (r.status === 429) p.limited++;
      else if (r.status >= 500) p.errors++;
      else if (r.status === 0) p.resets++;
      else p.rejected++;
    }
    return p;
  };

  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const faults = FAULTS.map((fault) => () => {
    if (fault === "reset") fake.resetNext(1);
    else if (fault === "hang") fake.hangNext(1);
    else fake.failNext(1, Number(fault), fault === "429" ? { retryAfter: "1" } : {});
  });
  let faultCount = 0;
  const faultTimer = setInterval(
    () => (faults[faultCount++ % faults.length] as () => void)(),
    FAULT_SECONDS * 1000,
  );
  const memoryTimer = setInterval(() => {
    for (const p of processes) p.sample();
  }, 5_000);

  log(
    `load: ${RATE} events/s (${EMAIL_RATE} email triggers/s, ${round(INBOX_RATE)} inbox reads/s) for ${MINUTES} min; provider limit ${LIMIT}/s`,
  );
  log(sampleHeader(processes));
  const load = startLoad({
    base,
    writeKey: ws.writeKey,
    inboxSecret: ws.inboxSecret,
    users,
    rate: RATE,
    emailRate: EMAIL_RATE,
    inboxRate: INBOX_RATE,
  });
  let lastEvents = 0;
  let lastAt = started;
  const printSample = async (phase: string) => {
    for (const p of processes) p.sample();
    const backlog = await readBacklog(ws.workspaceId, emailJourney.journeyId);
    const now = Date.now();
    const eventsPerSecond = ((load.stats.events - lastEvents) * 1000) / Math.max(1, now - lastAt);
    lastEvents = load.stats.events;
    lastAt = now;
    log(
      sampleLine({
        seconds: seconds(),
        phase,
        eventsPerSecond,
        processes,
        backlog,
        provider: provider(),
      }),
    );
    return backlog;
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const loadEnds = started + MINUTES * 60_000;
  while (Date.now() < loadEnds) {
    await sleep(Math.min(SAMPLE_SECONDS * 1000, loadEnds - Date.now()));
    await printSample("load");
  }
  await load.stop();
  clearInterval(faultTimer);
  const loadSeconds = seconds();

  const drainEnds = Date.now() + DRAIN_MINUTES * 60_000;
  let nextLine = Date.now() + SAMPLE_SECONDS * 1000;
  let backlog = await readBacklog(ws.workspaceId, emailJourney.journeyId);
  while (!drained(backlog, load.stats.acceptedEmails.length) && Date.now() < drainEnds) {
    await sleep(2_000);
    if (Date.now() >= nextLine) {
      nextLine += SAMPLE_SECONDS * 1000;
      backlog = await printSample("drain");
    } else backlog = await readBacklog(ws.workspaceId, emailJourney.journeyId);
  }
  const drainSeconds = seconds() - loadSeconds;
  const didDrain = drained(backlog, load.stats.acceptedEmails.length);
  backlog = await printSample(didDrain ? "done" : "STUCK");
  clearInterval(memoryTimer);

  // --- Count, stop, report -----------------------------------------------------------

  const messages = await prisma.message.findMany({
    where: { workspaceId: ws.workspaceId, journeyId: emailJourney.journeyId, channel: "email" },
    select: { id: true, status: true, subject: true, idempotencyKey: true, keyGeneration: true },
  });
  const sentKeys = new Set(
    messages.map((m) => providerIdempotencyKey(ws.workspaceId, m.idempotencyKey, m.keyGeneration)),
  );
  const audit = auditEmails({
    accepted: load.stats.acceptedEmails,
    messages: messages.map((m) => ({ id: m.id, status: m.status, n: triggerNumber(m.subject) })),
    deliveries: fake.deliveries.map((d) => ({
      n: triggerNumber(d.body.subject),
      messageId: deliveredMessageId(d),
      // A batch's emails share its key: the key and the position are what Resend dedupes by.
      key: deliveryKey(d),
    })),
    acceptedRequestKeys: fake.requests.filter((r) => r.status === 200).map((r) => r.idempotencyKey),
  });
  const batchKeyPrefix = batchIdempotencyKey(ws.workspaceId, "");
  const foreignKeys = fake.deliveries.filter((d) =>
    d.index === null
      ? !sentKeys.has(d.idempotencyKey ?? "")
      : !(d.idempotencyKey ?? "").startsWith(batchKeyPrefix),
  ).length;
  const memory = processes.map((p) =>
    memoryGrowth(p, { warmupEndsAt: started + WARMUP_MINUTES * 60_000, loadEndsAt: loadEnds }),
  );
  const providerTotals = {
    ...provider(),
    limiterRefused: fake.rateLimitedCount,
    faultsInjected: faultCount,
  };
  const logLines = Object.fromEntries(
    processes.map((p) => [p.name, { lines: p.logLines, errors: p.errors }]),
  );

  await Promise.all(processes.map((p) => p.stop()));
  await fake.close();
  if (!database.own) await dropWorkspace(ws.workspaceId);
  await disconnectPrisma();
  await database.stop();

  const latencies = [...load.stats.batchLatenciesMs].sort((a, b) => a - b);
  const results = {
    targets: TARGETS,
    minutes: MINUTES,
    rate: RATE,
    emailRate: EMAIL_RATE,
    providerLimit: LIMIT,
    workers: WORKERS,
    load: {
      seconds: round(loadSeconds),
      events: load.stats.events,
      eventsPerSecond: round(load.stats.events / loadSeconds),
      requests: load.stats.requests,
      failedRequests: load.stats.failed,
      firstFailure: load.stats.firstFailure || undefined,
      batchP50Ms: round(percentile(latencies, 50) ?? Number.NaN),
      batchP99Ms: round(percentile(latencies, 99) ?? Number.NaN),
    },
    memory,
    drain: { drained: didDrain, seconds: round(drainSeconds), left: backlog },
    email: { ...audit, deliveriesWithUnknownKey: foreignKeys },
    provider: providerTotals,
    logLines,
  };

  const check = (ok: boolean) => (ok ? "ok" : "MISSED");
  const rows: [string, string, string, string][] = [
    [
      "load sent (events, requests failed)",
      `${results.load.events} at ${results.load.eventsPerSecond}/s, ${load.stats.failed} failed`,
      `${RATE}/s, 0 failed`,
      check(load.stats.failed === 0),
    ],
    ["/batch p50 / p99", `${results.load.batchP50Ms} / ${results.load.batchP99Ms} ms`, "", ""],
    ...memory.map((m): [string, string, string, string] => [
      `${m.name} RSS after warm-up → end of load (${m.windowSeconds} s medians)`,
      `${m.baselineRssMb} → ${m.endRssMb} MB (${m.growthPercent}%), heap ${m.baselineHeapMb} → ${m.endHeapMb} MB`,
      `< ${TARGETS.rssGrowthPercent}%`,
      m.warmedUp ? check(m.growthPercent < TARGETS.rssGrowthPercent) : "too short",
    ]),
    [
      "backlog drained after the load",
      `${didDrain ? "yes" : "no"}, in ${round(drainSeconds)} s`,
      `≤ ${DRAIN_MINUTES} min`,
      check(didDrain),
    ],
    [
      "emails expected / delivered",
      `${audit.expected} / ${audit.delivered} (${audit.messages} messages)`,
      "",
      "",
    ],
    ["emails lost", String(audit.lost), "0", check(audit.lost === 0)],
    ["emails duplicated", String(audit.duplicated), "0", check(audit.duplicated === 0)],
    [
      "provider 200 / 429 (limiter) / 5xx / reset / other 4xx; batches",
      `${providerTotals.ok} / ${providerTotals.limited} (${providerTotals.limiterRefused}) / ${providerTotals.errors} / ${providerTotals.resets} / ${providerTotals.rejected}; ${providerTotals.batches}`,
      "",
      "",
    ],
  ];
  const width = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), 6));
  log("");
  for (const row of [["measure", "result", "target", ""] as const, ...rows]) {
    log(row.map((cell, i) => cell.padEnd(width[i] ?? 0)).join("  "));
  }
  console.log(JSON.stringify(results));
}
