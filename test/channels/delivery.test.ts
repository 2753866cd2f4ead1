import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  deliverDueEmails,
  emailRequest,
  MESSAGE_TAG,
  nextEmailDueAt,
} from "@/lib/channels/email/deliver-due-emails";
import {
  createResendClient,
  DEFAULT_EMAIL_FROM,
  providerIdempotencyKey,
} from "@/lib/channels/email/resend-client";
import { prisma } from "@/lib/db/client";
import { deliveredMessageId, fakeResendForFile } from "@/test/fakes/fake-resend";
import {
  createChannelWorkspace,
  createProfile,
  emailContent,
  enqueue,
  TEST_RESEND_KEY,
} from "@/test/fixtures/channels";

// The real resend SDK against a local HTTP server that records every request
// and injects 429, 500 and slow answers. The clock is passed in, so retries
// are driven step by step without sleeping.

let ws: string;
const fake = fakeResendForFile();
const savedKey = process.env.RESEND_API_KEY;

beforeAll(async () => {
  delete process.env.RESEND_API_KEY;
  ws = (
    await createChannelWorkspace({
      name: "Deliver",
      emailFrom: "Acme <hi@acme.test>",
      emailReplyTo: "help@acme.test",
    })
  ).workspaceId;
});
afterAll(async () => {
  if (savedKey !== undefined) process.env.RESEND_API_KEY = savedKey;
});
beforeEach(async () => {
  fake.reset();
  // Each test starts with nothing due, so one test's leftovers never leak into another's counts.
  await prisma.message.updateMany({
    where: { status: { in: ["queued", "sending"] } },
    data: { status: "failed" },
  });
});

async function queueOne(overrides: Parameters<typeof emailContent>[0] = {}, workspaceId = ws) {
  const profile = await createProfile(workspaceId, { traits: { name: "Ann" } });
  const result = await enqueue({
    workspaceId,
    profileId: profile.id,
    content: emailContent(overrides),
  });
  expect(result.status).toBe("queued");
  return { messageId: result.messageId, profile };
}
const load = (id: string) =>
  prisma.message.findUniqueOrThrow({
    where: { id },
    include: { events: { orderBy: { id: "asc" } } },
  });
const keysOf = () => fake.requests.map((r) => r.idempotencyKey);
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe("deliverDueEmails", () => {
  it("sends through the SDK with sender, headers, tag and a stable Idempotency-Key", async () => {
    const { messageId, profile } = await queueOne();
    const summary = await deliverDueEmails();
    expect(summary).toMatchObject({ claimed: 1, sent: 1 });

    const [request] = fake.requests;
    const message = await load(messageId);
    expect(request?.headers.authorization).toBe(`Bearer ${TEST_RESEND_KEY}`);
    expect(request?.idempotencyKey).toBe(providerIdempotencyKey(ws, message.idempotencyKey));
    expect(request?.body).toMatchObject({
      from: "Acme <hi@acme.test>",
      reply_to: "help@acme.test",
      to: [`${profile.userId}@example.com`],
      subject: "Hello Ann",
      tags: [{ name: MESSAGE_TAG, value: messageId }],
      headers: {
        "List-Unsubscribe": expect.stringMatching(
          /^<http:\/\/localhost:3000\/api\/unsubscribe\/.+>$/,
        ),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    });
    expect(String(request?.body?.html)).toContain("<strong>Ann</strong>");
    expect(String(request?.body?.text)).toContain("Hi Ann,");
    expect(message).toMatchObject({
      status: "sent",
      providerId: fake.deliveries[0]?.id,
      attempts: 1,
      error: null,
    });
    expect(message.sentAt).not.toBeNull();
    expect(message.events.map((e) => e.type)).toEqual(["queued", "sent"]);
  });

  it("uses the documented default sender and no List-Unsubscribe for transactional mail", async () => {
    const other = (await createChannelWorkspace({ name: "Plain" })).workspaceId;
    await queueOne({ transactional: true }, other);
    await deliverDueEmails();
    expect(fake.requests[0]?.body?.from).toBe(DEFAULT_EMAIL_FROM);
    expect(fake.requests[0]?.body?.reply_to).toBeUndefined();
    expect(fake.requests[0]?.body?.headers).toBeUndefined();
  });

  it("429: not an attempt; waits for retry-after, then sends; one delivery, one key", async () => {
    const { messageId } = await queueOne();
    fake.failNext(1, 429, { retryAfter: "2", message: "Too many requests" });
    const t0 = new Date();
    expect(await deliverDueEmails({ now: t0, random: () => 0 })).toMatchObject({
      rateLimited: 1,
    });
    let message = await load(messageId);
    expect(message).toMatchObject({
      status: "queued",
      attempts: 0,
      rateLimited: 1,
      error: "Too many requests (429)",
    });
    expect(message.nextAttemptAt?.getTime()).toBe(t0.getTime() + 2000);

    // Not due one second later; due after two.
    expect((await deliverDueEmails({ now: at(t0, 1000) })).claimed).toBe(0);
    expect(await deliverDueEmails({ now: at(t0, 2000) })).toMatchObject({ sent: 1 });
    message = await load(messageId);
    expect(message).toMatchObject({ status: "sent", attempts: 1, error: null });
    expect(message.events.map((e) => e.type)).toEqual(["queued", "rate_limited", "sent"]);
    expect(fake.requests).toHaveLength(2);
    expect(fake.deliveries).toHaveLength(1);
    expect(new Set(keysOf()).size).toBe(1);
  });

  it("500 twice: exponential backoff with jitter, then sent", async () => {
    const { messageId } = await queueOne();
    fake.failNext(2, 500);
    const t0 = new Date();
    await deliverDueEmails({ now: t0, random: () => 0 });
    const first = await load(messageId);
    const firstDelay = (first.nextAttemptAt?.getTime() ?? 0) - t0.getTime();
    expect(firstDelay).toBe(1000);

    const t1 = first.nextAttemptAt as Date;
    await deliverDueEmails({ now: t1, random: () => 0.999 });
    const second = await load(messageId);
    const secondDelay = (second.nextAttemptAt?.getTime() ?? 0) - t1.getTime();
    expect(secondDelay).toBeGreaterThan(3900);
    expect(secondDelay).toBeLessThanOrEqual(4000);

    await deliverDueEmails({ now: second.nextAttemptAt as Date });
    const final = await load(messageId);
    expect(final).toMatchObject({ status: "sent", attempts: 3 });
    expect(final.events.map((e) => e.type)).toEqual(["queued", "retry", "retry", "sent"]);
    expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(fake.deliveries).toHaveLength(1);
    expect(new Set(keysOf()).size).toBe(1);
  });

  it("slow answer: times out, retries with the same key, and the provider dedupes", async () => {
    const { messageId } = await queueOne();
    fake.slowNext(1, 1500);
    const t0 = new Date();
    expect(await deliverDueEmails({ now: t0, timeoutMs: 200 })).toMatchObject({ retried: 1 });
    const timedOut = await load(messageId);
    expect(timedOut).toMatchObject({ status: "queued", error: "Timed out waiting for Resend." });
    // The slow request reached the provider: the email went out once already.
    expect(fake.deliveries).toHaveLength(1);

    await deliverDueEmails({ now: timedOut.nextAttemptAt as Date, timeoutMs: 2000 });
    const final = await load(messageId);
    expect(final).toMatchObject({
      status: "sent",
      providerId: fake.deliveries[0]?.id,
      attempts: 2,
    });
    expect(fake.requests).toHaveLength(2);
    expect(fake.deliveries).toHaveLength(1);
    expect(new Set(keysOf()).size).toBe(1);
  });

  it("a worker killed between send and record: the lease expires, the retry is deduped, one email", async () => {
    const { messageId } = await queueOne();
    const workspace = await prisma.workspace.findUniqueOrThrow({ where: { id: ws } });
    const row = await prisma.message.findUniqueOrThrow({ where: { id: messageId } });
    // The dead worker: claimed the row (lease), sent it, and never recorded the answer.
    const t0 = new Date();
    await prisma.message.update({
      where: { id: messageId },
      data: { status: "sending", attempts: 1, nextAttemptAt: at(t0, 70_000) },
    });
    const { payload, options } = emailRequest(row, workspace);
    const lost = await createResendClient(TEST_RESEND_KEY).emails.send(payload, options);
    expect(lost.data?.id).toBeTruthy();

    // While the lease holds, nobody touches it.
    expect((await deliverDueEmails({ now: at(t0, 1000) })).claimed).toBe(0);
    // After it, another worker claims and retries with the same key.
    expect(await deliverDueEmails({ now: at(t0, 70_000) })).toMatchObject({ claimed: 1, sent: 1 });
    const final = await load(messageId);
    expect(final).toMatchObject({ status: "sent", providerId: lost.data?.id, attempts: 2 });
    expect(fake.requests).toHaveLength(2);
    expect(fake.deliveries).toHaveLength(1);
    expect(new Set(keysOf()).size).toBe(1);
  });

  it("other 4xx: fails at once with Resend's message", async () => {
    const { messageId } = await queueOne();
    fake.failNext(1, 422, { message: "Invalid `from` field.", name: "validation_error" });
    expect(await deliverDueEmails()).toMatchObject({ failed: 1 });
    const message = await load(messageId);
    expect(message).toMatchObject({
      status: "failed",
      error: "Invalid `from` field. (422)",
      nextAttemptAt: null,
    });
    expect(message.events.at(-1)).toMatchObject({ type: "failed" });
    expect((await deliverDueEmails()).claimed).toBe(0);
    expect(fake.deliveries).toHaveLength(0);
  });

  it("gives up after the last attempt", async () => {
    const { messageId } = await queueOne();
    fake.failNext(3, 503);
    let now = new Date();
    for (let i = 0; i < 3; i++) {
      await deliverDueEmails({ now, maxAttempts: 3 });
      const m = await load(messageId);
      now = m.nextAttemptAt ?? now;
    }
    const message = await load(messageId);
    expect(message).toMatchObject({
      status: "failed",
      attempts: 3,
      error: "Gave up after 3 attempts: Injected 503 (503)",
    });
    expect(fake.requests).toHaveLength(3);
    expect(new Set(keysOf()).size).toBe(1);
  });

  it("re-checks suppression and unsubscribe at send time", async () => {
    const suppressed = await queueOne();
    const unsubscribed = await queueOne();
    const receipt = await queueOne({ transactional: true });
    const suppressedRow = await load(suppressed.messageId);
    await prisma.suppression.create({
      data: { workspaceId: ws, email: suppressedRow.toAddress as string, reason: "complaint" },
    });
    await prisma.profile.update({
      where: { id: unsubscribed.profile.id },
      data: { unsubscribedAt: new Date() },
    });
    await prisma.profile.update({
      where: { id: receipt.profile.id },
      data: { unsubscribedAt: new Date() },
    });

    expect(await deliverDueEmails()).toMatchObject({ claimed: 3, skipped: 2, sent: 1 });
    expect(await load(suppressed.messageId)).toMatchObject({
      status: "skipped",
      error: expect.stringMatching(/suppression list/),
    });
    expect(await load(unsubscribed.messageId)).toMatchObject({ status: "skipped" });
    expect(await load(receipt.messageId)).toMatchObject({ status: "sent" });
    expect(fake.deliveries).toHaveLength(1);
  });

  it("moves queued mail to the Outbox when the key was removed after queueing", async () => {
    const other = (await createChannelWorkspace({ name: "Removed key" })).workspaceId;
    const { messageId } = await queueOne({}, other);
    await prisma.workspace.update({ where: { id: other }, data: { resendApiKey: null } });
    expect(await deliverDueEmails()).toMatchObject({ outbox: 1 });
    expect(await load(messageId)).toMatchObject({ status: "outbox" });
    expect(fake.requests).toHaveLength(0);
  });

  it("concurrent workers never claim the same message twice", async () => {
    const ids = await Promise.all(
      Array.from({ length: 12 }, async () => (await queueOne()).messageId),
    );
    fake.slowNext(12, 50);
    const summaries = await Promise.all([
      deliverDueEmails({ batchSize: 5 }),
      deliverDueEmails({ batchSize: 5 }),
      deliverDueEmails({ batchSize: 5 }),
    ]);
    expect(summaries.reduce((n, s) => n + s.claimed, 0)).toBe(12);
    // Fresh mail of one workspace leaves in batches: fewer requests than emails,
    // each email delivered once, each request under its own key.
    expect(fake.requests.length).toBeLessThan(12);
    expect(new Set(keysOf()).size).toBe(fake.requests.length);
    expect(fake.deliveries).toHaveLength(12);
    expect(new Set(fake.deliveries.map(deliveredMessageId))).toEqual(new Set(ids));
    const rows = await prisma.message.findMany({ where: { id: { in: ids } } });
    expect(rows.every((m) => m.status === "sent" && m.attempts === 1)).toBe(true);
  });

  it("reports when the next email is due", async () => {
    expect(await nextEmailDueAt()).toBeNull();
    await queueOne();
    expect((await nextEmailDueAt())?.getTime()).toBe(0);
    fake.failNext(1, 429, { retryAfter: "30" });
    const now = new Date();
    await deliverDueEmails({ now, random: () => 0 });
    expect((await nextEmailDueAt())?.getTime()).toBe(now.getTime() + 30_000);
  });

  it("a caller key longer than Resend allows still maps to one stable key", () => {
    const long = `k-${"x".repeat(400)}-${randomUUID()}`;
    const a = providerIdempotencyKey(ws, long);
    expect(a.length).toBeLessThanOrEqual(256);
    expect(providerIdempotencyKey(ws, long)).toBe(a);
    expect(providerIdempotencyKey(ws, `${long}!`)).not.toBe(a);
  });
});
