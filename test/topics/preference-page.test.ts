import { beforeAll, describe, expect, it } from "vitest";
import { POST as unsubscribe } from "@/app/api/unsubscribe/[token]/route";
import type { RenderedMessage } from "@/lib/channels/render-content";
import { prisma } from "@/lib/db/client";
import { createTopic } from "@/lib/topics/manage-topics";
import { preferenceField } from "@/lib/topics/preference-page";
import { getProfilePreferences } from "@/lib/topics/profile-preferences";
import {
  createChannelWorkspace,
  createProfile,
  emailContent,
  enqueue,
} from "@/test/fixtures/channels";

// The preference page behind every marketing email's link: the token from the
// email, RFC 8058 one-click scoped to the email's topic (only that topic's
// email is opted out), and the page's form saving per-topic, per-channel choices.

let ws: string;

beforeAll(async () => {
  ws = (await createChannelWorkspace({ name: "Topics page" })).workspaceId;
  for (const [key, name, unsubscribable] of [
    ["product-tips", "Product tips", true],
    ["news", "News", true],
    ["billing", "Billing", false],
  ] as const) {
    await createTopic(ws, { key, name, description: "", unsubscribable });
  }
});

async function emailOn(profileId: string, topic?: string) {
  const result = await enqueue({
    workspaceId: ws,
    profileId,
    content: emailContent(topic ? { topic } : {}),
  });
  const message = await prisma.message.findUniqueOrThrow({ where: { id: result.messageId } });
  const rendered = message.rendered as unknown as RenderedMessage;
  if (rendered.channel !== "email") throw new Error("expected email");
  return rendered.email;
}

const post = (url: string, body: BodyInit) => {
  const token = decodeURIComponent(new URL(url).pathname.split("/").at(-1) ?? "");
  return unsubscribe(
    new Request(url, {
      method: "POST",
      body,
      headers:
        typeof body === "string" ? { "content-type": "application/x-www-form-urlencoded" } : {},
    }),
    { params: Promise.resolve({ token }) },
  );
};

const channelsOf = async (profileId: string) =>
  Object.fromEntries(
    (await getProfilePreferences(ws, profileId)).map((t) => [t.topic, t.channels]),
  );

describe("the preference page", () => {
  it("links the email's topic; one-click POST opts out of that topic's email only", async () => {
    const profile = await createProfile(ws, { email: "tips@example.com" });
    const email = await emailOn(profile.id, "product-tips");
    const header = email.headers["List-Unsubscribe"] as string;
    expect(header).toMatch(
      /^<http:\/\/localhost:3000\/api\/unsubscribe\/[^>]+\?topic=product-tips>$/,
    );
    expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(email.unsubscribeUrl).toMatch(/\/unsubscribe\/[^/?]+\?topic=product-tips$/);
    expect(email.html).toContain("?topic=product-tips");

    const response = await post(header.slice(1, -1), "List-Unsubscribe=One-Click");
    expect(response.status).toBe(200);
    expect(await channelsOf(profile.id)).toEqual({
      "product-tips": { email: false, in_app: true },
      news: { email: true, in_app: true },
      billing: { email: true, in_app: true },
    });
    // Not a global unsubscribe: other marketing email keeps going.
    const after = await prisma.profile.findUniqueOrThrow({ where: { id: profile.id } });
    expect(after.unsubscribedAt).toBeNull();
    const change = await prisma.topicPreferenceChange.findFirstOrThrow({
      where: { profileId: profile.id },
    });
    expect(change).toMatchObject({ channel: "email", subscribed: false, source: "one_click" });
  });

  it("without a topic, one-click still unsubscribes from all marketing email", async () => {
    const profile = await createProfile(ws, { email: "all@example.com" });
    const email = await emailOn(profile.id);
    const header = email.headers["List-Unsubscribe"] as string;
    expect(header).not.toContain("?topic=");
    expect((await post(header.slice(1, -1), "List-Unsubscribe=One-Click")).status).toBe(200);
    const after = await prisma.profile.findUniqueOrThrow({ where: { id: profile.id } });
    expect(after.unsubscribedAt).not.toBeNull();
  });

  it("saves the page's per-topic, per-channel checkboxes; a bad token is refused", async () => {
    const profile = await createProfile(ws, { email: "page@example.com" });
    const email = await emailOn(profile.id, "news");
    const pageAction = (email.headers["List-Unsubscribe"] as string).slice(1, -1);
    const form = new FormData();
    form.set("from", "page");
    form.set("action", "preferences");
    for (const topic of ["product-tips", "news"]) form.append("topics", topic);
    // Product tips: in-app only; News: email only.
    form.set(preferenceField("product-tips", "in_app"), "on");
    form.set(preferenceField("news", "email"), "on");
    const response = await post(pageAction, form);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toContain("saved=1");
    expect(await channelsOf(profile.id)).toEqual({
      "product-tips": { email: false, in_app: true },
      news: { email: true, in_app: false },
      billing: { email: true, in_app: true },
    });

    const bad = await post(
      "http://cue.test/api/unsubscribe/nope.00000000-0000-0000-0000-000000000000.x?topic=news",
      "List-Unsubscribe=One-Click",
    );
    expect(bad.status).toBe(404);
  });
});
