import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimDueEmails } from "@/lib/channels/email/claim-due-emails";
import { deliverDueEmails, emailRequest } from "@/lib/channels/email/deliver-due-emails";
import { LEASE_MS } from "@/lib/channels/email/email-lease";
import { formEmailBatches, type Sender } from "@/lib/channels/email/form-email-batches";
import { redriveFailedEmails } from "@/lib/channels/email/redrive-failed-emails";
import { batchIdempotencyKey, createResendClient } from "@/lib/channels/email/resend-client";
import { prisma } from "@/lib/db/client";
import {
  batchEmails,
  deliveredMessageId,
  deliveryKey,
  fakeResendForFile,
} from "@/test/fakes/fake-resend";
import { createChannelWorkspace, TEST_RESEND_KEY } from "@/test/fixtures/channels";
import { queueEmails } from "./support";

// Resend's batch endpoint, exactly once: a batch, once formed, is only ever
// sent as the identical request (same mates, same order, same content, same
// Idempotency-Key). The real SDK against the fake Resend over HTTP, real
// PostgreSQL; the clock is passed in, so retries are driven step by step.

const fake = fakeResendForFile();
const savedKey = process.env.RESEND_API_KEY;
let workspaceId: string;

beforeAll(() => {
  delete process.env.RESEND_API_KEY;
});
afterAll(() => {
  if (savedKey !== undefined) process.env.RESEND_API_KEY = savedKey;
});
beforeEach(async () => {
  fake.reset();
  // Nothing of an earlier test is due any more.
  await prisma.message.updateMany({
    where: { status: { in: ["queued", "sending"] } },
    data: { status: "skipped" },
  });
  workspaceId = (await createChannelWorkspace({ emailRatePerSecond: 100 })).workspaceId;
});

const load = (ids: string[]) =>
  prisma.message.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
const eventsOf = (id: string) =>
  prisma.messageEvent.findMany({ where: { messageId: id }, orderBy: { id: "asc" } });
const later = (from: Date | null | undefined, ms = 1) =>
  new Date((from ?? new Date()).getTime() + ms);

/** Every request under one key carried the same body. */
function expectIdenticalRetries() {
  const bodies = new Map<string, string>();
  for (const request of fake.requests) {
    const body = JSON.stringify(request.body);
    expect(bodies.get(request.idempotencyKey as string) ?? body).toBe(body);
    bodies.set(request.idempotencyKey as string, body);
  }
}

describe("Resend batches", () => {
  it("fresh mail of one workspace leaves as one batch: ids in request order, tags and headers per email", async () => {
    const ids = await queueEmails(workspaceId, 5);
    expect(await deliverDueEmails()).toMatchObject({ claimed: 5, batches: 1, sent: 5 });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.path).toBe("/emails/batch");
    expect(request?.headers["x-batch-validation"]).toBe("strict");
    const emails = batchEmails(request as NonNullable<typeof request>);
    const sorted = [...ids].sort();
    expect(emails.map((e) => (e.tags as { value: string }[])[0]?.value)).toEqual(sorted);
    expect(emails.every((e) => e.headers && typeof e.headers === "object")).toBe(true);
    const rows = await load(ids);
    expect(rows.map((m) => m.providerId)).toEqual(fake.deliveries.map((d) => d.id));
    expect(rows.every((m) => m.status === "sent" && m.attempts === 1 && !m.batchKey)).toBe(true);
    const sent = (await eventsOf(sorted[0] as string)).find((e) => e.type === "sent");
    expect(sent?.data).toMatchObject({ batch: { size: 5 } });
    expect(request?.idempotencyKey).toMatch(new RegExp(`^${workspaceId}:batch:`));
  });

  it("a batch answered after the client's timeout is retried with the same key and body; nothing is sent twice", async () => {
    const ids = await queueEmails(workspaceId, 4);
    fake.slowNext(1, 1500); // accepted at once, answered too late
    const t0 = new Date();
    expect(await deliverDueEmails({ now: t0, timeoutMs: 200, random: () => 0 })).toMatchObject({
      batches: 1,
      retried: 4,
    });
    expect(fake.deliveries).toHaveLength(4); // it did go out
    const waiting = await load(ids);
    expect(waiting.every((m) => m.status === "queued" && m.batchKey)).toBe(true);
    expect(new Set(waiting.map((m) => m.nextAttemptAt?.getTime())).size).toBe(1); // due together
    expect(await deliverDueEmails({ now: later(waiting[0]?.nextAttemptAt) })).toMatchObject({
      batches: 1,
      sent: 4,
    });
    expect(fake.requests).toHaveLength(2);
    expectIdenticalRetries();
    expect(new Set(fake.requests.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(fake.deliveries).toHaveLength(4);
    const rows = await load(ids);
    expect(rows.map((m) => m.providerId)).toEqual(fake.deliveries.map((d) => d.id));
    expect(rows.every((m) => m.status === "sent" && m.attempts === 2)).toBe(true);
  });

  it("the gates are checked when a batch forms; a retry of the formed batch resends it unchanged", async () => {
    const ids = await queueEmails(workspaceId, 4);
    const [suppressed, unsubscribes] = (await load(ids)) as [
      Awaited<ReturnType<typeof load>>[number],
      Awaited<ReturnType<typeof load>>[number],
    ];
    await prisma.suppression.create({
      data: { workspaceId, email: suppressed.toAddress as string, reason: "bounce" },
    });
    fake.failNext(1, 503);
    const t0 = new Date();
    expect(await deliverDueEmails({ now: t0, random: () => 0 })).toMatchObject({
      batches: 1,
      skipped: 1,
      retried: 3,
    });
    expect(batchEmails(fake.requests[0] as NonNullable<(typeof fake.requests)[0]>)).toHaveLength(3);
    // A mate unsubscribes while the batch waits for its retry: the retry is still the same request.
    await prisma.profile.update({
      where: { id: unsubscribes.profileId },
      data: { unsubscribedAt: new Date() },
    });
    expect(await deliverDueEmails({ now: later(t0, 1000) })).toMatchObject({ sent: 3 });
    expectIdenticalRetries();
    expect(fake.deliveries).toHaveLength(3);
    expect(await load([suppressed.id, unsubscribes.id])).toMatchObject([
      { status: "skipped" },
      { status: "sent" },
    ]);
  });

  it("a 500, then success: every mate retries together with the same key", async () => {
    const ids = await queueEmails(workspaceId, 3);
    fake.failNext(1, 500);
    const t0 = new Date();
    expect(await deliverDueEmails({ now: t0, random: () => 0 })).toMatchObject({ retried: 3 });
    const waiting = await load(ids);
    // Equal jitter with random 0: half of 2 s after the answer.
    expect(waiting.every((m) => m.nextAttemptAt?.getTime() === t0.getTime() + 1000)).toBe(true);
    expect(waiting.every((m) => m.error === "Injected 500 (500)")).toBe(true);
    expect(await deliverDueEmails({ now: later(t0, 1000) })).toMatchObject({ sent: 3 });
    expect(fake.requests.map((r) => r.status)).toEqual([500, 200]);
    expectIdenticalRetries();
    expect(fake.deliveries).toHaveLength(3);
  });

  it("a 429 on a batch uses no attempt of any mate and waits retry-after from the answer", async () => {
    const ids = await queueEmails(workspaceId, 3);
    fake.failNext(1, 429, { retryAfter: "2" });
    const t0 = new Date();
    expect(await deliverDueEmails({ now: t0, random: () => 0 })).toMatchObject({
      rateLimited: 3,
    });
    const waiting = await load(ids);
    expect(waiting.every((m) => m.attempts === 0 && m.rateLimited === 1)).toBe(true);
    expect(waiting.every((m) => m.nextAttemptAt?.getTime() === t0.getTime() + 2000)).toBe(true);
    expect((await deliverDueEmails({ now: later(t0, 1000) })).claimed).toBe(0);
    expect(await deliverDueEmails({ now: later(t0, 2000) })).toMatchObject({ sent: 3 });
    expectIdenticalRetries();
    expect((await load(ids)).every((m) => m.attempts === 1 && m.status === "sent")).toBe(true);
  });

  it("a 422 batch sent nothing: each mate goes alone under its own key, and only the bad one fails, with its reason", async () => {
    const ids = await queueEmails(workspaceId, 4);
    const bad = [...ids].sort()[1] as string;
    await prisma.message.update({ where: { id: bad }, data: { toAddress: "not-an-address" } });
    expect(await deliverDueEmails()).toMatchObject({ batches: 1, sent: 3, failed: 1 });
    expect(fake.requests.map((r) => [r.path, r.status])).toEqual([
      ["/emails/batch", 422],
      ...Array.from({ length: 4 }, () => expect.arrayContaining(["/emails"])),
    ]);
    const singles = fake.requests.slice(1);
    expect(singles.filter((r) => r.status === 422)).toHaveLength(1);
    const rows = await load(ids);
    for (const row of rows) {
      expect(row.batchKey).toBeNull();
      expect(row.attempts).toBe(1);
      const single = singles.find((r) => JSON.stringify(r.body).includes(row.id));
      expect(single?.idempotencyKey).toBe(`${workspaceId}/${row.idempotencyKey}`);
    }
    const failed = rows.find((m) => m.id === bad);
    expect(failed).toMatchObject({ status: "failed" });
    expect(failed?.error).toMatch(/Invalid `to` field.*\(422\)/);
    expect(rows.filter((m) => m.status === "sent")).toHaveLength(3);
    expect((await eventsOf(bad)).map((e) => e.type)).toContain("unbatched");
    expect(fake.deliveries).toHaveLength(3);
  });

  it("more than 100 fresh emails leave in batches of at most 100", async () => {
    const ids = await queueEmails(workspaceId, 130);
    let summary = await deliverDueEmails({ batchSize: 20 });
    while (summary.claimed > 0) summary = await deliverDueEmails({ batchSize: 20 });
    expect(fake.requests.map((r) => batchEmails(r).length).sort()).toEqual([100, 30].sort());
    expect(new Set(fake.deliveries.map(deliveredMessageId))).toEqual(new Set(ids));
    expect(new Set(fake.deliveries.map(deliveryKey)).size).toBe(130);
  }, 60_000);

  it("a worker killed mid-batch: after its lease, the next claim takes the whole batch and sends the identical request", async () => {
    const ids = await queueEmails(workspaceId, 5);
    // A worker claims, forms the batch, sends it, and dies before recording.
    const t0 = new Date();
    const claimed = await claimDueEmails(t0, 10, LEASE_MS);
    const workspace = await prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    const formed = await formEmailBatches(
      claimed.singles,
      new Map<string, Sender>([[workspaceId, workspace]]),
      t0,
    );
    const [send] = formed.sends;
    if (send?.kind !== "batch") throw new Error("expected one batch");
    const batchKey = send.batch.batchKey;
    expect((await load(ids)).every((m) => m.batchKey === batchKey)).toBe(true);
    const dead = await createResendClient(TEST_RESEND_KEY).batch.send(
      [...send.batch.messages]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((m) => emailRequest(m, workspace).payload),
      { idempotencyKey: batchIdempotencyKey(workspaceId, batchKey) },
    );
    expect(dead.error).toBeNull();
    expect(fake.deliveries).toHaveLength(5);

    // Before the lease ends nobody takes it; a claim of one unit takes all five.
    expect((await claimDueEmails(later(t0, 1000), 1, LEASE_MS)).batches).toHaveLength(0);
    const afterLease = later(t0, LEASE_MS + 1);
    const [a, b] = await Promise.all([
      claimDueEmails(afterLease, 1, LEASE_MS),
      claimDueEmails(afterLease, 1, LEASE_MS),
    ]);
    const taken = [...a.batches, ...b.batches];
    expect(taken).toHaveLength(1);
    expect(taken[0]?.messages.map((m) => m.id).sort()).toEqual([...ids].sort());
    expect([...a.singles, ...b.singles]).toHaveLength(0);

    // That claimer dies too; the next worker sends it: the same request, answered with the same ids.
    expect(await deliverDueEmails({ now: later(afterLease, LEASE_MS + 1) })).toMatchObject({
      batches: 1,
      sent: 5,
    });
    expect(fake.requests).toHaveLength(2);
    expectIdenticalRetries();
    expect(fake.deliveries).toHaveLength(5);
    const rows = await load(ids);
    expect(rows.map((m) => m.providerId)).toEqual(
      (dead.data?.data ?? []).map((d: { id: string }) => d.id),
    );
    expect(rows.every((m) => m.status === "sent" && m.attempts === 3)).toBe(true);
  });

  it("re-drive: a failed batch goes back whole with its key, inside the key's lifetime; after it, alone with a new key", async () => {
    const ids = await queueEmails(workspaceId, 3);
    fake.failNext(1, 409, { name: "invalid_idempotent_request", message: "Different payload." });
    expect(await deliverDueEmails()).toMatchObject({ failed: 3 });
    const failed = await load(ids);
    const batchKey = failed[0]?.batchKey;
    expect(batchKey).toBeTruthy();
    expect(failed.every((m) => m.status === "failed" && m.batchKey === batchKey)).toBe(true);

    // Asking for one brings its mates: the batch is resent as it was.
    const one = await redriveFailedEmails(workspaceId, { ids: [ids[0] as string] });
    expect(new Set(one.requeued)).toEqual(new Set(ids));
    expect(await deliverDueEmails()).toMatchObject({ batches: 1, sent: 3 });
    expect(fake.requests).toHaveLength(2);
    expectIdenticalRetries();
    expect(fake.deliveries).toHaveLength(3);

    // Outside the key's lifetime: the asked one goes alone, under a new key.
    fake.reset();
    const more = await queueEmails(workspaceId, 2);
    fake.failNext(1, 409, { name: "invalid_idempotent_request", message: "Different payload." });
    expect(await deliverDueEmails()).toMatchObject({ failed: 2 });
    await prisma.message.updateMany({
      where: { id: { in: more } },
      data: { firstAttemptAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    const [first] = more as [string, string];
    const expired = await redriveFailedEmails(workspaceId, { ids: [first], newKey: true });
    expect(expired).toMatchObject({ requeued: [], newKeys: [first] });
    expect(await load([first])).toMatchObject([{ batchKey: null, keyGeneration: 1 }]);
    expect(await deliverDueEmails()).toMatchObject({ sent: 1 });
    const last = fake.requests.at(-1);
    expect(last?.path).toBe("/emails");
    expect(last?.idempotencyKey).toMatch(/#1$/);
  });

  it("the fake's batch endpoint: over 100 emails, an attachment or a bad address is a 422 and sends nothing; a reused key with another body is a 409", async () => {
    const client = createResendClient(TEST_RESEND_KEY);
    const email = (to: string) => ({
      from: "Cue <hi@cue.test>",
      to: [to],
      subject: "Hi",
      text: "Hi",
    });
    const many = Array.from({ length: 101 }, (_, i) => email(`u${i}@x.test`));
    expect((await client.batch.send(many)).error?.statusCode).toBe(422);
    expect(
      (
        await client.batch.send([
          email("a@x.test"),
          { ...email("b@x.test"), attachments: [{ filename: "a.txt", content: "a" }] },
        ] as never)
      ).error?.statusCode,
    ).toBe(422);
    expect((await client.batch.send([email("a@x.test"), email("nope")])).error?.statusCode).toBe(
      422,
    );
    expect(fake.deliveries).toHaveLength(0);
    const first = await client.batch.send([email("a@x.test"), email("b@x.test")], {
      idempotencyKey: "k1",
    });
    const again = await client.batch.send([email("a@x.test"), email("b@x.test")], {
      idempotencyKey: "k1",
    });
    expect(again.data).toEqual(first.data);
    expect(fake.deliveries).toHaveLength(2);
    const other = await client.batch.send([email("a@x.test")], { idempotencyKey: "k1" });
    expect(other.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    expect(fake.requests).toHaveLength(6);
  });

  it("the fake counts the most requests in flight at once", async () => {
    const client = createResendClient(TEST_RESEND_KEY);
    const email = (to: string) => ({
      from: "Cue <hi@cue.test>",
      to: [to],
      subject: "Hi",
      text: "Hi",
    });
    expect(fake.maxInFlight).toBe(0);
    await client.emails.send(email("a@x.test"));
    await client.emails.send(email("b@x.test"));
    expect(fake.maxInFlight).toBe(1);
    fake.slowNext(3, 300);
    await Promise.all(["c", "d", "e"].map((u) => client.emails.send(email(`${u}@x.test`))));
    expect(fake.maxInFlight).toBe(3);
    fake.reset();
    expect(fake.maxInFlight).toBe(0);
  });
});
