import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { senderFor } from "@/lib/channels/email/resend-client";
import { prisma } from "@/lib/db/client";
import type { Member } from "@/lib/generated/prisma/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { ctx } from "@/test/inbox/inbox-fixtures";

// Settings → Email: the sender and the Resend key, per workspace. The key is
// write-only: answers carry where it comes from and its last characters.

const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));
const { GET, PUT } = await import("@/app/api/w/[workspaceId]/settings/email/route");

let owner: Member;
let editor: Member;
let workspaceId: string;
const savedEnvKey = process.env.RESEND_API_KEY;

beforeAll(async () => {
  delete process.env.RESEND_API_KEY;
  owner = await prisma.member.create({
    data: { email: "owner@email-settings.test", passwordHash: "x" },
  });
  editor = await prisma.member.create({
    data: { email: "editor@email-settings.test", passwordHash: "x" },
  });
  workspaceId = (await createWorkspace({ name: "Senders", ownerId: owner.id })).workspaceId;
  await prisma.membership.create({ data: { workspaceId, memberId: editor.id, role: "editor" } });
  return () => {
    if (savedEnvKey !== undefined) process.env.RESEND_API_KEY = savedEnvKey;
  };
});
afterEach(() => {
  session.member = null;
});

const put = (body: unknown) =>
  PUT(
    new Request("http://cue.test/x", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    ctx({ workspaceId }),
  );
const get = () => GET(new Request("http://cue.test/x"), ctx({ workspaceId }));

describe("/api/w/:workspaceId/settings/email", () => {
  it("the send rate defaults to Resend's 2 per second, is validated, and is saved", async () => {
    session.member = owner;
    expect(await (await get()).json()).toMatchObject({ ratePerSecond: 2 });
    const bad = await put({ ratePerSecond: "fast" });
    expect(bad.status).toBe(422);
    const body = await bad.json();
    expect(body.error.code).toBe("validation_failed");
    expect(JSON.stringify(body.error.details)).toContain("ratePerSecond");
    expect((await put({ ratePerSecond: 0 })).status).toBe(422);
    expect(await (await put({ ratePerSecond: 10 })).json()).toMatchObject({ ratePerSecond: 10 });
    expect(
      (await prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).emailRatePerSecond,
    ).toBe(10);
    session.member = editor;
    expect((await put({ ratePerSecond: 3 })).status).toBe(403);
    session.member = owner;
    await put({ ratePerSecond: 2 });
  });

  it("saves the sender, reply-to and key; answers never carry the key", async () => {
    session.member = owner;
    const response = await put({
      emailFrom: "Acme <hello@acme.test>",
      replyTo: "support@acme.test",
      resendApiKey: "re_live_abcdefgh1234",
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      emailFrom: "Acme <hello@acme.test>",
      replyTo: "support@acme.test",
      resendApiKey: { source: "workspace", hint: "re_…1234" },
    });
    expect(JSON.stringify(body)).not.toContain("abcdefgh");
    const stored = await prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    expect(senderFor(stored)).toEqual({
      from: "Acme <hello@acme.test>",
      replyTo: "support@acme.test",
    });

    // Omitted fields keep their value; "" clears.
    expect(await (await put({ replyTo: "" })).json()).toMatchObject({
      emailFrom: "Acme <hello@acme.test>",
      replyTo: null,
      resendApiKey: { source: "workspace" },
    });
    expect(await (await put({ resendApiKey: null })).json()).toMatchObject({
      resendApiKey: { source: null, hint: null },
    });
  });

  it("names the field for bad input and keeps what was stored", async () => {
    session.member = owner;
    await put({ emailFrom: "hello@acme.test" });
    for (const [body, field] of [
      [{ emailFrom: "Acme <not an address>" }, "emailFrom"],
      [{ replyTo: "nope" }, "replyTo"],
      [{ resendApiKey: "sk_live_123456789" }, "resendApiKey"],
      [{ emailFrom: 42 }, "emailFrom"],
      [{ color: "red" }, ""],
    ] as const) {
      const response = await put(body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      const { error } = await response.json();
      if (field) expect(JSON.stringify(error)).toContain(field);
    }
    expect((await put("{not json")).status).toBe(400);
    expect((await (await get()).json()).emailFrom).toBe("hello@acme.test");
  });

  it("lets members read it, only admins change it", async () => {
    session.member = editor;
    expect((await get()).status).toBe(200);
    expect((await put({ replyTo: "x@acme.test" })).status).toBe(403);
    session.member = null;
    expect((await get()).status).toBe(401);
  });
});
