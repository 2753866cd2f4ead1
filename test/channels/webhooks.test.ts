import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as webhook } from "@/app/api/webhooks/resend/route";
import { deliverDueEmails } from "@/lib/channels/email/deliver-due-emails";
import { prisma } from "@/lib/db/client";
import { fakeResendForFile } from "@/test/fakes/fake-resend";
import {
  createChannelWorkspace,
  createProfile,
  emailContent,
  enqueue,
  svixHeaders,
  TEST_WEBHOOK_SECRET,
} from "@/test/fixtures/channels";

// POST /api/webhooks/resend through the route handler, signed the way Svix
// signs (v1,base64(HMAC-SHA256(secret, id.timestamp.body)))

let ws: string;
const fake = fakeResendForFile();
const savedSecret = process.env.RESEND_WEBHOOK_SECRET;

beforeAll(async () => {
  process.env.RESEND_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
  ws = (await createChannelWorkspace({ name: "Hooks" })).workspaceId;
});
afterAll(async () => {
  process.env.RESEND_WEBHOOK_SECRET = savedSecret;
});

/** A sent email (through the worker and the fake), ready to receive events. */
async function sentEmail(options: { email?: string; transactional?: boolean } = {}) {
  const profile = await createProfile(ws, { email: options.email });
  const queued = await enqueue({
    workspaceId: ws,
    profileId: profile.id,
    content: emailContent({ transactional: options.transactional ?? false }),
  });
  await deliverDueEmails();
  const message = await prisma.message.findUniqueOrThrow({ where: { id: queued.messageId } });
  expect(message.status).toBe("sent");
  return { message, profile };
}

function event(
  type: string,
  message: { id: string; providerId: string | null; toAddress: string | null },
  data: Record<string, unknown> = {},
) {
  return JSON.stringify({
    type,
    created_at: new Date().toISOString(),
    data: {
      email_id: message.providerId,
      to: [message.toAddress],
      from: "Cue <onboarding@resend.dev>",
      subject: "Hello",
      created_at: new Date().toISOString(),
      tags: { cue_message_id: message.id },
      ...data,
    },
  });
}

const post = (payload: string, headers: Record<string, string>) =>
  webhook(
    new Request("http://cue.test/api/webhooks/resend", { method: "POST", body: payload, headers }),
  );

const snapshot = async (messageId: string) => ({
  message: await prisma.message.findUniqueOrThrow({ where: { id: messageId } }),
  events: await prisma.messageEvent.count({ where: { messageId } }),
  suppressions: await prisma.suppression.count({ where: { workspaceId: ws } }),
  receipts: await prisma.webhookReceipt.count(),
});

describe("Resend webhooks", () => {
  it("a valid delivered event updates the status and the timeline", async () => {
    const { message } = await sentEmail();
    const payload = event("email.delivered", message);
    const ok = await post(payload, svixHeaders(payload));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      ok: true,
      outcome: "processed",
      status: "delivered",
      messageId: message.id,
    });
    const events = await prisma.messageEvent.findMany({
      where: { messageId: message.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual(["queued", "sent", "delivered"]);
    expect(await prisma.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "delivered",
    });
  });

  it("an invalid signature gets 401 and changes nothing", async () => {
    const { message } = await sentEmail();
    const payload = event("email.complained", message);
    const before = await snapshot(message.id);
    for (const headers of [
      svixHeaders(payload, { secret: `whsec_${Buffer.from("another secret").toString("base64")}` }),
      { ...svixHeaders(payload), "svix-signature": "v1,bm90IGEgc2lnbmF0dXJl" },
      { "content-type": "application/json" },
    ]) {
      const response = await post(payload, headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
    }
    // A valid signature over a different body does not carry over to a tampered one.
    const tampered = await post(
      payload.replace("email.complained", "email.delivered"),
      svixHeaders(payload),
    );
    expect(tampered.status).toBe(401);
    expect(await snapshot(message.id)).toEqual(before);
  });

  it("a replay with the same svix-id is acknowledged once and changes nothing", async () => {
    const { message } = await sentEmail();
    const payload = event("email.opened", message);
    const headers = svixHeaders(payload, { id: `msg_${randomUUID()}` });
    expect((await post(payload, headers)).status).toBe(200);
    const after = await snapshot(message.id);
    const replay = await post(payload, headers);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ ok: true, outcome: "duplicate" });
    expect(await snapshot(message.id)).toEqual(after);
  });

  it("a replay outside the timestamp tolerance gets 401 and changes nothing", async () => {
    const { message } = await sentEmail();
    const payload = event("email.bounced", message, {
      bounce: { type: "Permanent", subType: "General", message: "No such user" },
    });
    const before = await snapshot(message.id);
    const stale = svixHeaders(payload, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect((await post(payload, stale)).status).toBe(401);
    const future = svixHeaders(payload, { timestamp: Math.floor(Date.now() / 1000) + 10 * 60 });
    expect((await post(payload, future)).status).toBe(401);
    expect(await snapshot(message.id)).toEqual(before);
  });

  it("an unknown event type is acknowledged and ignored", async () => {
    const { message } = await sentEmail();
    const before = await snapshot(message.id);
    for (const payload of [
      event("email.teleported", message),
      JSON.stringify({
        type: "contact.created",
        created_at: new Date().toISOString(),
        data: { id: "c1" },
      }),
      JSON.stringify({ type: "__proto__", data: null }),
      JSON.stringify(["not", "an", "event"]),
    ]) {
      const response = await post(payload, svixHeaders(payload));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ok: true, outcome: "ignored" });
    }
    const after = await snapshot(message.id);
    expect({ ...after, receipts: before.receipts }).toEqual(before);
  });

  it("status never goes backwards, but every event is recorded", async () => {
    const { message } = await sentEmail();
    for (const type of [
      "email.clicked",
      "email.opened",
      "email.delivered",
      "email.delivery_delayed",
    ]) {
      const payload = event(
        type,
        message,
        type === "email.clicked" ? { click: { link: "https://x.test" } } : {},
      );
      expect((await post(payload, svixHeaders(payload))).status).toBe(200);
    }
    const row = await prisma.message.findUniqueOrThrow({
      where: { id: message.id },
      include: { events: { orderBy: { id: "asc" } } },
    });
    expect(row.status).toBe("clicked");
    expect(row.events.map((e) => e.type)).toEqual([
      "queued",
      "sent",
      "clicked",
      "opened",
      "delivered",
      "delivery_delayed",
    ]);
    expect(row.events[2]?.data).toMatchObject({ click: { link: "https://x.test" } });
  });

  it("a hard bounce suppresses the address and the next email to it is skipped", async () => {
    const email = `bounce-${randomUUID().slice(0, 8)}@example.com`;
    const { message, profile } = await sentEmail({ email });
    const payload = event("email.bounced", message, {
      bounce: { type: "Permanent", subType: "General", message: "No such user" },
    });
    expect((await post(payload, svixHeaders(payload))).status).toBe(200);
    expect(await prisma.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "bounced",
      error: "Bounced: No such user",
    });
    expect(
      await prisma.suppression.findUnique({
        where: { workspaceId_email: { workspaceId: ws, email } },
      }),
    ).toMatchObject({
      reason: "hard_bounce",
    });

    fake.reset();
    const next = await enqueue({
      workspaceId: ws,
      profileId: profile.id,
      content: emailContent({ transactional: true }),
    });
    expect(next).toMatchObject({
      status: "skipped",
      error: `${email} is on the suppression list.`,
    });
    await deliverDueEmails();
    expect(fake.requests).toHaveLength(0);
  });

  it("a complaint suppresses the address; a soft bounce does not", async () => {
    const complainer = await sentEmail();
    const soft = await sentEmail();
    const complaint = event("email.complained", complainer.message);
    const transient = event("email.bounced", soft.message, {
      bounce: { type: "Transient", subType: "MailboxFull", message: "Full" },
    });
    expect((await post(complaint, svixHeaders(complaint))).status).toBe(200);
    expect((await post(transient, svixHeaders(transient))).status).toBe(200);
    const reasons = await prisma.suppression.findMany({
      where: {
        workspaceId: ws,
        email: { in: [complainer.message.toAddress as string, soft.message.toAddress as string] },
      },
    });
    expect(reasons.map((s) => [s.email, s.reason])).toEqual([
      [complainer.message.toAddress, "complaint"],
    ]);
    const next = await enqueue({
      workspaceId: ws,
      profileId: complainer.profile.id,
      content: emailContent(),
    });
    expect(next.status).toBe("skipped");
  });

  it("finds the message by its tag even before the worker recorded the send", async () => {
    const profile = await createProfile(ws);
    const queued = await enqueue({
      workspaceId: ws,
      profileId: profile.id,
      content: emailContent(),
    });
    // The worker has the row leased and Resend already sent it.
    await prisma.message.update({
      where: { id: queued.messageId },
      data: { status: "sending", attempts: 1 },
    });
    const payload = event("email.delivered", {
      id: queued.messageId,
      providerId: "re_early",
      toAddress: "x@example.com",
    });
    expect(await (await post(payload, svixHeaders(payload))).json()).toMatchObject({
      outcome: "processed",
      status: "delivered",
    });
    expect(
      await prisma.message.findUniqueOrThrow({ where: { id: queued.messageId } }),
    ).toMatchObject({
      status: "delivered",
      providerId: "re_early",
    });
  });

  it("an event for an email Cue did not send is acknowledged and ignored", async () => {
    const payload = JSON.stringify({
      type: "email.delivered",
      created_at: new Date().toISOString(),
      data: { email_id: "re_other_system" },
    });
    expect(await (await post(payload, svixHeaders(payload))).json()).toMatchObject({
      outcome: "ignored",
    });
  });

  it("without RESEND_WEBHOOK_SECRET the endpoint refuses everything", async () => {
    const { message } = await sentEmail();
    const before = await snapshot(message.id);
    delete process.env.RESEND_WEBHOOK_SECRET;
    try {
      const payload = event("email.delivered", message);
      const response = await post(payload, svixHeaders(payload));
      expect(response.status).toBe(503);
    } finally {
      process.env.RESEND_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
    }
    expect(await snapshot(message.id)).toEqual(before);
  });
});
