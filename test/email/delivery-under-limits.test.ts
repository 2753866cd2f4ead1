import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimDueEmails } from "@/lib/channels/email/claim-due-emails";
import { emailDeliveryTask } from "@/lib/channels/email/deliver-due-emails";
import { prisma } from "@/lib/db/client";
import { type RunningWorker, startWorker } from "@/lib/worker/run-worker";
import {
  batchEmails,
  deliveredMessageId,
  deliveryKey,
  fakeResendForFile,
} from "@/test/fakes/fake-resend";
import { createChannelWorkspace } from "@/test/fixtures/channels";
import { queueEmails, statusCounts, waitUntilSent } from "./support";

// Email delivery against a fake Resend that enforces a rate limit the way
// Resend does (429 rate_limit_exceeded + retry-after) and injects 500s,
// connection resets and hangs, through the real resend SDK
// (RESEND_BASE_URL). Real workers (startWorker + emailDeliveryTask), real
// PostgreSQL, real time.

const fake = fakeResendForFile();
const savedKey = process.env.RESEND_API_KEY;
let workers: RunningWorker[] = [];

beforeAll(() => {
  delete process.env.RESEND_API_KEY;
});
afterAll(() => {
  if (savedKey !== undefined) process.env.RESEND_API_KEY = savedKey;
});
beforeEach(() => {
  fake.reset();
});

async function startWorkers(count: number, options: Parameters<typeof emailDeliveryTask>[0] = {}) {
  workers = Array.from({ length: count }, () =>
    startWorker({ tasks: [emailDeliveryTask(options)], pollIntervalMs: 250 }),
  );
  await Promise.all(workers.map((w) => w.ready));
}
async function stopWorkers() {
  await Promise.all(workers.map((w) => w.stop()));
  workers = [];
}
const keysOf = (ids: Set<string>) =>
  fake.deliveries.filter((d) => ids.has(deliveredMessageId(d) ?? ""));

describe("email delivery under provider limits", () => {
  it("200 emails due at once on two workers at Resend's 2 req/s, with a 500 and a reset: all arrive once in a few batch requests, none failed", async () => {
    const { workspaceId } = await createChannelWorkspace({ emailRatePerSecond: 2 });
    fake.setRateLimit(2);
    const ids = await queueEmails(workspaceId, 200);
    fake.failNext(1, 500);
    fake.resetNext(1);
    await startWorkers(2);
    try {
      await waitUntilSent(workspaceId, 200, 60_000);
    } finally {
      await stopWorkers();
    }
    // One delivery per message, each under a (request key, position) used once.
    const delivered = keysOf(new Set(ids));
    expect(delivered).toHaveLength(200);
    expect(new Set(delivered.map(deliveredMessageId))).toEqual(new Set(ids));
    expect(new Set(delivered.map(deliveryKey)).size).toBe(200);
    expect(await statusCounts(workspaceId)).toEqual({ sent: 200 });
    // Singles would need 200 requests (100 s at 2 req/s); batches of up to 100 need a few,
    // plus the two faults' retries, and never meet the limiter.
    expect(fake.requests.every((r) => r.path === "/emails/batch")).toBe(true);
    expect(fake.requests.length).toBeLessThanOrEqual(8);
    expect(Math.max(...fake.requests.map((r) => batchEmails(r).length))).toBeLessThanOrEqual(100);
    expect(fake.rateLimitedCount).toBe(0);
    // A retried batch is the identical request: same key, same body.
    const byKey = new Map<string, string>();
    for (const request of fake.requests) {
      const body = JSON.stringify(request.body);
      const key = request.idempotencyKey as string;
      expect(byKey.get(key) ?? body).toBe(body);
      byKey.set(key, body);
    }
    expect(byKey.size).toBeLessThan(fake.requests.length); // the faults were retried
    const messages = await prisma.message.findMany({ where: { workspaceId } });
    expect(new Set(messages.map((m) => m.providerId)).size).toBe(200);
    expect(messages.every((m) => m.batchKey === null)).toBe(true);
  }, 90_000);

  it("singles: 200 emails already tried once, on two workers at 20 req/s, with 500s and resets: all arrive once, never over the limit", async () => {
    const { workspaceId } = await createChannelWorkspace({ emailRatePerSecond: 20 });
    fake.setRateLimit(20);
    const ids = await queueEmails(workspaceId, 200, { alone: true });
    fake.failNext(3, 500);
    fake.resetNext(2);
    const started = Date.now();
    await startWorkers(2);
    try {
      await waitUntilSent(workspaceId, 200, 60_000);
    } finally {
      await stopWorkers();
    }
    const elapsed = Date.now() - started;
    const delivered = keysOf(new Set(ids));
    expect(delivered).toHaveLength(200);
    expect(new Set(delivered.map((d) => d.idempotencyKey)).size).toBe(200);
    expect(await statusCounts(workspaceId)).toEqual({ sent: 200 });
    // The fake's limiter (a token bucket, as Resend enforces it) never had to refuse one.
    // Counted over any sliding 5 s, slots 50 ms apart allow 101; the fake timestamps
    // arrivals on the test's own busy event loop, so allow 5% for its jitter.
    expect(fake.rateLimitedCount).toBe(0);
    expect(fake.maxPassedInWindow(5000)).toBeLessThanOrEqual(105);
    // 205 requests at 20/s: about 10 s, not much more.
    expect(elapsed).toBeGreaterThan(9_000);
    expect(elapsed).toBeLessThan(40_000);
  }, 90_000);

  it("at Resend's default 2 req/s, two workers together stay under it", async () => {
    const { workspaceId } = await createChannelWorkspace({ emailRatePerSecond: 2 });
    fake.setRateLimit(2);
    const ids = await queueEmails(workspaceId, 8, { alone: true });
    const started = Date.now();
    await startWorkers(2);
    try {
      await waitUntilSent(workspaceId, 8, 30_000);
    } finally {
      await stopWorkers();
    }
    expect(keysOf(new Set(ids))).toHaveLength(8);
    expect(fake.rateLimitedCount).toBe(0);
    expect(fake.maxPassedInWindow(1000)).toBeLessThanOrEqual(3);
    expect(Date.now() - started).toBeGreaterThan(3_000); // 8 sends 500 ms apart
  }, 60_000);

  it("a workspace paced above the provider's limit: 429s cost no attempt, each retry waits retry-after from its own answer, nothing is lost", async () => {
    const { workspaceId } = await createChannelWorkspace({ emailRatePerSecond: 10 });
    fake.setRateLimit(2);
    const ids = await queueEmails(workspaceId, 12, { alone: true });
    await startWorkers(2);
    try {
      await waitUntilSent(workspaceId, 12, 60_000);
    } finally {
      await stopWorkers();
    }
    expect(fake.rateLimitedCount).toBeGreaterThan(0);
    expect(keysOf(new Set(ids))).toHaveLength(12);
    const messages = await prisma.message.findMany({ where: { workspaceId } });
    expect(messages.every((m) => m.status === "sent" && m.attempts === 1)).toBe(true);
    expect(messages.reduce((n, m) => n + m.rateLimited, 0)).toBe(fake.rateLimitedCount);
    // Every request after a 429 for the same key came at least retry-after after that answer.
    for (const [i, request] of fake.requests.entries()) {
      if (request.status !== 429) continue;
      const next = fake.requests
        .slice(i + 1)
        .find((r) => r.idempotencyKey === request.idempotencyKey);
      const wait = Number(request.headers["retry-after"] ?? 0);
      expect(next).toBeDefined();
      expect((next?.at ?? 0) - request.answeredAt).toBeGreaterThanOrEqual(1000 * Math.max(wait, 1));
    }
  }, 90_000);

  it("a hung call delays only its own message", async () => {
    const { workspaceId } = await createChannelWorkspace({ emailRatePerSecond: 50 });
    const ids = await queueEmails(workspaceId, 10, { alone: true });
    fake.hangNext(1);
    const started = Date.now();
    await startWorkers(1, { timeoutMs: 4_000 });
    try {
      await waitUntilSent(workspaceId, 9, 3_000);
      expect(Date.now() - started).toBeLessThan(3_500);
      await waitUntilSent(workspaceId, 10, 20_000);
    } finally {
      await stopWorkers();
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_000);
    const delivered = keysOf(new Set(ids));
    expect(new Set(delivered.map((d) => d.idempotencyKey)).size).toBe(10);
    expect(delivered).toHaveLength(10);
    const slow = await prisma.message.findFirstOrThrow({ where: { workspaceId, attempts: 2 } });
    expect(slow.status).toBe("sent");
  }, 60_000);

  it("a permanent 422 fails at once with the provider's reason", async () => {
    const { workspaceId } = await createChannelWorkspace();
    const [id] = await queueEmails(workspaceId, 1);
    fake.failNext(1, 422, {
      message:
        "Invalid `to` field. The email address needs to follow the `email@example.com` format.",
    });
    await startWorkers(1);
    try {
      await expect
        .poll(async () => (await prisma.message.findUniqueOrThrow({ where: { id } })).status, {
          timeout: 10_000,
        })
        .toBe("failed");
    } finally {
      await stopWorkers();
    }
    const message = await prisma.message.findUniqueOrThrow({ where: { id } });
    expect(message.attempts).toBe(1);
    expect(message.error).toBe(
      "Invalid `to` field. The email address needs to follow the `email@example.com` format. (422)",
    );
    expect(fake.requests).toHaveLength(1);
  }, 30_000);

  it("a live worker's heartbeat keeps its lease past 15 s: nobody else sends its slow message", async () => {
    const { workspaceId } = await createChannelWorkspace();
    const [id] = await queueEmails(workspaceId, 1);
    fake.slowNext(1, 19_000); // accepted at once, answered after 19 s
    await startWorkers(2, { timeoutMs: 25_000 });
    try {
      await waitUntilSent(workspaceId, 1, 30_000);
    } finally {
      await stopWorkers();
    }
    expect(fake.requests).toHaveLength(1);
    expect(await prisma.message.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "sent",
      attempts: 1,
    });
  }, 45_000);

  it("a dead worker's claimed messages come back within ~15 s with the same key", async () => {
    const { workspaceId } = await createChannelWorkspace();
    const [id] = await queueEmails(workspaceId, 1);
    // A worker claims it and dies before sending (never renews its lease).
    const {
      singles: [claimed],
    } = await claimDueEmails(new Date(), 10, 15_000);
    expect(claimed?.id).toBe(id);
    const diedAt = Date.now();
    await startWorkers(1);
    try {
      await waitUntilSent(workspaceId, 1, 25_000);
    } finally {
      await stopWorkers();
    }
    const took = Date.now() - diedAt;
    expect(took).toBeGreaterThan(13_000);
    expect(took).toBeLessThan(18_000);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.idempotencyKey).toBe(`${workspaceId}/${claimed?.idempotencyKey}`);
  }, 40_000);
});
