import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RenderedMessage } from "@/lib/channels/render-content";
import { enqueueMessage } from "@/lib/channels/send-message";
import { prisma } from "@/lib/db/client";
import {
  createChannelWorkspace,
  createProfile,
  emailContent,
  enqueue,
  inAppContent,
} from "@/test/fixtures/channels";

// enqueueMessage is the channel interface the journey engine calls inside
// its own transaction: idempotent, refuses broken templates, and decides
// queued / outbox / skipped for email and delivers in-app at once.

let ws: string;
let outboxWs: string;
const savedKey = process.env.RESEND_API_KEY;

beforeAll(async () => {
  delete process.env.RESEND_API_KEY;
  ws = (await createChannelWorkspace({ name: "Acme" })).workspaceId;
  outboxWs = (await createChannelWorkspace({ name: "Offline", resendApiKey: null })).workspaceId;
});
afterAll(() => {
  if (savedKey !== undefined) process.env.RESEND_API_KEY = savedKey;
});

const rendered = async (messageId: string) =>
  (await prisma.message.findUniqueOrThrow({ where: { id: messageId } }))
    .rendered as unknown as RenderedMessage;

describe("enqueueMessage: email", () => {
  it("renders for the profile and queues it, with a 'queued' event", async () => {
    const profile = await createProfile(ws, { traits: { name: "Ann" } });
    const result = await enqueue({
      workspaceId: ws,
      profileId: profile.id,
      content: emailContent({ body: "Plan: {{ event.plan }} in {{ journey.name }}" }),
      eventProperties: { plan: "Pro" },
      journey: { id: "j1", name: "Onboarding" },
      source: "journey",
      runId: "r1",
      nodeId: "n1",
    });
    expect(result).toMatchObject({ created: true, status: "queued", error: null });
    const message = await prisma.message.findUniqueOrThrow({
      where: { id: result.messageId },
      include: { events: true },
    });
    expect(message).toMatchObject({
      workspaceId: ws,
      channel: "email",
      toAddress: `${profile.userId}@example.com`,
      subject: "Hello Ann",
      source: "journey",
      journeyId: "j1",
      runId: "r1",
      nodeId: "n1",
      transactional: false,
    });
    expect(message.events.map((e) => e.type)).toEqual(["queued"]);
    const r = await rendered(result.messageId);
    expect(r.channel === "email" && r.email.html).toContain("Plan: Pro in Onboarding");
    expect(r.channel === "email" && r.email.headers["List-Unsubscribe-Post"]).toBe(
      "List-Unsubscribe=One-Click",
    );
  });

  it("is idempotent on the key: the second call returns the first message and creates nothing", async () => {
    const profile = await createProfile(ws);
    const key = `run-1:node-${randomUUID()}`;
    const first = await enqueue({
      workspaceId: ws,
      profileId: profile.id,
      content: emailContent(),
      idempotencyKey: key,
    });
    const second = await enqueue({
      workspaceId: ws,
      profileId: profile.id,
      content: emailContent({ subject: "Different" }),
      idempotencyKey: key,
    });
    expect(second).toEqual({ ...first, created: false });
    expect(await prisma.message.count({ where: { workspaceId: ws, idempotencyKey: key } })).toBe(1);
  });

  it("agrees on one row when the same key is enqueued concurrently", async () => {
    const profile = await createProfile(ws);
    const key = `race-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        enqueue({
          workspaceId: ws,
          profileId: profile.id,
          content: emailContent(),
          idempotencyKey: key,
        }),
      ),
    );
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await prisma.messageEvent.count({ where: { messageId: results[0]?.messageId } })).toBe(
      1,
    );
  });

  it("goes to the Outbox, labelled as not sent, without a Resend key", async () => {
    const profile = await createProfile(outboxWs);
    const result = await enqueue({
      workspaceId: outboxWs,
      profileId: profile.id,
      content: emailContent(),
    });
    expect(result.status).toBe("outbox");
    const event = await prisma.messageEvent.findFirstOrThrow({
      where: { messageId: result.messageId },
    });
    expect(event.type).toBe("outbox");
    expect(JSON.stringify(event.data)).toMatch(/Not sent: no Resend API key/);
  });

  it("uses RESEND_API_KEY when the workspace has no key", async () => {
    process.env.RESEND_API_KEY = "re_from_env";
    try {
      const profile = await createProfile(outboxWs);
      const result = await enqueue({
        workspaceId: outboxWs,
        profileId: profile.id,
        content: emailContent(),
      });
      expect(result.status).toBe("queued");
    } finally {
      delete process.env.RESEND_API_KEY;
    }
  });

  it("skips, with the reason, a profile without an email address", async () => {
    const profile = await createProfile(ws, { email: null });
    const result = await enqueue({
      workspaceId: ws,
      profileId: profile.id,
      content: emailContent(),
    });
    expect(result).toMatchObject({ status: "skipped", error: "The profile has no email address." });
  });

  it("skips marketing to an unsubscribed profile but still sends transactional mail", async () => {
    const profile = await createProfile(ws, { unsubscribed: true });
    const marketing = await enqueue({
      workspaceId: ws,
      profileId: profile.id,
      content: emailContent(),
    });
    const receipt = await enqueue({
      workspaceId: ws,
      profileId: profile.id,
      content: emailContent({ transactional: true }),
    });
    expect(marketing).toMatchObject({
      status: "skipped",
      error: "The profile unsubscribed from marketing email.",
    });
    expect(receipt.status).toBe("queued");
    const r = await rendered(receipt.messageId);
    expect(r.channel === "email" && r.email.headers).toEqual({});
  });

  it("skips a suppressed address, even for transactional mail", async () => {
    const profile = await createProfile(ws, { email: "Bounced@Example.com" });
    await prisma.suppression.create({
      data: { workspaceId: ws, email: "bounced@example.com", reason: "hard_bounce" },
    });
    const result = await enqueue({
      workspaceId: ws,
      profileId: profile.id,
      content: emailContent({ transactional: true }),
    });
    expect(result).toMatchObject({
      status: "skipped",
      error: "bounced@example.com is on the suppression list.",
    });
  });

  it("refuses templates with syntax errors, with line and column, and stores nothing", async () => {
    const profile = await createProfile(ws);
    const key = `broken-${randomUUID()}`;
    const attempt = enqueue({
      workspaceId: ws,
      profileId: profile.id,
      content: emailContent({ body: "Hi\n{{ profile.traits.name | nope }}" }),
      idempotencyKey: key,
    });
    await expect(attempt).rejects.toMatchObject({
      code: "validation_failed",
      details: { issues: [{ field: "content.email.body", line: 2, column: expect.any(Number) }] },
    });
    expect(await prisma.message.count({ where: { idempotencyKey: key } })).toBe(0);
  });

  it("renders a trait holding Liquid or a script tag as text", async () => {
    const profile = await createProfile(ws, {
      traits: { name: "{{ profile.email }}<script>alert('x')</script>" },
    });
    const result = await enqueue({
      workspaceId: ws,
      profileId: profile.id,
      content: emailContent(),
    });
    const r = await rendered(result.messageId);
    if (r.channel !== "email") throw new Error("expected email");
    expect(r.email.subject).toBe("Hello {{ profile.email }}<script>alert('x')</script>");
    expect(r.email.html).toContain(
      "{{ profile.email }}&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
    );
    expect(r.email.html).not.toContain("<script>");
    expect(r.email.html).not.toContain(`${profile.userId}@example.com</strong>`);
  });

  it("404s a profile of another workspace and leaves no message", async () => {
    const stranger = await createProfile(outboxWs);
    const key = `x-${randomUUID()}`;
    await expect(
      enqueue({
        workspaceId: ws,
        profileId: stranger.id,
        content: emailContent(),
        idempotencyKey: key,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await prisma.message.count({ where: { idempotencyKey: key } })).toBe(0);
  });

  it("takes the engine's clock for createdAt and the first event", async () => {
    const profile = await createProfile(ws);
    const now = new Date("2030-01-02T03:04:05.000Z");
    const result = await enqueue({
      workspaceId: ws,
      profileId: profile.id,
      content: emailContent(),
      now,
    });
    const message = await prisma.message.findUniqueOrThrow({
      where: { id: result.messageId },
      include: { events: true },
    });
    expect(message.createdAt).toEqual(now);
    expect(message.events[0]?.at).toEqual(now);
  });

  it("rolls back with the caller's transaction", async () => {
    const profile = await createProfile(ws);
    const key = `rollback-${randomUUID()}`;
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueMessage(tx, {
          workspaceId: ws,
          profileId: profile.id,
          content: emailContent(),
          idempotencyKey: key,
          source: "journey",
        });
        throw new Error("engine failed later in the same transaction");
      }),
    ).rejects.toThrow("engine failed");
    expect(await prisma.message.count({ where: { idempotencyKey: key } })).toBe(0);
  });

  it("wakes workers with NOTIFY cue_wake when it commits queued email", async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (n) => heard.push(`${n.channel}:${n.payload}`));
    await listener.query("LISTEN cue_wake");
    try {
      const profile = await createProfile(ws);
      await enqueue({ workspaceId: ws, profileId: profile.id, content: emailContent() });
      await expect.poll(() => heard, { timeout: 2000 }).toContain("cue_wake:email");
    } finally {
      await listener.end();
    }
  });
});

describe("enqueueMessage: in-app", () => {
  it("renders, stores as sent and puts it in the inbox, once", async () => {
    const profile = await createProfile(ws, { traits: { name: "Bo <b>" } });
    const key = `inapp-${randomUUID()}`;
    const content = inAppContent({
      body: "Hi **{{ profile.traits.name }}** [docs](https://docs.test)",
    });
    const first = await enqueue({
      workspaceId: ws,
      profileId: profile.id,
      content,
      idempotencyKey: key,
    });
    const again = await enqueue({
      workspaceId: ws,
      profileId: profile.id,
      content,
      idempotencyKey: key,
    });
    expect(first).toMatchObject({ created: true, status: "sent" });
    expect(again).toMatchObject({ created: false, messageId: first.messageId });
    const items = await prisma.inboxItem.findMany({
      where: { workspaceId: ws, profileId: profile.id },
    });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ messageId: first.messageId, title: "Hi Bo <b>" });
    const r = await rendered(first.messageId);
    expect(r.channel === "in_app" && r.inApp.bodyHtml).toBe(
      '<p>Hi <strong>Bo &lt;b&gt;</strong> <a href="https://docs.test" rel="noopener">docs</a></p>',
    );
  });

  it("sends in-app even to unsubscribed profiles without an email", async () => {
    const profile = await createProfile(ws, { email: null, unsubscribed: true });
    const result = await enqueue({
      workspaceId: ws,
      profileId: profile.id,
      content: inAppContent(),
    });
    expect(result.status).toBe("sent");
  });
});

describe("enqueueMessages: a batch", () => {
  it("stores each send once, refuses only the broken one, and repeats resolve to the first", async () => {
    const { enqueueMessages } = await import("@/lib/channels/enqueue-messages");
    const a = await createProfile(ws, { traits: { name: "Ann" } });
    const b = await createProfile(ws, { traits: { name: "Bo" } });
    const key = (n: string) => `batch-${randomUUID()}-${n}`;
    const repeated = key("repeat");
    const inputs = [
      {
        profileId: a.id,
        content: inAppContent({ title: "Hi {{ profile.traits.name }}" }),
        key: key("1"),
      },
      { profileId: b.id, content: emailContent(), key: key("2") },
      { profileId: b.id, content: inAppContent({ title: "{% if %}" }), key: key("3") },
      { profileId: a.id, content: inAppContent({ title: "First" }), key: repeated },
      { profileId: a.id, content: inAppContent({ title: "Second" }), key: repeated },
      { profileId: randomUUID(), content: inAppContent(), key: key("gone") },
    ].map((x) => ({
      workspaceId: ws,
      profileId: x.profileId,
      content: x.content,
      idempotencyKey: x.key,
      source: "journey" as const,
    }));
    const outcomes = await prisma.$transaction((tx) => enqueueMessages(tx, inputs));
    expect(outcomes.map((o) => (o.ok ? o.result.status : o.error.code))).toEqual([
      "sent",
      "queued",
      "validation_failed",
      "sent",
      "sent",
      "not_found",
    ]);
    const [first, , , r1, r2] = outcomes.map((o) => (o.ok ? o.result : null));
    expect(r1?.created).toBe(true);
    expect(r2).toMatchObject({ created: false, messageId: r1?.messageId });
    const items = await prisma.inboxItem.findMany({
      where: { workspaceId: ws, messageId: { in: [first?.messageId ?? "", r1?.messageId ?? ""] } },
      orderBy: { seq: "asc" },
    });
    expect(items.map((i) => i.title)).toEqual(["Hi Ann", "First"]);
    const stored = await prisma.message.count({
      where: { workspaceId: ws, idempotencyKey: { in: inputs.map((i) => i.idempotencyKey) } },
    });
    expect(stored).toBe(3);

    // The same batch again creates nothing new.
    const again = await prisma.$transaction((tx) => enqueueMessages(tx, inputs));
    expect(again.filter((o) => o.ok && o.result.created)).toHaveLength(0);
    expect(await prisma.inboxItem.count({ where: { workspaceId: ws, profileId: a.id } })).toBe(2);
  });
});
