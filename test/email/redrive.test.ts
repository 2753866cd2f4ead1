import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { deliverDueEmails } from "@/lib/channels/email/deliver-due-emails";
import { prisma } from "@/lib/db/client";
import type { Member } from "@/lib/generated/prisma/client";
import { fakeResendForFile } from "@/test/fakes/fake-resend";
import { createChannelWorkspace } from "@/test/fixtures/channels";
import { ctx } from "@/test/inbox/inbox-fixtures";
import { queueEmails } from "./support";

// The dead-letter queue: failed emails re-driven through
// POST /api/w/:workspaceId/messages/retry, against the fake Resend.

const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));
const { POST } = await import("@/app/api/w/[workspaceId]/messages/retry/route");

const fake = fakeResendForFile();
let workspaceId: string;
let editor: Member;
let viewer: Member;

beforeAll(async () => {
  workspaceId = (await createChannelWorkspace({ name: "Redrive" })).workspaceId;
  editor = await prisma.member.create({ data: { email: "ed@redrive.test", passwordHash: "x" } });
  viewer = await prisma.member.create({ data: { email: "vi@redrive.test", passwordHash: "x" } });
  await prisma.membership.createMany({
    data: [
      { workspaceId, memberId: editor.id, role: "editor" },
      { workspaceId, memberId: viewer.id, role: "viewer" },
    ],
  });
});
afterEach(() => {
  session.member = null;
});

const retry = (body: unknown) =>
  POST(
    new Request("http://cue.test/x", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    ctx({ workspaceId }),
  );
const load = (id: string) => prisma.message.findUniqueOrThrow({ where: { id } });

describe("POST /api/w/:workspaceId/messages/retry", () => {
  it("re-drives one, then all failed since a time, reusing each key; an expired key needs newKey: true", async () => {
    fake.reset();
    const [a, b, c] = (await queueEmails(workspaceId, 3)) as [string, string, string];
    // The three leave as one batch; its 422 sent nothing, so each goes alone and fails alone.
    fake.failNext(4, 422, { message: "The domain is not verified." });
    const failedAt = new Date(Date.now() - 1000);
    expect(await deliverDueEmails()).toMatchObject({ batches: 1, failed: 3 });
    expect(await load(a)).toMatchObject({
      status: "failed",
      attempts: 1,
      error: "The domain is not verified. (422)",
    });
    const firstKey = (id: string) =>
      fake.requests.find((r) => r.path === "/emails" && JSON.stringify(r.body).includes(id))
        ?.idempotencyKey;
    const keys = { a: firstKey(a), b: firstKey(b), c: firstKey(c) };

    session.member = viewer;
    expect((await retry({ ids: [a] })).status).toBe(403);
    session.member = editor;
    expect((await retry({})).status).toBe(422);
    expect((await retry({ ids: [a], failedSince: failedAt.toISOString() })).status).toBe(422);

    // One, by id (an unknown id is reported, not an error).
    const one = await retry({ ids: [a, "nope"] });
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual({ requeued: [a], newKeys: [], skipped: ["nope"] });
    expect(await load(a)).toMatchObject({ status: "queued", attempts: 0, error: null });
    expect(await deliverDueEmails()).toMatchObject({ sent: 1 });
    expect(fake.requests.at(-1)?.idempotencyKey).toBe(keys.a);

    // b's key is older than the 23 h window: refused until confirmed.
    await prisma.message.update({
      where: { id: b },
      data: { firstAttemptAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    const refused = await retry({ failedSince: failedAt.toISOString() });
    expect(refused.status).toBe(409);
    const body = await refused.json();
    expect(body.error.code).toBe("conflict");
    expect(body.error.message).toMatch(/newKey: true/);
    expect(body.error.details).toEqual({ keyExpired: [b] });
    expect((await load(c)).status).toBe("failed"); // nothing changed

    const all = await retry({ failedSince: failedAt.toISOString(), newKey: true });
    expect(await all.json()).toMatchObject({ requeued: [c], newKeys: [b] });
    expect(await deliverDueEmails()).toMatchObject({ sent: 2 });
    const last = fake.requests.slice(-2).map((r) => r.idempotencyKey);
    expect(last).toContain(keys.c);
    expect(last).toContain(`${keys.b}#1`);
    expect(fake.deliveries).toHaveLength(3);
    const events = await prisma.messageEvent.findMany({ where: { messageId: b } });
    expect(events.map((e) => e.type)).toContain("redriven");
  });
});
