import { beforeAll, describe, expect, it } from "vitest";
import { POST as replayRoute } from "@/app/api/v1/webhooks/[id]/deliveries/[deliveryId]/replay/route";
import { GET as deliveriesRoute } from "@/app/api/v1/webhooks/[id]/deliveries/route";
import { POST as rotateRoute } from "@/app/api/v1/webhooks/[id]/rotate-secret/route";
import { DELETE, GET as getRoute, PATCH } from "@/app/api/v1/webhooks/[id]/route";
import { POST as testRoute } from "@/app/api/v1/webhooks/[id]/test/route";
import { POST as createRoute, GET as listRoute } from "@/app/api/v1/webhooks/route";
import { prisma } from "@/lib/db/client";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { apiRequest, ctx } from "./webhook-fixtures";

// The secret-key API: CRUD, clear validation errors naming the field, and
// tenant isolation (another workspace's key sees a 404 for everything).

let ws: TestWorkspace;
let other: TestWorkspace;
const URL_OK = "https://hooks.example.com/cue";

beforeAll(async () => {
  ws = await createTestWorkspace("Webhook API");
  other = await createTestWorkspace("Other tenant");
});

async function create(body: unknown, key = ws.secretKey) {
  const response = await createRoute(
    apiRequest("/api/v1/webhooks", key, { method: "POST", body }),
    ctx({}),
  );
  return { status: response.status, body: await response.json() };
}

describe("/api/v1/webhooks", () => {
  it("creates, lists, reads, edits and deletes an endpoint; the secret is shown only on create", async () => {
    const created = await create({
      url: URL_OK,
      description: "Billing",
      eventTypes: ["message.sent", "journey.entered", "message.sent"],
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(created.body.webhook).toMatchObject({
      url: URL_OK,
      description: "Billing",
      eventTypes: ["message.sent", "journey.entered"],
      enabled: true,
    });
    expect(created.body.webhook.secret).toBeUndefined();
    const id = created.body.webhook.id as string;

    const list = await (
      await listRoute(apiRequest("/api/v1/webhooks", ws.secretKey), ctx({}))
    ).json();
    expect(list.webhooks.map((w: { id: string }) => w.id)).toContain(id);
    expect(JSON.stringify(list)).not.toContain(created.body.secret);

    const one = await getRoute(apiRequest(`/api/v1/webhooks/${id}`, ws.secretKey), ctx({ id }));
    expect((await one.json()).webhook.id).toBe(id);

    const patched = await PATCH(
      apiRequest(`/api/v1/webhooks/${id}`, ws.secretKey, {
        method: "PATCH",
        body: { eventTypes: ["inbox.read"], enabled: false },
      }),
      ctx({ id }),
    );
    expect(patched.status).toBe(200);
    expect((await patched.json()).webhook).toMatchObject({
      eventTypes: ["inbox.read"],
      enabled: false,
      disabledReason: "manual",
    });

    const deleted = await DELETE(
      apiRequest(`/api/v1/webhooks/${id}`, ws.secretKey, { method: "DELETE" }),
      ctx({ id }),
    );
    expect(deleted.status).toBe(204);
    expect(await prisma.webhookEndpoint.count({ where: { id } })).toBe(0);
  });

  it.each([
    [{ url: "not a url", eventTypes: ["message.sent"] }, "url", /valid URL/],
    [{ url: "ftp://x.example.com", eventTypes: ["message.sent"] }, "url", /https/],
    [{ url: "https://u:p@x.example.com", eventTypes: ["message.sent"] }, "url", /credentials/],
    [
      { url: URL_OK, eventTypes: ["message.teleported"] },
      "eventTypes.0",
      /Unknown event type "message.teleported"/,
    ],
    [{ url: URL_OK, eventTypes: [] }, "eventTypes", /at least one/],
    [{ url: URL_OK }, "eventTypes", /./],
    [{ url: URL_OK, eventTypes: ["message.sent"], secret: "mine" }, "(root)", /secret/],
    [{ url: "http://10.0.0.8/hook", eventTypes: ["message.sent"] }, "url", /private/i],
  ])("refuses %j naming %s", async (body, field, message) => {
    const { status, body: answer } = await create(body);
    expect(status).toBe(422);
    expect(answer.error.code).toBe("validation_failed");
    const issue = answer.error.details.issues.find((i: { field: string }) => i.field === field);
    expect(issue, JSON.stringify(answer)).toBeTruthy();
    expect(`${answer.error.message} ${issue.message}`).toMatch(message);
  });

  it("refuses a body that is not JSON and a PATCH with nothing to change", async () => {
    const notJson = await createRoute(
      new Request("http://cue.test/api/v1/webhooks", {
        method: "POST",
        headers: { authorization: `Bearer ${ws.secretKey}`, "content-type": "application/json" },
        body: "{nope",
      }),
      ctx({}),
    );
    expect(notJson.status).toBe(400);
    const { body } = await create({ url: URL_OK, eventTypes: ["message.sent"] });
    const id = body.webhook.id;
    const empty = await PATCH(
      apiRequest(`/api/v1/webhooks/${id}`, ws.secretKey, { method: "PATCH", body: {} }),
      ctx({ id }),
    );
    expect(empty.status).toBe(422);
    const bad = await deliveriesRoute(
      apiRequest(`/api/v1/webhooks/${id}/deliveries?limit=1000`, ws.secretKey),
      ctx({ id }),
    );
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.details.issues[0].field).toBe("limit");
  });

  it("refuses a 51st endpoint with a 409", async () => {
    const full = await createTestWorkspace("Full");
    await prisma.webhookEndpoint.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({
        workspaceId: full.workspaceId,
        url: `https://hooks.example.com/${i}`,
        eventTypes: ["message.sent"],
        secret: "whsec_x",
      })),
    });
    const { status, body } = await create(
      { url: URL_OK, eventTypes: ["message.sent"] },
      full.secretKey,
    );
    expect(status).toBe(409);
    expect(body.error.message).toMatch(/at most 50/);
  });

  it("needs the secret key: no key or a write key is a 401", async () => {
    const none = await listRoute(new Request("http://cue.test/api/v1/webhooks"), ctx({}));
    expect(none.status).toBe(401);
    const write = await listRoute(apiRequest("/api/v1/webhooks", ws.writeKey), ctx({}));
    expect(write.status).toBe(401);
  });

  it("keeps tenants apart: another workspace's key cannot see or touch the endpoint", async () => {
    const { body } = await create({ url: URL_OK, eventTypes: ["message.sent"] });
    const id = body.webhook.id as string;
    const key = other.secretKey;
    const list = await (await listRoute(apiRequest("/api/v1/webhooks", key), ctx({}))).json();
    expect(list.webhooks).toEqual([]);

    const answers = await Promise.all([
      getRoute(apiRequest(`/api/v1/webhooks/${id}`, key), ctx({ id })),
      PATCH(
        apiRequest(`/api/v1/webhooks/${id}`, key, { method: "PATCH", body: { enabled: false } }),
        ctx({ id }),
      ),
      rotateRoute(
        apiRequest(`/api/v1/webhooks/${id}/rotate-secret`, key, { method: "POST" }),
        ctx({ id }),
      ),
      testRoute(apiRequest(`/api/v1/webhooks/${id}/test`, key, { method: "POST" }), ctx({ id })),
      deliveriesRoute(apiRequest(`/api/v1/webhooks/${id}/deliveries`, key), ctx({ id })),
      replayRoute(
        apiRequest(`/api/v1/webhooks/${id}/deliveries/msg_x/replay`, key, { method: "POST" }),
        ctx({ id, deliveryId: "msg_x" }),
      ),
      DELETE(apiRequest(`/api/v1/webhooks/${id}`, key, { method: "DELETE" }), ctx({ id })),
    ]);
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    const endpoint = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(endpoint).toMatchObject({
      enabled: true,
      workspaceId: ws.workspaceId,
      previousSecret: null,
    });
    expect(await prisma.webhookMessage.count({ where: { endpointId: id } })).toBe(0);
  });
});
