import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMessage } from "@/app/api/v1/messages/[id]/route";
import { POST as sendMessage } from "@/app/api/v1/messages/route";
import { GET as listMessages } from "@/app/api/v1/profiles/[userId]/messages/route";
import { POST as resendWebhook } from "@/app/api/webhooks/resend/route";
import { deliverDueEmails } from "@/lib/channels/email/deliver-due-emails";
import { prisma } from "@/lib/db/client";
import { updateInboxItem } from "@/lib/inbox/update-inbox-state";
import { fakeResendForFile } from "@/test/fakes/fake-resend";
import {
  createChannelWorkspace,
  createProfile,
  emailContent,
  enqueue,
  inAppContent,
  svixHeaders,
  TEST_WEBHOOK_SECRET,
} from "@/test/fixtures/channels";
import { createRevokedSecretKey } from "@/test/fixtures/revoked-secret-key";
import type { TestWorkspace } from "@/test/fixtures/workspace";
import { apiRequest, ctx } from "@/test/webhooks/webhook-fixtures";

// What became of a message, with the secret key: GET /api/v1/messages/{id}
// (status, lifecycle times, provider id, error, timeline) and a profile's
// messages, newest first, with a stable opaque cursor.

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
type Body = any;

let ws: TestWorkspace;
let other: TestWorkspace;
const fake = fakeResendForFile();
const savedSecret = process.env.RESEND_WEBHOOK_SECRET;

beforeAll(async () => {
  process.env.RESEND_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
  ws = await createChannelWorkspace({ name: "Status API" });
  other = await createChannelWorkspace({ name: "Other tenant" });
});
afterAll(() => {
  process.env.RESEND_WEBHOOK_SECRET = savedSecret;
});

async function send(body: unknown, key = ws.secretKey): Promise<Body> {
  const response = await sendMessage(
    apiRequest("/api/v1/messages", key, { method: "POST", body }),
    ctx({}),
  );
  expect(response.status).toBe(202);
  return response.json();
}

async function get(id: string, key = ws.secretKey): Promise<{ status: number; body: Body }> {
  const response = await getMessage(apiRequest(`/api/v1/messages/${id}`, key), ctx({ id }));
  return { status: response.status, body: await response.json() };
}

async function list(
  userId: string,
  query = "",
  key = ws.secretKey,
): Promise<{ status: number; body: Body }> {
  const response = await listMessages(
    apiRequest(`/api/v1/profiles/${encodeURIComponent(userId)}/messages${query}`, key),
    ctx({ userId }),
  );
  return { status: response.status, body: await response.json() };
}

function resendEvent(type: string, message: { id: string; providerId: string | null }) {
  const payload = JSON.stringify({
    type,
    created_at: new Date().toISOString(),
    data: {
      email_id: message.providerId,
      created_at: new Date().toISOString(),
      tags: { cue_message_id: message.id },
    },
  });
  return resendWebhook(
    new Request("http://cue.test/api/webhooks/resend", {
      method: "POST",
      body: payload,
      headers: svixHeaders(payload),
    }),
  );
}

describe("GET /api/v1/messages/{id}", () => {
  it("follows an email from queued to sent, delivered and opened, with the provider's id", async () => {
    const profile = await createProfile(ws.workspaceId, { userId: "ada" });
    const sent = await send({
      userId: "ada",
      idempotencyKey: `welcome-${randomUUID()}`,
      content: emailContent({ subject: "Welcome, Ada" }),
    });
    const queued = await get(sent.messageId);
    expect(queued.status).toBe(200);
    expect(queued.body.message).toMatchObject({
      id: sent.messageId,
      channel: "email",
      status: "queued",
      source: "api",
      userId: "ada",
      profileId: profile.id,
      to: "ada@example.com",
      subject: "Welcome, Ada",
      providerId: null,
      error: null,
      lifecycle: { sentAt: null, deliveredAt: null, openedAt: null },
    });
    expect(queued.body.message.lifecycle.queuedAt).toBe(queued.body.message.createdAt);
    expect(queued.body.message.events.map((e: Body) => e.type)).toEqual(["queued"]);

    await deliverDueEmails();
    const accepted = fake.deliveries.at(-1);
    const row = await prisma.message.findUniqueOrThrow({ where: { id: sent.messageId } });
    expect(row.providerId).toBe(accepted?.id);
    expect((await resendEvent("email.delivered", row)).status).toBe(200);
    expect((await resendEvent("email.opened", row)).status).toBe(200);

    const { body } = await get(sent.messageId);
    const message = body.message;
    expect(message).toMatchObject({
      status: "opened",
      providerId: accepted?.id,
      attempts: 1,
      rendered: { channel: "email", email: { subject: "Welcome, Ada" } },
    });
    expect(message.lifecycle.sentAt).toBe(row.sentAt?.toISOString());
    for (const step of ["deliveredAt", "openedAt"]) {
      expect(Date.parse(message.lifecycle[step])).toBeGreaterThanOrEqual(
        Date.parse(message.lifecycle.sentAt),
      );
    }
    expect(message.lifecycle).toMatchObject({ clickedAt: null, bouncedAt: null, failedAt: null });
    expect(message.events.map((e: Body) => e.type)).toEqual([
      "queued",
      "sent",
      "delivered",
      "opened",
    ]);
    // The admin's own fields (lease, key generation) are not part of the public view.
    expect(Object.keys(message)).not.toContain("leaseId");
  });

  it("shows an in-app item's seen and read times, and a skipped email's reason", async () => {
    await createProfile(ws.workspaceId, { userId: "grace" });
    const sent = await send({
      userId: "grace",
      idempotencyKey: `card-${randomUUID()}`,
      content: inAppContent({ title: "Hi" }),
    });
    const item = await prisma.inboxItem.findFirstOrThrow({ where: { messageId: sent.messageId } });
    const profile = await prisma.profile.findFirstOrThrow({
      where: { workspaceId: ws.workspaceId, userId: "grace" },
    });
    await updateInboxItem({
      workspaceId: ws.workspaceId,
      profileId: profile.id,
      userId: "grace",
      id: item.id,
      action: "read",
    });
    const { body } = await get(sent.messageId);
    expect(body.message).toMatchObject({ channel: "in_app", status: "read", to: null });
    // Put in the inbox as it was created: never "sent" before "queued".
    expect(body.message.lifecycle.sentAt).toBe(body.message.lifecycle.queuedAt);
    expect(body.message.lifecycle.seenAt).not.toBeNull();
    expect(body.message.lifecycle.readAt).not.toBeNull();
    expect(body.message.rendered).toMatchObject({ channel: "in_app", inApp: { title: "Hi" } });

    await createProfile(ws.workspaceId, { userId: "gone", unsubscribed: true });
    const skipped = await send({
      userId: "gone",
      idempotencyKey: `news-${randomUUID()}`,
      content: emailContent(),
    });
    const answer = await get(skipped.messageId);
    expect(answer.body.message.status).toBe("skipped");
    expect(answer.body.message.error).toMatch(/unsubscribed/i);
    expect(answer.body.message.lifecycle.skippedAt).toBe(answer.body.message.createdAt);
  });

  it("is a 404 for another workspace's message and an unknown id; 401 without a valid key", async () => {
    const theirs = await createProfile(other.workspaceId, { userId: "ada" });
    const { messageId } = await enqueue({
      workspaceId: other.workspaceId,
      profileId: theirs.id,
      content: inAppContent(),
    });
    const cross = await get(messageId);
    expect(cross.status).toBe(404);
    expect(cross.body.error.code).toBe("not_found");
    expect((await get(messageId, other.secretKey)).status).toBe(200);
    expect((await get("does-not-exist")).status).toBe(404);

    expect((await get(messageId, "sk_wrong")).status).toBe(401);
    // The write key is not a secret key, and neither is a revoked key.
    expect((await get(messageId, other.writeKey)).status).toBe(401);
    const rotated = await createRevokedSecretKey();
    const mine = await createProfile(rotated.workspaceId);
    const { messageId: rotatedMessage } = await enqueue({
      workspaceId: rotated.workspaceId,
      profileId: mine.id,
      content: inAppContent(),
    });
    expect((await get(rotatedMessage, rotated.current)).status).toBe(200);
    const revoked = await get(rotatedMessage, rotated.revoked);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe("unauthorized");
    const bare = await getMessage(
      new Request(`http://cue.test/api/v1/messages/${messageId}`),
      ctx({ id: messageId }),
    );
    expect(bare.status).toBe(401);
  });
});

describe("GET /api/v1/profiles/{userId}/messages", () => {
  it("pages through a profile's messages newest first with an opaque cursor, stable while new ones arrive", async () => {
    const profile = await createProfile(ws.workspaceId, { userId: "pager" });
    const base = Date.parse("2026-11-01T00:00:00Z");
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const { messageId } = await enqueue({
        workspaceId: ws.workspaceId,
        profileId: profile.id,
        content: i % 2 ? emailContent() : inAppContent(),
        // Two share a time, so the cursor's tie-break on id is exercised.
        now: new Date(base + Math.min(i, 5) * 60_000),
      });
      ids.push(messageId);
    }
    // Someone else's messages never show.
    const stranger = await createProfile(ws.workspaceId, { userId: "stranger" });
    await enqueue({ workspaceId: ws.workspaceId, profileId: stranger.id, content: inAppContent() });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list("pager", `?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      expect(page.body.messages.length).toBeLessThanOrEqual(3);
      for (const m of page.body.messages) {
        expect(m).toMatchObject({ userId: "pager", profileId: profile.id });
        expect(m.lifecycle.queuedAt).toBe(m.createdAt);
        expect(m.events).toBeUndefined();
        expect(m.rendered).toBeUndefined();
        seen.push(m.id);
      }
      cursor = page.body.nextCursor;
      if (pages === 0) {
        // A message arriving mid-pagination is newer than the cursor: no repeat, no skip.
        await enqueue({
          workspaceId: ws.workspaceId,
          profileId: profile.id,
          content: inAppContent(),
        });
        expect(cursor).not.toContain(ids[0]); // opaque, not the bare id
      }
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    expect(seen.sort()).toEqual([...ids].sort());

    const times = (await list("pager", "?limit=100")).body.messages.map((m: Body) =>
      Date.parse(m.createdAt),
    );
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("filters by channel and status, and carries each message's lifecycle", async () => {
    const profile = await createProfile(ws.workspaceId, { userId: "filters" });
    await enqueue({ workspaceId: ws.workspaceId, profileId: profile.id, content: inAppContent() });
    await enqueue({ workspaceId: ws.workspaceId, profileId: profile.id, content: emailContent() });
    await deliverDueEmails();
    const email = await list("filters", "?channel=email");
    expect(email.body.messages).toHaveLength(1);
    expect(email.body.messages[0]).toMatchObject({ channel: "email", status: "sent" });
    expect(email.body.messages[0].lifecycle.sentAt).not.toBeNull();
    expect(email.body.messages[0].providerId).toEqual(expect.any(String));
    const inApp = await list("filters", "?status=sent,delivered&channel=in_app");
    expect(inApp.body.messages.map((m: Body) => m.channel)).toEqual(["in_app"]);
    expect((await list("filters", "?status=bounced")).body.messages).toEqual([]);
  });

  it.each([
    ["?limit=0", "limit"],
    ["?limit=101", "limit"],
    ["?limit=ten", "limit"],
    ["?cursor=not-a-cursor", "cursor"],
    [`?cursor=${Buffer.from("yesterday|x").toString("base64url")}`, "cursor"],
    ["?channel=sms", "channel"],
    ["?status=lost", "status.0"],
    ["?page=2", "(root)"],
  ])("refuses %s naming %s", async (query, field) => {
    const profile = await createProfile(ws.workspaceId);
    const { status, body } = await list(profile.userId, query);
    expect(status).toBe(422);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.issues.map((i: Body) => i.field)).toContain(field);
  });

  it("is a 404 for an unknown user or another workspace's user; 401 with a bad key", async () => {
    await createProfile(other.workspaceId, { userId: "only-there" });
    expect((await list("only-there")).status).toBe(404);
    expect((await list("only-there", "", other.secretKey)).status).toBe(200);
    expect((await list("nobody")).status).toBe(404);
    expect((await list("only-there", "", "sk_nope")).status).toBe(401);
  });
});
