import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as inboxActionRoute } from "@/app/api/v1/inbox/[id]/[action]/route";
import { POST as resendWebhook } from "@/app/api/webhooks/resend/route";
import { deliverDueEmails } from "@/lib/channels/email/deliver-due-emails";
import { prisma } from "@/lib/db/client";
import { delayNode, lineJourney } from "@/lib/journey-core/test-fixtures";
import { eraseProfile } from "@/lib/profiles/erase-profile";
import { webhookDeliveryTask } from "@/lib/webhooks/deliver-webhooks";
import { startWorker } from "@/lib/worker/run-worker";
import {
  advanceTo,
  FakeClock,
  publishDefinition,
  send,
  setRules,
  track,
} from "@/test/engine/engine-fixtures";
import { fakeResendForFile } from "@/test/fakes/fake-resend";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/fakes/webhook-receiver";
import {
  createChannelWorkspace,
  createProfile,
  emailContent,
  enqueue,
  svixHeaders,
  TEST_WEBHOOK_SECRET,
} from "@/test/fixtures/channels";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { createInboxUser, deliver, hashHeaders, post } from "@/test/inbox/inbox-fixtures";
import { createEndpoint, ctx, deliverAll } from "./webhook-fixtures";

// Each event family reaches a real receiver from the code path that produces
// it (email delivery, an inbox action, the journey engine), signed so that
// the `standardwebhooks` library verifies it. The outbox row is written by
// the change's own transaction.

const fake = fakeResendForFile();
let receiver: WebhookReceiver;
const savedAllow = process.env.CUE_WEBHOOKS_ALLOW_PRIVATE;
const savedResendSecret = process.env.RESEND_WEBHOOK_SECRET;

beforeAll(async () => {
  process.env.CUE_WEBHOOKS_ALLOW_PRIVATE = "1";
  process.env.RESEND_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  if (savedResendSecret === undefined) delete process.env.RESEND_WEBHOOK_SECRET;
  else process.env.RESEND_WEBHOOK_SECRET = savedResendSecret;
  if (savedAllow === undefined) delete process.env.CUE_WEBHOOKS_ALLOW_PRIVATE;
  else process.env.CUE_WEBHOOKS_ALLOW_PRIVATE = savedAllow;
});
beforeEach(() => {
  receiver.reset();
  fake.reset();
});

// One round delivers concurrently, so arrival order is not promised (nor is it by Svix).
const types = () => receiver.received.map((r) => r.payload.type).sort();
const ofType = (type: string) => {
  const found = receiver.received.find((r) => r.payload.type === type);
  if (!found) throw new Error(`no ${type} received`);
  return found;
};

describe("message lifecycle", () => {
  it("an email queued and sent reaches the endpoint as message.queued then message.sent", async () => {
    const ws = await createChannelWorkspace({ name: "Email hooks" });
    const { secret } = await createEndpoint(ws, receiver.url, ["message.queued", "message.sent"]);
    const profile = await createProfile(ws.workspaceId, { userId: "ada" });
    const { messageId } = await enqueue({
      workspaceId: ws.workspaceId,
      profileId: profile.id,
      content: emailContent(),
    });
    expect(await deliverDueEmails()).toMatchObject({ sent: 1 });

    await deliverAll();
    expect(types()).toEqual(["message.queued", "message.sent"]);
    const sent = ofType("message.sent");
    expect(receiver.verifies(sent, secret)).toBe(true);
    expect(receiver.verifies(sent, "whsec_c29tZXRoaW5nIGVsc2UgZW50aXJlbHkgaGVyZQ==")).toBe(false);
    expect(sent.headers["webhook-id"]).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(sent.payload).toMatchObject({
      type: "message.sent",
      data: {
        messageId,
        channel: "email",
        userId: "ada",
        profileId: profile.id,
        to: "ada@example.com",
      },
    });
    expect(Date.parse(sent.payload.timestamp)).not.toBeNaN();
  });

  it("Resend's delivered, opened, clicked and bounced reach the endpoint as message.* events", async () => {
    const ws = await createChannelWorkspace({ name: "Resend hooks" });
    const { secret } = await createEndpoint(ws, receiver.url, [
      "message.delivered",
      "message.opened",
      "message.clicked",
      "message.bounced",
    ]);
    const profile = await createProfile(ws.workspaceId, { userId: "dee" });
    const { messageId } = await enqueue({
      workspaceId: ws.workspaceId,
      profileId: profile.id,
      content: emailContent(),
    });
    await deliverDueEmails();
    const message = await prisma.message.findUniqueOrThrow({ where: { id: messageId } });
    const resendEvent = (type: string, data: Record<string, unknown> = {}) => {
      const payload = JSON.stringify({
        type,
        created_at: new Date().toISOString(),
        data: {
          email_id: message.providerId,
          to: [message.toAddress],
          tags: { cue_message_id: message.id },
          ...data,
        },
      });
      return resendWebhook(
        new Request("http://cue.test/api/webhooks/resend", {
          method: "POST",
          body: payload,
          headers: svixHeaders(payload),
        }),
      );
    };
    for (const [type, data] of [
      ["email.delivered", {}],
      ["email.opened", {}],
      ["email.clicked", { click: { link: "https://acme.test/pricing" } }],
      ["email.bounced", { bounce: { type: "Permanent", message: "No such user" } }],
    ] as const) {
      expect((await resendEvent(type, data)).status).toBe(200);
    }

    await deliverAll();
    expect(types()).toEqual([
      "message.bounced",
      "message.clicked",
      "message.delivered",
      "message.opened",
    ]);
    expect(receiver.received.every((r) => receiver.verifies(r, secret))).toBe(true);
    expect(ofType("message.bounced").payload.data).toMatchObject({
      messageId,
      userId: "dee",
      status: "bounced",
      error: "Bounced: No such user",
    });
    expect(ofType("message.clicked").payload.data).toMatchObject({ messageId, channel: "email" });
  });

  it("erasing a profile deletes the webhook deliveries about it, attempts included", async () => {
    const ws = await createChannelWorkspace({ name: "Erase hooks" });
    await createEndpoint(ws, receiver.url, ["message.queued"]);
    const gone = await createProfile(ws.workspaceId);
    const kept = await createProfile(ws.workspaceId);
    for (const profile of [gone, kept]) {
      await enqueue({
        workspaceId: ws.workspaceId,
        profileId: profile.id,
        content: emailContent(),
      });
    }
    await deliverAll();
    expect(await prisma.webhookAttempt.count({ where: { workspaceId: ws.workspaceId } })).toBe(2);

    await eraseProfile({ workspaceId: ws.workspaceId, profileId: gone.id });
    const left = await prisma.webhookMessage.findMany({ where: { workspaceId: ws.workspaceId } });
    expect(left.map((m) => m.profileId)).toEqual([kept.id]);
    expect(await prisma.webhookAttempt.count({ where: { workspaceId: ws.workspaceId } })).toBe(1);
  });

  it("writes nothing for a workspace without endpoints, or for unsubscribed types", async () => {
    const ws = await createChannelWorkspace({ name: "No hooks" });
    const profile = await createProfile(ws.workspaceId);
    await enqueue({ workspaceId: ws.workspaceId, profileId: profile.id, content: emailContent() });
    expect(await prisma.webhookMessage.count({ where: { workspaceId: ws.workspaceId } })).toBe(0);

    const other = await createChannelWorkspace({ name: "Only failures" });
    await createEndpoint(other, receiver.url, ["message.failed"]);
    const p2 = await createProfile(other.workspaceId);
    await enqueue({ workspaceId: other.workspaceId, profileId: p2.id, content: emailContent() });
    expect(await prisma.webhookMessage.count({ where: { workspaceId: other.workspaceId } })).toBe(
      0,
    );
  });
});

describe("the running worker", () => {
  it("is woken by the trigger's NOTIFY and delivers at once, long before its poll interval", async () => {
    const ws = await createChannelWorkspace({ name: "Woken" });
    await createEndpoint(ws, receiver.url, ["message.queued"]);
    const worker = startWorker({ tasks: [webhookDeliveryTask()], pollIntervalMs: 60_000 });
    await worker.ready;
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // the first round finds nothing and sleeps
      const profile = await createProfile(ws.workspaceId);
      await enqueue({
        workspaceId: ws.workspaceId,
        profileId: profile.id,
        content: emailContent(),
      });
      await expect.poll(() => receiver.received.length, { timeout: 5_000, interval: 50 }).toBe(1);
      expect(types()).toEqual(["message.queued"]);
    } finally {
      await worker.stop();
    }
  });
});

describe("inbox actions", () => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await createTestWorkspace("Inbox hooks");
  });

  it("reading an inbox item sends inbox.read with the item, message and user", async () => {
    const { secret } = await createEndpoint(ws, receiver.url, ["inbox.read", "inbox.archived"]);
    const profileId = await createInboxUser(ws, "bob");
    const item = await deliver(ws, profileId, { title: "Hello Bob" });
    const response = await inboxActionRoute(
      post(`/api/v1/inbox/${item.inboxItemId}/read`, undefined, hashHeaders(ws, "bob")),
      ctx({ id: item.inboxItemId, action: "read" }),
    );
    expect(response.status).toBe(200);
    // Reading again changes nothing and sends nothing.
    await inboxActionRoute(
      post(`/api/v1/inbox/${item.inboxItemId}/read`, undefined, hashHeaders(ws, "bob")),
      ctx({ id: item.inboxItemId, action: "read" }),
    );

    await deliverAll();
    expect(types()).toEqual(["inbox.read"]);
    expect(receiver.verifies(receiver.received[0], secret)).toBe(true);
    expect(receiver.received[0].payload.data).toMatchObject({
      inboxItemId: item.inboxItemId,
      messageId: item.messageId,
      userId: "bob",
      channel: "in_app",
      title: "Hello Bob",
    });
  });
});

describe("journey events", () => {
  it("a run entering, converting and ending sends journey.entered, journey.converted, journey.exited", async () => {
    const ws = await createTestWorkspace("Journey hooks");
    await setRules(ws.workspaceId, {});
    const journeyId = await publishDefinition(
      ws.workspaceId,
      "Cart",
      lineJourney("Cart Abandoned", [delayNode("wait", 24)], {
        goal: { event: "Purchased", within: { amount: 7, unit: "days" } },
      }),
    );
    await createEndpoint(ws, receiver.url, [
      "journey.entered",
      "journey.converted",
      "journey.exited",
    ]);
    const clock = new FakeClock("2026-01-05T10:00:00Z");
    await send(clock, ws.workspaceId, [track("carl", "Cart Abandoned")]);
    clock.advance(3_600_000);
    await send(clock, ws.workspaceId, [track("carl", "Purchased")]);
    await advanceTo(clock, "2026-01-07T10:00:00Z");

    await deliverAll();
    expect(types()).toEqual(["journey.converted", "journey.entered", "journey.exited"]);
    const [entered, converted, exited] = [
      "journey.entered",
      "journey.converted",
      "journey.exited",
    ].map((type) => ofType(type).payload);
    expect(entered).toMatchObject({
      timestamp: "2026-01-05T10:00:00.000Z",
      data: { journeyId, userId: "carl" },
    });
    expect(converted).toMatchObject({
      timestamp: "2026-01-05T11:00:00.000Z",
      data: { journeyId, runId: entered.data.runId },
    });
    expect(exited.data).toMatchObject({ runId: entered.data.runId, status: "converted" });
  });
});
