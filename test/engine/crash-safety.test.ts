import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { processEvents } from "@/lib/engine/process-events";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";
import { deliveryKey, type FakeResend, startFakeResend } from "@/test/fakes/fake-resend";
import { createChannelWorkspace } from "@/test/fixtures/channels";
import { publishDefinition, setRules } from "./engine-fixtures";

// Exactly once in effect, with real processes: due sends are handled by a
// separate worker process that is killed with SIGKILL at random points, three
// times, then restarted. Every message must be sent exactly once: one Message
// per (run, node), one inbox item per in-app message, one email delivered per
// idempotency key at the (fake) Resend, none lost. Then two workers at once.

const RUNS = Number(process.env.CUE_CRASH_RUNS ?? 2000);
const WORKER = [
  "--import",
  "tsx",
  "--import",
  "./scripts/server-only-hook.mjs",
  "test/engine/support/engine-worker.ts",
];
let fake: FakeResend;
let ws: string;
let journeyId: string;
const children = new Set<ChildProcess>();

const due: JourneyDefinitionInput = {
  version: 1,
  nodes: [
    { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Go" } },
    {
      id: "wait",
      type: "delay",
      delay: { kind: "duration", duration: { amount: 1, unit: "minutes" } },
    },
    {
      id: "channel",
      type: "split",
      variants: [
        { key: "email", weight: 50 },
        { key: "in_app", weight: 50 },
      ],
    },
    {
      id: "mail",
      type: "send_email",
      content: { subject: "Hi {{ profile.traits.name }}", body: "Due now" },
    },
    { id: "card", type: "send_inapp", content: { kind: "card", title: "Due now" } },
    { id: "end", type: "exit" },
  ],
  edges: [
    { from: "trigger", to: "wait" },
    { from: "wait", to: "channel" },
    { from: "channel", exit: "email", to: "mail" },
    { from: "channel", exit: "in_app", to: "card" },
    { from: "mail", to: "end" },
    { from: "card", to: "end" },
  ],
  settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
};

function startWorker(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, WORKER, {
    env: { ...process.env, RESEND_BASE_URL: fake.url, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let stepped = 0;
  let out = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split("\n");
      out = lines.pop() ?? "";
      for (const line of lines) {
        if (line === "ready") resolve();
        const match = /^engine-timers (\d+)$/.exec(line);
        if (match) stepped += Number(match[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`worker exited early (${code})`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.stderr?.on("data", () => {}); // worker logs (e.g. retries) are expected noise
  return {
    ready,
    stepped: () => stepped,
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
      children.delete(child);
    },
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
      children.delete(child);
    },
  };
}

/** Enters `count` new users (entry five minutes ago), so their timers are due now. */
async function dueRuns(prefix: string, count: number): Promise<void> {
  const past = new Date(Date.now() - 5 * 60_000);
  const items = Array.from({ length: count }, (_, i) => [
    {
      type: "identify",
      userId: `${prefix}-${i}`,
      traits: { name: `U${i}`, email: `${prefix}-${i}@example.com` },
    },
    { type: "track", userId: `${prefix}-${i}`, event: "Go" },
  ])
    .flat()
    .map((item) => ({ ...item, messageId: randomUUID(), timestamp: past.toISOString() }));
  await ingestBatch({ workspaceId: ws, items, receivedAt: past });
  while ((await processEvents({ now: () => past, batchSize: 500 })).events > 0) {}
}

const waitFor = async (check: () => Promise<boolean>, timeoutMs: number) => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};
const sentMessages = () => prisma.message.count({ where: { workspaceId: ws, source: "journey" } });
/** Every run of the journey completed and no email still queued or being sent. */
const allDone = async (expectedRuns: number) => {
  const done = await prisma.journeyRun.count({
    where: { workspaceId: ws, journeyId, status: "completed" },
  });
  const pending = await prisma.message.count({
    where: { workspaceId: ws, channel: "email", status: { in: ["queued", "sending"] } },
  });
  return done >= expectedRuns && pending === 0;
};

async function assertExactlyOnce(expectedRuns: number) {
  const runs = await prisma.journeyRun.findMany({ where: { workspaceId: ws, journeyId } });
  expect(runs).toHaveLength(expectedRuns);
  expect(runs.every((r) => r.status === "completed")).toBe(true);
  const messages = await prisma.message.findMany({ where: { workspaceId: ws, source: "journey" } });
  expect(messages).toHaveLength(expectedRuns); // one send per run, none lost
  expect(new Set(messages.map((m) => m.runId)).size).toBe(expectedRuns); // none twice
  const sentTraces = await prisma.runTrace.count({
    where: { workspaceId: ws, journeyId, decision: "sent" },
  });
  expect(sentTraces).toBe(expectedRuns);

  const inApp = messages.filter((m) => m.channel === "in_app");
  const items = await prisma.inboxItem.findMany({ where: { workspaceId: ws } });
  expect(items).toHaveLength(inApp.length);
  expect(new Set(items.map((i) => i.messageId)).size).toBe(inApp.length);

  const emails = messages.filter((m) => m.channel === "email");
  expect(emails.every((m) => m.status === "sent")).toBe(true);
  const delivered = fake.deliveries.map(deliveryKey); // a batch's emails: its key and position
  expect(new Set(delivered).size).toBe(delivered.length); // Resend sent no key twice
  expect(delivered).toHaveLength(emails.length); // and every email once
  expect(new Set(emails.map((m) => m.providerId)).size).toBe(emails.length);
  return { emails: emails.length, inApp: inApp.length, requests: fake.requests.length };
}

beforeAll(async () => {
  fake = await startFakeResend();
  ({ workspaceId: ws } = await createChannelWorkspace({ name: "Crash" }));
  await setRules(ws, {});
  journeyId = await publishDefinition(ws, "Due", due);
});

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await fake.close();
});

describe("crash safety", () => {
  it(`${RUNS} due sends, the worker SIGKILLed three times: each message sent exactly once`, async () => {
    await dueRuns("c", RUNS);
    expect(
      await prisma.journeyRun.count({ where: { workspaceId: ws, wakeAt: { lte: new Date() } } }),
    ).toBe(RUNS);
    for (let kill = 0; kill < 3; kill++) {
      const worker = startWorker();
      await worker.ready;
      const before = await sentMessages();
      // Kill at a random point once this worker has made some progress.
      const target = before + 20 + Math.floor(Math.random() * (RUNS / 5));
      await waitFor(async () => (await sentMessages()) >= Math.min(target, RUNS - 50), 120_000);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
      await worker.kill();
    }
    expect(await sentMessages()).toBeLessThan(RUNS);
    // The restarted worker runs its clock 2 minutes ahead, so email leases
    // held by the killed ones have expired and are claimed again.
    const final = startWorker({ CUE_CLOCK_OFFSET_MS: "120000" });
    await final.ready;
    await waitFor(() => allDone(RUNS), 300_000);
    await final.stop();
    const result = await assertExactlyOnce(RUNS);
    expect(result.emails + result.inApp).toBe(RUNS);
  }, 600_000);

  it("two workers at once: no duplicates, and both share the work", async () => {
    const extra = Math.max(200, Math.floor(RUNS / 2));
    await dueRuns("d", extra);
    const a = startWorker({ CUE_CLOCK_OFFSET_MS: "120000", CUE_TIMER_BATCH: "20" });
    const b = startWorker({ CUE_CLOCK_OFFSET_MS: "120000", CUE_TIMER_BATCH: "20" });
    await Promise.all([a.ready, b.ready]);
    await waitFor(() => allDone(RUNS + extra), 300_000);
    await Promise.all([a.stop(), b.stop()]);
    await assertExactlyOnce(RUNS + extra);
    expect(a.stepped()).toBeGreaterThan(0);
    expect(b.stepped()).toBeGreaterThan(0);
    expect(a.stepped() + b.stepped()).toBe(extra);
  }, 600_000);
});
