import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as send } from "@/app/api/v1/messages/route";
import { prisma } from "@/lib/db/client";
import { createTopic } from "@/lib/topics/manage-topics";
import { setProfilePreferences } from "@/lib/topics/profile-preferences";
import {
  createChannelWorkspace,
  createProfile,
  emailContent,
  inAppContent,
} from "@/test/fixtures/channels";
import type { TestWorkspace } from "@/test/fixtures/workspace";

// POST /api/v1/messages honours topic preferences like journeys do: content
// on a topic the recipient opted out of (on that channel) is answered 202
// "skipped" with the reason, kept as a skipped message and never delivered;
// not-unsubscribable topics, transactional email and untopiced content still send.

let ws: TestWorkspace;
let reader: { id: string; userId: string };

beforeAll(async () => {
  ws = await createChannelWorkspace({ name: "API topics", resendApiKey: null });
  for (const [key, name, unsubscribable] of [
    ["product-tips", "Product tips", true],
    ["security", "Security", false],
  ] as const) {
    await createTopic(ws.workspaceId, { key, name, description: "", unsubscribable });
  }
  reader = await createProfile(ws.workspaceId, { userId: "reader" });
  await setProfilePreferences({
    workspaceId: ws.workspaceId,
    profileId: reader.id,
    changes: [
      { topic: "product-tips", channel: "email", subscribed: false },
      { topic: "product-tips", channel: "in_app", subscribed: false },
    ],
    source: "api",
    at: new Date(Date.now() - 60_000),
  });
});

async function call(content: unknown) {
  const response = await send(
    new Request("http://cue.test/api/v1/messages", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ws.secretKey}` },
      body: JSON.stringify({ userId: "reader", idempotencyKey: randomUUID(), content }),
    }),
    { params: Promise.resolve({}) },
  );
  // biome-ignore lint/suspicious/noExplicitAny: the answer is checked field by field
  return { status: response.status, body: (await response.json()) as any };
}

describe("POST /api/v1/messages and topic preferences", () => {
  it("skips an opted-out topic with the reason, and sends nothing", async () => {
    const email = await call(emailContent({ topic: "product-tips" }));
    expect(email.status).toBe(202);
    expect(email.body).toMatchObject({ status: "skipped", created: true });
    expect(email.body.error).toContain('Opted out of topic "Product tips" for email');
    const stored = await prisma.message.findUniqueOrThrow({ where: { id: email.body.messageId } });
    expect(stored).toMatchObject({ status: "skipped", source: "api" });

    const card = await call(inAppContent({ topic: "product-tips" }));
    expect(card.body.status).toBe("skipped");
    expect(card.body.error).toContain("for in-app messages");
    expect(
      await prisma.inboxItem.count({
        where: { workspaceId: ws.workspaceId, messageId: card.body.messageId },
      }),
    ).toBe(0);
  });

  it("sends a topic that is not unsubscribable, transactional email, and content with no topic", async () => {
    const security = await call(emailContent({ topic: "security", transactional: true }));
    expect(security.body.status).not.toBe("skipped");
    expect(security.body.error).toBeNull();
    // Transactional email ignores topic opt-outs, as in journeys.
    const receipt = await call(emailContent({ topic: "product-tips", transactional: true }));
    expect(receipt.body.status).not.toBe("skipped");
    const none = await call(inAppContent());
    expect(none.body).toMatchObject({ status: "sent", error: null });
    expect(
      await prisma.inboxItem.count({
        where: { workspaceId: ws.workspaceId, messageId: none.body.messageId },
      }),
    ).toBe(1);
  });

  it("sends again once the profile subscribes back", async () => {
    await setProfilePreferences({
      workspaceId: ws.workspaceId,
      profileId: reader.id,
      changes: [{ topic: "product-tips", channel: "in_app", subscribed: true }],
      source: "api",
    });
    const card = await call(inAppContent({ topic: "product-tips" }));
    expect(card.body).toMatchObject({ status: "sent", error: null });
    const email = await call(emailContent({ topic: "product-tips" }));
    expect(email.body.status).toBe("skipped");
  });
});
