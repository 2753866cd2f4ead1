import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Member } from "@/lib/generated/prisma/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { createProfile, emailContent, enqueue, inAppContent } from "@/test/fixtures/channels";

// Session routes under /api/w/:workspaceId for templates, preview, test send
// and the message list. The session is replaced by a chosen member; the
// database is real.

const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));

const templates = await import("@/app/api/w/[workspaceId]/templates/route");
const template = await import("@/app/api/w/[workspaceId]/templates/[templateId]/route");
const preview = await import("@/app/api/w/[workspaceId]/messages/preview/route");
const testSend = await import("@/app/api/w/[workspaceId]/messages/test-send/route");
const messages = await import("@/app/api/w/[workspaceId]/messages/route");
const message = await import("@/app/api/w/[workspaceId]/messages/[messageId]/route");

let owner: Member;
let viewer: Member;
let outsider: Member;
let ws: string;
let otherWs: string;
const savedKey = process.env.RESEND_API_KEY;

beforeAll(async () => {
  delete process.env.RESEND_API_KEY;
  owner = await prisma.member.create({
    data: { email: "owner@acme.test", name: "Olive", passwordHash: "x" },
  });
  viewer = await prisma.member.create({ data: { email: "viewer@acme.test", passwordHash: "x" } });
  outsider = await prisma.member.create({ data: { email: "out@other.test", passwordHash: "x" } });
  ws = (await createWorkspace({ name: "Acme", ownerId: owner.id })).workspaceId;
  otherWs = (await createWorkspace({ name: "Other", ownerId: outsider.id })).workspaceId;
  await prisma.membership.create({
    data: { workspaceId: ws, memberId: viewer.id, role: "viewer" },
  });
});
afterAll(() => {
  if (savedKey !== undefined) process.env.RESEND_API_KEY = savedKey;
});

const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
const json = (method: string, body?: unknown) =>
  new Request("http://cue.test/x", {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const get = (query = "") => new Request(`http://cue.test/x${query}`);

describe("templates", () => {
  it("create, list, read, update, delete", async () => {
    session.member = owner;
    const created = await templates.POST(
      json("POST", { name: "Welcome", content: emailContent() }),
      ctx({ workspaceId: ws }),
    );
    expect(created.status).toBe(201);
    const { template: t } = (await created.json()) as { template: { id: string; channel: string } };
    expect(t.channel).toBe("email");

    const list = (await (await templates.GET(get(), ctx({ workspaceId: ws }))).json()) as {
      templates: { id: string }[];
    };
    expect(list.templates.map((x) => x.id)).toContain(t.id);
    const inAppOnly = (await (
      await templates.GET(get("?channel=in_app"), ctx({ workspaceId: ws }))
    ).json()) as { templates: unknown[] };
    expect(inAppOnly.templates).toEqual([]);

    const p = ctx({ workspaceId: ws, templateId: t.id });
    const updated = await template.PUT(json("PUT", { name: "Banner", content: inAppContent() }), p);
    expect(await updated.json()).toMatchObject({ template: { name: "Banner", channel: "in_app" } });
    expect(await (await template.GET(get(), p)).json()).toMatchObject({
      template: { name: "Banner" },
    });
    expect((await template.DELETE(json("DELETE"), p)).status).toBe(204);
    expect((await template.GET(get(), p)).status).toBe(404);
  });

  it("saving Liquid with a syntax error is a 422 naming field, line and column, and stores nothing", async () => {
    session.member = owner;
    const before = await prisma.messageTemplate.count({ where: { workspaceId: ws } });
    const response = await templates.POST(
      json("POST", {
        name: "Broken",
        content: emailContent({ body: "Hello\n\nThanks {% if profile.traits.vip %}VIP" }),
      }),
      ctx({ workspaceId: ws }),
    );
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as {
      error: { message: string; details: { issues: unknown[] } };
    };
    expect(error.details.issues).toEqual([
      {
        field: "content.email.body",
        line: 3,
        column: expect.any(Number),
        message: expect.stringMatching(/if/),
      },
    ]);
    expect(error.message).toMatch(/^content\.email\.body line 3, column \d+:/);
    expect(await prisma.messageTemplate.count({ where: { workspaceId: ws } })).toBe(before);
  });

  it("keeps tenants apart and checks roles", async () => {
    session.member = outsider;
    const theirs = (await (
      await templates.POST(
        json("POST", { name: "Theirs", content: emailContent() }),
        ctx({ workspaceId: otherWs }),
      )
    ).json()) as {
      template: { id: string };
    };
    session.member = owner;
    const p = ctx({ workspaceId: ws, templateId: theirs.template.id });
    expect((await template.GET(get(), p)).status).toBe(404);
    expect(
      (await template.PUT(json("PUT", { name: "Mine now", content: emailContent() }), p)).status,
    ).toBe(404);
    expect((await template.DELETE(json("DELETE"), p)).status).toBe(404);
    expect(
      await prisma.messageTemplate.findUnique({ where: { id: theirs.template.id } }),
    ).toMatchObject({ name: "Theirs" });

    session.member = viewer;
    expect((await templates.GET(get(), ctx({ workspaceId: ws }))).status).toBe(200);
    expect(
      (
        await templates.POST(
          json("POST", { name: "No", content: emailContent() }),
          ctx({ workspaceId: ws }),
        )
      ).status,
    ).toBe(403);
    session.member = null;
    expect((await templates.GET(get(), ctx({ workspaceId: ws }))).status).toBe(401);
  });
});

describe("preview", () => {
  it("renders email for a real profile without storing anything", async () => {
    session.member = viewer;
    const profile = await createProfile(ws, { traits: { name: "Ann <3" } });
    const before = await prisma.message.count();
    const response = await preview.POST(
      json("POST", { content: emailContent(), profileId: profile.id }),
      ctx({ workspaceId: ws }),
    );
    expect(response.status).toBe(200);
    const { preview: p } = (await response.json()) as {
      preview: {
        channel: string;
        email: { subject: string; html: string; text: string; preheader: string };
      };
    };
    expect(p.channel).toBe("email");
    expect(p.email.subject).toBe("Hello Ann <3");
    expect(p.email.html).toContain("<strong>Ann &lt;3</strong>");
    expect(p.email.text).toContain("Hi Ann <3,");
    expect(p.email.html).toContain("/unsubscribe/preview");
    expect(await prisma.message.count()).toBe(before);
  });

  it("renders with sample JSON (object or text) and reports bad samples and template errors", async () => {
    session.member = owner;
    const sample = { profile: { traits: { name: "Sam" } }, event: { plan: "Pro" } };
    const content = emailContent({ body: "{{ profile.traits.name }} on {{ event.plan }}" });
    for (const sampleJson of [sample, JSON.stringify(sample)]) {
      const body = (await (
        await preview.POST(json("POST", { content, sampleJson }), ctx({ workspaceId: ws }))
      ).json()) as {
        preview: { email: { text: string } };
      };
      expect(body.preview.email.text).toMatch(/^Sam on Pro/);
    }
    const badJson = await preview.POST(
      json("POST", { content, sampleJson: "{nope" }),
      ctx({ workspaceId: ws }),
    );
    expect(badJson.status).toBe(422);
    const broken = await preview.POST(
      json("POST", { content: inAppContent({ title: "{{ x | nope }}" }) }),
      ctx({ workspaceId: ws }),
    );
    expect(broken.status).toBe(422);
    expect(await broken.json()).toMatchObject({
      error: { details: { issues: [{ field: "content.inApp.title", line: 1 }] } },
    });
  });

  it("404s a profile of another workspace", async () => {
    session.member = owner;
    const theirs = await createProfile(otherWs);
    const response = await preview.POST(
      json("POST", { content: emailContent(), profileId: theirs.id }),
      ctx({ workspaceId: ws }),
    );
    expect(response.status).toBe(404);
  });
});

describe("test send", () => {
  it("emails the signed-in member (Outbox without a key), marked [Test], never the profile", async () => {
    session.member = owner;
    const profile = await createProfile(ws, { traits: { name: "Ann" }, unsubscribed: true });
    const response = await testSend.POST(
      json("POST", { content: emailContent(), profileId: profile.id }),
      ctx({ workspaceId: ws }),
    );
    expect(response.status).toBe(202);
    const body = (await response.json()) as { messageId: string; status: string; to: string };
    expect(body).toMatchObject({ status: "outbox", to: "owner@acme.test" });
    const stored = await prisma.message.findUniqueOrThrow({ where: { id: body.messageId } });
    expect(stored).toMatchObject({
      toAddress: "owner@acme.test",
      subject: "[Test] Hello Ann",
      source: "test",
    });
    expect(JSON.stringify(stored.rendered)).not.toContain("List-Unsubscribe");
  });

  it("works without a profile, using sample data", async () => {
    session.member = owner;
    const response = await testSend.POST(
      json("POST", { content: emailContent() }),
      ctx({ workspaceId: ws }),
    );
    const body = (await response.json()) as { messageId: string };
    expect(await prisma.message.findUniqueOrThrow({ where: { id: body.messageId } })).toMatchObject(
      {
        subject: "[Test] Hello Sam Sample",
      },
    );
  });

  it("in-app goes to the chosen profile's inbox, named as people know them, and needs one", async () => {
    session.member = owner;
    const profile = await createProfile(ws, { traits: { name: "Ida" } });
    const ok = await testSend.POST(
      json("POST", { content: inAppContent(), profileId: profile.id }),
      ctx({ workspaceId: ws }),
    );
    // Never the profile's id: its name, with the email a marketer knows.
    expect(await ok.json()).toMatchObject({
      status: "sent",
      to: `Ida (${profile.userId}@example.com)`,
    });
    expect(await prisma.inboxItem.count({ where: { profileId: profile.id } })).toBe(1);
    const anonymous = await createProfile(ws, { email: null });
    const unnamed = await testSend.POST(
      json("POST", { content: inAppContent(), profileId: anonymous.id }),
      ctx({ workspaceId: ws }),
    );
    expect(await unnamed.json()).toMatchObject({ status: "sent", to: anonymous.userId });
    const stranger = await testSend.POST(
      json("POST", { content: inAppContent(), profileId: randomUUID() }),
      ctx({ workspaceId: ws }),
    );
    expect(stranger.status).toBe(404);
    const missing = await testSend.POST(
      json("POST", { content: inAppContent() }),
      ctx({ workspaceId: ws }),
    );
    expect(missing.status).toBe(422);
  });

  it("needs the editor role", async () => {
    session.member = viewer;
    expect(
      (await testSend.POST(json("POST", { content: emailContent() }), ctx({ workspaceId: ws })))
        .status,
    ).toBe(403);
  });
});

describe("messages list and detail", () => {
  it("filters, paginates with a cursor, and shows one message with its events", async () => {
    session.member = owner;
    const profile = await createProfile(ws);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        (
          await enqueue({
            workspaceId: ws,
            profileId: profile.id,
            content: emailContent(),
            idempotencyKey: `list-${i}-${randomUUID()}`,
          })
        ).messageId,
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?profileId=${profile.id}&status=outbox,queued&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await (await messages.GET(get(query), ctx({ workspaceId: ws }))).json()) as {
        messages: { id: string; status: string; profile: { userId: string } }[];
        nextCursor: string | null;
      };
      expect(page.messages.length).toBeLessThanOrEqual(2);
      for (const m of page.messages) {
        expect(m).toMatchObject({ status: "outbox", profile: { userId: profile.userId } });
        seen.push(m.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());

    const none = (await (
      await messages.GET(get(`?profileId=${profile.id}&channel=in_app`), ctx({ workspaceId: ws }))
    ).json()) as { messages: unknown[] };
    expect(none.messages).toEqual([]);
    expect((await messages.GET(get("?status=bogus"), ctx({ workspaceId: ws }))).status).toBe(422);
    expect((await messages.GET(get("?cursor=zzz"), ctx({ workspaceId: ws }))).status).toBe(400);

    const detail = await message.GET(get(), ctx({ workspaceId: ws, messageId: ids[0] as string }));
    expect(await detail.json()).toMatchObject({
      message: {
        id: ids[0],
        status: "outbox",
        notSent: true,
        rendered: { channel: "email", email: { subject: "Hello there" } },
        events: [{ type: "outbox" }],
      },
    });
  });

  it("another workspace's message is a 404", async () => {
    session.member = outsider;
    const profile = await createProfile(ws);
    const { messageId } = await enqueue({
      workspaceId: ws,
      profileId: profile.id,
      content: emailContent(),
    });
    expect((await message.GET(get(), ctx({ workspaceId: otherWs, messageId }))).status).toBe(404);
    const list = (await (await messages.GET(get(), ctx({ workspaceId: otherWs }))).json()) as {
      messages: { id: string }[];
    };
    expect(list.messages.map((m) => m.id)).not.toContain(messageId);
  });
});
