import { beforeAll, describe, expect, it } from "vitest";
import { POST as unsubscribe } from "@/app/api/unsubscribe/[token]/route";
import { deliverDueEmails } from "@/lib/channels/email/deliver-due-emails";
import type { RenderedMessage } from "@/lib/channels/render-content";
import { describeUnsubscribe } from "@/lib/channels/unsubscribe-profile";
import { prisma } from "@/lib/db/client";
import { fakeResendForFile } from "@/test/fakes/fake-resend";
import {
  createChannelWorkspace,
  createProfile,
  emailContent,
  enqueue,
} from "@/test/fixtures/channels";

// The link and the List-Unsubscribe header of a real email, followed
// without signing in.

let ws: string;
const fake = fakeResendForFile();

beforeAll(async () => {
  ws = (await createChannelWorkspace({ name: "Newsletters" })).workspaceId;
});

async function sendMarketing(profileId: string) {
  const result = await enqueue({ workspaceId: ws, profileId, content: emailContent() });
  const message = await prisma.message.findUniqueOrThrow({ where: { id: result.messageId } });
  const rendered = message.rendered as unknown as RenderedMessage;
  if (rendered.channel !== "email") throw new Error("expected email");
  return { result, email: rendered.email };
}

const tokenOf = (url: string) => decodeURIComponent(url.split("/").at(-1) ?? "");
const postTo = (token: string, body: BodyInit | null, contentType?: string) =>
  unsubscribe(
    new Request(`http://cue.test/api/unsubscribe/${token}`, {
      method: "POST",
      body,
      headers: contentType ? { "content-type": contentType } : {},
    }),
    { params: Promise.resolve({ token }) },
  );

describe("unsubscribe", () => {
  it("one-click (RFC 8058) from the List-Unsubscribe header unsubscribes; marketing stops, transactional goes on", async () => {
    const profile = await createProfile(ws, { email: "reader@example.com" });
    const { email } = await sendMarketing(profile.id);
    const header = email.headers["List-Unsubscribe"] as string;
    expect(header).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\/[^>]+>$/);
    expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const token = tokenOf(header.slice(1, -1));
    expect(email.html).toContain(`/unsubscribe/${token}`);
    expect(email.text).toContain(`Unsubscribe: http://localhost:3000/unsubscribe/${token}`);

    // Opening the page changes nothing.
    expect(await describeUnsubscribe(token)).toEqual({
      workspaceName: "Newsletters",
      maskedEmail: "r*****@example.com",
      unsubscribed: false,
    });
    const response = await postTo(
      token,
      "List-Unsubscribe=One-Click",
      "application/x-www-form-urlencoded",
    );
    expect(response.status).toBe(200);
    const after = await prisma.profile.findUniqueOrThrow({ where: { id: profile.id } });
    expect(after.unsubscribedAt).not.toBeNull();
    expect((await describeUnsubscribe(token))?.unsubscribed).toBe(true);

    // Again: idempotent, keeps the first time.
    expect(
      (await postTo(token, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded"))
        .status,
    ).toBe(200);
    expect(
      (await prisma.profile.findUniqueOrThrow({ where: { id: profile.id } })).unsubscribedAt,
    ).toEqual(after.unsubscribedAt);

    fake.reset();
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
    expect(marketing.status).toBe("skipped");
    expect(receipt.status).toBe("queued");
    await deliverDueEmails();
    expect(fake.deliveries.map((d) => d.body.to)).toEqual([["reader@example.com"]]);
  });

  it("the page's button posts a form and is redirected back to a confirmation", async () => {
    const profile = await createProfile(ws);
    const { email } = await sendMarketing(profile.id);
    const token = tokenOf(email.unsubscribeUrl as string);
    const form = new FormData();
    form.set("from", "page");
    const response = await postTo(token, form);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`http://cue.test/unsubscribe/${token}?done=1`);
    expect(
      (await prisma.profile.findUniqueOrThrow({ where: { id: profile.id } })).unsubscribedAt,
    ).not.toBeNull();
  });

  it("a forged or tampered token unsubscribes nobody", async () => {
    const victim = await createProfile(ws);
    const attacker = await createProfile(ws);
    const { email } = await sendMarketing(attacker.id);
    const [workspaceId, , mac] = tokenOf(email.unsubscribeUrl as string).split(".");
    for (const token of [
      `${workspaceId}.${victim.id}.${mac}`,
      "preview",
      "x.y.z",
      `${workspaceId}.${victim.id}.`,
    ]) {
      const response = await postTo(
        token,
        "List-Unsubscribe=One-Click",
        "application/x-www-form-urlencoded",
      );
      expect(response.status).toBe(404);
      expect(await describeUnsubscribe(token)).toBeNull();
    }
    expect(
      (await prisma.profile.findUniqueOrThrow({ where: { id: victim.id } })).unsubscribedAt,
    ).toBeNull();
  });

  it("one workspace's token does not reach a profile of another", async () => {
    const other = (await createChannelWorkspace({ name: "Other" })).workspaceId;
    const theirs = await createProfile(other);
    const { email } = await sendMarketing((await createProfile(ws)).id);
    const [, , mac] = tokenOf(email.unsubscribeUrl as string).split(".");
    const response = await postTo(`${ws}.${theirs.id}.${mac}`, null);
    expect(response.status).toBe(404);
    expect(
      (await prisma.profile.findUniqueOrThrow({ where: { id: theirs.id } })).unsubscribedAt,
    ).toBeNull();
  });
});
