import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as sendMessage } from "@/app/api/v1/messages/route";
import { DELETE, GET as getRoute, PUT } from "@/app/api/v1/templates/[id]/route";
import { POST as createRoute, GET as listRoute } from "@/app/api/v1/templates/route";
import { TEMPLATE_EXAMPLES } from "@/lib/channels/templates/template-schemas";
import { prisma } from "@/lib/db/client";
import { createProfile } from "@/test/fixtures/channels";
import { createRevokedSecretKey } from "@/test/fixtures/revoked-secret-key";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { apiRequest, ctx } from "@/test/webhooks/webhook-fixtures";

// Templates with the secret key: the same functions and schemas as the
// editor's session API, validation errors naming the field (Liquid ones with
// line and column), and another workspace's template is a 404.

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
type Body = any;

let ws: TestWorkspace;
let other: TestWorkspace;

beforeAll(async () => {
  ws = await createTestWorkspace("Templates API");
  other = await createTestWorkspace("Other tenant");
});

const inApp = TEMPLATE_EXAMPLES.inApp.value;
const email = TEMPLATE_EXAMPLES.email.value;

async function create(body: unknown, key = ws.secretKey) {
  const response = await createRoute(
    apiRequest("/api/v1/templates", key, { method: "POST", body }),
    ctx({}),
  );
  return { status: response.status, body: (await response.json()) as Body };
}

const one = (id: string, key = ws.secretKey) =>
  getRoute(apiRequest(`/api/v1/templates/${id}`, key), ctx({ id }));
const put = (id: string, body: unknown, key = ws.secretKey) =>
  PUT(apiRequest(`/api/v1/templates/${id}`, key, { method: "PUT", body }), ctx({ id }));
const remove = (id: string, key = ws.secretKey) =>
  DELETE(apiRequest(`/api/v1/templates/${id}`, key, { method: "DELETE" }), ctx({ id }));

describe("/api/v1/templates", () => {
  it("creates, lists, reads, replaces and deletes a template; a message can be sent from it", async () => {
    const created = await create(inApp);
    expect(created.status).toBe(201);
    expect(created.body.template).toMatchObject({
      name: inApp.name,
      channel: "in_app",
      content: inApp.content,
    });
    const id: string = created.body.template.id;

    const listed = await (
      await listRoute(apiRequest("/api/v1/templates", ws.secretKey), ctx({}))
    ).json();
    expect(listed.templates.map((t: Body) => t.id)).toContain(id);
    const emailOnly = await (
      await listRoute(apiRequest("/api/v1/templates?channel=email", ws.secretKey), ctx({}))
    ).json();
    expect(emailOnly.templates.map((t: Body) => t.id)).not.toContain(id);

    const read = await one(id);
    expect(read.status).toBe(200);
    expect((await read.json()).template.id).toBe(id);

    // Sending from it works like a template made in the editor.
    await createProfile(ws.workspaceId, { userId: "t_user" });
    const sent = await sendMessage(
      apiRequest("/api/v1/messages", ws.secretKey, {
        method: "POST",
        body: {
          userId: "t_user",
          templateId: id,
          idempotencyKey: randomUUID(),
          data: { days: 3 },
        },
      }),
      ctx({}),
    );
    expect(sent.status).toBe(202);
    const item = await prisma.inboxItem.findFirstOrThrow({
      where: { messageId: (await sent.json()).messageId },
    });
    expect(item.title).toBe("Your trial ends in 3 days");

    // PUT replaces the whole template, channel included.
    const replaced = await put(id, email);
    expect(replaced.status).toBe(200);
    expect((await replaced.json()).template).toMatchObject({
      id,
      name: "Welcome",
      channel: "email",
      content: email.content,
    });

    expect((await remove(id)).status).toBe(204);
    expect((await one(id)).status).toBe(404);
    expect((await remove(id)).status).toBe(404);
  });

  it.each([
    [{ ...inApp, name: " " }, "name", /Name the template/],
    [{ name: "x" }, "content", /./],
    [
      { name: "Tip", content: { channel: "in_app", inApp: { kind: "tooltip", title: "Hi" } } },
      "content.inApp.selector",
      /selector/,
    ],
    [
      {
        name: "Button",
        content: { channel: "in_app", inApp: { kind: "card", title: "Hi", ctaLabel: "Go" } },
      },
      "content.inApp.ctaUrl",
      /label and a URL/,
    ],
    [{ name: "Sms", content: { channel: "sms", sms: { body: "hi" } } }, "content.channel", /./],
    [{ ...email, id: "mine" }, "(root)", /id/],
  ])("refuses %j naming %s", async (body, field, message) => {
    const { status, body: answer } = await create(body);
    expect(status).toBe(422);
    expect(answer.error.code).toBe("validation_failed");
    const issue = answer.error.details.issues.find((i: Body) => i.field === field);
    expect(issue, JSON.stringify(answer)).toBeTruthy();
    expect(`${answer.error.message} ${issue.message}`).toMatch(message);
  });

  it("refuses Liquid that does not parse, with the field, line and column, and stores nothing", async () => {
    const before = await prisma.messageTemplate.count({ where: { workspaceId: ws.workspaceId } });
    const { status, body } = await create({
      name: "Broken",
      content: {
        channel: "email",
        email: { subject: "Hi {{ profile.traits.name ", body: "ok" },
      },
    });
    expect(status).toBe(422);
    const issue = body.error.details.issues[0];
    expect(issue).toMatchObject({ field: "content.email.subject", line: 1 });
    expect(issue.column).toEqual(expect.any(Number));
    expect(await prisma.messageTemplate.count({ where: { workspaceId: ws.workspaceId } })).toBe(
      before,
    );
    const notJson = await createRoute(
      new Request("http://cue.test/api/v1/templates", {
        method: "POST",
        headers: { authorization: `Bearer ${ws.secretKey}`, "content-type": "application/json" },
        body: "{",
      }),
      ctx({}),
    );
    expect(notJson.status).toBe(400);
  });

  it("answers 404 for another workspace's template and leaves it unchanged; 401 without a valid key", async () => {
    const theirs = await create(email, other.secretKey);
    const id: string = theirs.body.template.id;
    expect((await one(id)).status).toBe(404);
    expect((await put(id, inApp)).status).toBe(404);
    expect((await remove(id)).status).toBe(404);
    const listed = await (
      await listRoute(apiRequest("/api/v1/templates", ws.secretKey), ctx({}))
    ).json();
    expect(listed.templates.map((t: Body) => t.id)).not.toContain(id);
    const stored = await prisma.messageTemplate.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ name: "Welcome", channel: "email" });

    expect((await one(id, "sk_unknown")).status).toBe(401);
    expect((await create(inApp, other.writeKey)).status).toBe(401);
    expect(await prisma.messageTemplate.count({ where: { id } })).toBe(1);

    const rotated = await createRevokedSecretKey();
    const made = await create(inApp, rotated.current);
    expect(made.status).toBe(201);
    expect((await remove(made.body.template.id, rotated.revoked)).status).toBe(401);
    expect((await one(made.body.template.id, rotated.current)).status).toBe(200);
  });
});
