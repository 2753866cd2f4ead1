import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as send } from "@/app/api/v1/messages/route";
import { deliverDueEmails } from "@/lib/channels/email/deliver-due-emails";
import { prisma } from "@/lib/db/client";
import { fakeResendForFile } from "@/test/fakes/fake-resend";
import {
  createChannelWorkspace,
  createProfile,
  emailContent,
  inAppContent,
} from "@/test/fixtures/channels";
import type { TestWorkspace } from "@/test/fixtures/workspace";

// POST /api/v1/messages: the sending API for systems and tests.

let ws: TestWorkspace;
let other: TestWorkspace;
let templateId: string;
let otherTemplateId: string;
const fake = fakeResendForFile();

beforeAll(async () => {
  ws = await createChannelWorkspace({ name: "API" });
  other = await createChannelWorkspace({ name: "Other" });
  templateId = (
    await prisma.messageTemplate.create({
      data: {
        workspaceId: ws.workspaceId,
        name: "Receipt",
        channel: "email",
        content: emailContent({
          subject: "Receipt {{ event.orderId }}",
          body: "Total: {{ event.total }}",
          transactional: true,
        }),
      },
    })
  ).id;
  otherTemplateId = (
    await prisma.messageTemplate.create({
      data: {
        workspaceId: other.workspaceId,
        name: "Theirs",
        channel: "email",
        content: emailContent(),
      },
    })
  ).id;
});

const call = (body: unknown, key: string | null = ws.secretKey) =>
  send(
    new Request("http://cue.test/api/v1/messages", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );

describe("POST /api/v1/messages", () => {
  it("sends a template with data to a profile by userId → 202", async () => {
    const profile = await createProfile(ws.workspaceId);
    const response = await call({
      userId: profile.userId,
      templateId,
      idempotencyKey: `order-1001-${randomUUID()}`,
      data: { orderId: "1001", total: "$42" },
    });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { messageId: string; status: string; created: boolean };
    expect(body).toMatchObject({ status: "queued", created: true });
    const message = await prisma.message.findUniqueOrThrow({ where: { id: body.messageId } });
    expect(message).toMatchObject({
      subject: "Receipt 1001",
      source: "api",
      templateId,
      transactional: true,
    });
  });

  it("is idempotent on the caller's key: same messageId, one email", async () => {
    await deliverDueEmails(); // earlier tests' mail out of the way
    fake.reset();
    const profile = await createProfile(ws.workspaceId);
    const idempotencyKey = `welcome-${randomUUID()}`;
    const body = { userId: profile.userId, content: emailContent(), idempotencyKey };
    const first = (await (await call(body)).json()) as { messageId: string; created: boolean };
    await deliverDueEmails();
    const second = await call({ ...body, content: emailContent({ subject: "Changed" }) });
    expect(second.status).toBe(202);
    expect(await second.json()).toMatchObject({
      messageId: first.messageId,
      created: false,
      status: "sent",
    });
    await deliverDueEmails();
    expect(fake.deliveries).toHaveLength(1);
    expect(first.created).toBe(true);
  });

  it("sends inline in-app content", async () => {
    const profile = await createProfile(ws.workspaceId);
    const response = await call({
      userId: profile.userId,
      content: inAppContent(),
      idempotencyKey: randomUUID(),
    });
    expect(await response.json()).toMatchObject({ status: "sent", created: true });
    expect(await prisma.inboxItem.count({ where: { profileId: profile.id } })).toBe(1);
  });

  it("404s an unknown userId in the envelope", async () => {
    const response = await call({
      userId: "nobody",
      content: emailContent(),
      idempotencyKey: randomUUID(),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "Profile not found." },
    });
  });

  it("404s another workspace's template and profile", async () => {
    const mine = await createProfile(ws.workspaceId);
    const theirs = await createProfile(other.workspaceId);
    expect(
      (
        await call({
          userId: mine.userId,
          templateId: otherTemplateId,
          idempotencyKey: randomUUID(),
        })
      ).status,
    ).toBe(404);
    expect(
      (await call({ userId: theirs.userId, content: emailContent(), idempotencyKey: randomUUID() }))
        .status,
    ).toBe(404);
  });

  it("422s a template with a syntax error, naming field, line and column; nothing is stored", async () => {
    const profile = await createProfile(ws.workspaceId);
    const idempotencyKey = randomUUID();
    const response = await call({
      userId: profile.userId,
      content: emailContent({ subject: "Hi {{ profile.traits.name", body: "ok" }),
      idempotencyKey,
    });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as {
      error: { code: string; message: string; details: { issues: unknown[] } };
    };
    expect(error.code).toBe("validation_failed");
    expect(error.message).toMatch(/^content\.email\.subject line 1, column \d+: /);
    expect(error.details.issues).toEqual([
      {
        field: "content.email.subject",
        line: 1,
        column: expect.any(Number),
        message: expect.any(String),
      },
    ]);
    expect(await prisma.message.count({ where: { idempotencyKey: `api:${idempotencyKey}` } })).toBe(
      0,
    );
  });

  it("validates the body", async () => {
    const profile = await createProfile(ws.workspaceId);
    const cases: [unknown, string][] = [
      [{ userId: profile.userId, content: emailContent() }, "idempotencyKey"],
      [
        { userId: profile.userId, content: emailContent(), templateId, idempotencyKey: "k" },
        "templateId",
      ],
      [{ userId: profile.userId, idempotencyKey: "k" }, "templateId"],
      [
        { userId: profile.userId, content: emailContent(), idempotencyKey: "k".repeat(201) },
        "idempotencyKey",
      ],
      [
        { userId: profile.userId, content: { channel: "sms" }, idempotencyKey: "k" },
        "content.channel",
      ],
    ];
    for (const [body, field] of cases) {
      const response = await call(body);
      expect(response.status).toBe(422);
      const json = (await response.json()) as {
        error: { details: { issues: { field: string }[] } };
      };
      expect(json.error.details.issues.map((i) => i.field)).toContain(field);
    }
  });

  it("401s without the secret key, and with the public write key", async () => {
    const body = { userId: "x", content: emailContent(), idempotencyKey: "k" };
    expect((await call(body, null)).status).toBe(401);
    expect((await call(body, ws.writeKey)).status).toBe(401);
  });
});
