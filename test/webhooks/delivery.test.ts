import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as replayRoute } from "@/app/api/v1/webhooks/[id]/deliveries/[deliveryId]/replay/route";
import { GET as deliveriesRoute } from "@/app/api/v1/webhooks/[id]/deliveries/route";
import { POST as rotateRoute } from "@/app/api/v1/webhooks/[id]/rotate-secret/route";
import { PATCH as patchRoute } from "@/app/api/v1/webhooks/[id]/route";
import { POST as testRoute } from "@/app/api/v1/webhooks/[id]/test/route";
import { prisma } from "@/lib/db/client";
import {
  deliverDueWebhooks,
  nextWebhookDueAt,
  purgeOldDeliveries,
  webhookDeliveryTask,
} from "@/lib/webhooks/deliver-webhooks";
import { MAX_ATTEMPTS } from "@/lib/webhooks/retry-schedule";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/fakes/webhook-receiver";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { apiRequest, createEndpoint, ctx } from "./webhook-fixtures";

// Delivery from the outbox on a fake clock: the worker's `now` is passed in,
// so retries, Retry-After, the day of failures that disables an endpoint and
// the rotation overlap are stepped through without sleeping.

let receiver: WebhookReceiver;
let ws: TestWorkspace;
const savedAllow = process.env.CUE_WEBHOOKS_ALLOW_PRIVATE;
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  ws = await createTestWorkspace("Webhook delivery");
});
afterAll(async () => {
  await receiver.close();
  restoreAllow();
});
beforeEach(async () => {
  process.env.CUE_WEBHOOKS_ALLOW_PRIVATE = "1";
  receiver.reset();
  // Each test starts with nothing due.
  await prisma.webhookMessage.updateMany({
    where: { status: "pending" },
    data: { status: "failed" },
  });
});
function restoreAllow() {
  if (savedAllow === undefined) delete process.env.CUE_WEBHOOKS_ALLOW_PRIVATE;
  else process.env.CUE_WEBHOOKS_ALLOW_PRIVATE = savedAllow;
}

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const round = (now: Date) => deliverDueWebhooks({ now, random: () => 0.5 });

async function sendTest(endpointId: string, secretKey = ws.secretKey) {
  const response = await testRoute(
    apiRequest(`/api/v1/webhooks/${endpointId}/test`, secretKey, { method: "POST" }),
    ctx({ id: endpointId }),
  );
  expect(response.status).toBe(202);
  return ((await response.json()) as { deliveryId: string }).deliveryId;
}

const message = (id: string) => prisma.webhookMessage.findUniqueOrThrow({ where: { id } });
const attempts = (id: string) =>
  prisma.webhookAttempt.findMany({ where: { messageId: id }, orderBy: { id: "asc" } });

describe("retries", () => {
  it("retries a 500 on the schedule (5 s, then 5 min) with the same webhook-id, then succeeds", async () => {
    const { id, secret } = await createEndpoint(ws, receiver.url, ["message.sent"]);
    const deliveryId = await sendTest(id);
    receiver.answer({ status: 500, body: "boom" }, { status: 502 });
    const t0 = at(new Date(), SECOND);

    expect(await round(t0)).toBe(1);
    let row = await message(deliveryId);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatus: 500 });
    expect(row.nextAttemptAt).toEqual(at(t0, 5 * SECOND));
    expect(await round(at(t0, 4 * SECOND))).toBe(0);

    expect(await round(at(t0, 5 * SECOND))).toBe(1);
    row = await message(deliveryId);
    expect(row).toMatchObject({ status: "pending", attempts: 2, lastStatus: 502 });
    expect(row.nextAttemptAt).toEqual(at(t0, 5 * SECOND + 5 * MINUTE));
    expect(await nextWebhookDueAt()).toEqual(row.nextAttemptAt);

    expect(await round(at(t0, 5 * SECOND + 5 * MINUTE))).toBe(1);
    row = await message(deliveryId);
    expect(row).toMatchObject({ status: "succeeded", attempts: 3, lastStatus: 200 });

    expect(receiver.received).toHaveLength(3);
    const ids = new Set(receiver.received.map((r) => r.headers["webhook-id"]));
    expect(ids).toEqual(new Set([deliveryId]));
    expect(receiver.received.every((r) => receiver.verifies(r, secret))).toBe(true);
    const log = await attempts(deliveryId);
    expect(log.map((a) => a.statusCode)).toEqual([500, 502, 200]);
    expect(log[0].responseBody).toBe("boom");
    expect(log.every((a) => a.durationMs >= 0)).toBe(true);
  });

  it("waits for Retry-After on a 429 when it is longer than the schedule", async () => {
    const { id } = await createEndpoint(ws, receiver.url, ["message.sent"]);
    const deliveryId = await sendTest(id);
    receiver.answer({ status: 429, headers: { "retry-after": "120" } });
    const t0 = at(new Date(), SECOND);
    await round(t0);
    const row = await message(deliveryId);
    expect(row).toMatchObject({ status: "pending", lastStatus: 429 });
    expect(row.nextAttemptAt).toEqual(at(t0, 120 * SECOND));
    expect(await round(at(t0, 119 * SECOND))).toBe(0);
    expect(await round(at(t0, 120 * SECOND))).toBe(1);
    expect((await message(deliveryId)).status).toBe("succeeded");
  });

  it("does not retry a 400, and fails for good after the last attempt", async () => {
    const { id } = await createEndpoint(ws, receiver.url, ["message.sent"]);
    const bad = await sendTest(id);
    receiver.answer({ status: 400 });
    await round(at(new Date(), SECOND));
    expect(await message(bad)).toMatchObject({ status: "failed", attempts: 1, lastStatus: 400 });

    const flaky = await sendTest(id);
    receiver.answer(...Array.from({ length: MAX_ATTEMPTS }, () => ({ status: 503 })));
    let now = at(new Date(), SECOND);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      expect(await round(now)).toBe(1);
      const row = await message(flaky);
      if (row.nextAttemptAt && row.status === "pending") now = row.nextAttemptAt;
    }
    expect(await message(flaky)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(await attempts(flaky)).toHaveLength(MAX_ATTEMPTS);
  });
});

describe("auto-disable", () => {
  it("disables an endpoint whose every attempt failed for a day, says so in the API, and one PATCH re-enables it", async () => {
    const { id } = await createEndpoint(ws, receiver.url, ["message.sent"]);
    const first = await sendTest(id);
    receiver.answer(...Array.from({ length: 20 }, () => ({ status: 500 })));
    const t0 = at(new Date(), SECOND);
    await round(t0);
    expect(
      (await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } })).failingSince,
    ).toEqual(t0);

    // Attempts keep failing; 25 hours later the next failure disables it.
    await prisma.webhookMessage.update({
      where: { id: first },
      data: { nextAttemptAt: at(t0, 25 * HOUR) },
    });
    await round(at(t0, 25 * HOUR));
    const endpoint = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: "failing" });
    expect(await message(first)).toMatchObject({ status: "failed" });

    const view = await (
      await deliveriesRoute(
        apiRequest(`/api/v1/webhooks/${id}/deliveries`, ws.secretKey),
        ctx({ id }),
      )
    ).json();
    expect(view.deliveries[0]).toMatchObject({ id: first, status: "failed" });

    // Disabled: no new events are queued, a test event is refused.
    const refused = await testRoute(
      apiRequest(`/api/v1/webhooks/${id}/test`, ws.secretKey, { method: "POST" }),
      ctx({ id }),
    );
    expect(refused.status).toBe(409);

    const patched = await patchRoute(
      apiRequest(`/api/v1/webhooks/${id}`, ws.secretKey, {
        method: "PATCH",
        body: { enabled: true },
      }),
      ctx({ id }),
    );
    expect(patched.status).toBe(200);
    expect((await patched.json()).webhook).toMatchObject({
      enabled: true,
      disabledReason: null,
      failingSince: null,
    });
  });
});

describe("private networks", () => {
  it("refuses a loopback target at delivery time, by resolved address too, unless allowed", async () => {
    const literal = await createEndpoint(ws, receiver.url, ["message.sent"]);
    const byName = await createEndpoint(ws, receiver.url.replace("127.0.0.1", "localhost"), [
      "message.sent",
    ]);
    const a = await sendTest(literal.id);
    const b = await sendTest(byName.id);
    delete process.env.CUE_WEBHOOKS_ALLOW_PRIVATE;
    await round(at(new Date(), SECOND));
    expect(receiver.received).toHaveLength(0);
    for (const id of [a, b]) {
      const row = await message(id);
      expect(row).toMatchObject({ status: "failed", attempts: 1, lastStatus: null });
      expect(row.lastError).toMatch(/private or reserved address/);
    }

    // Saving a literal private address is refused up front, naming the field.
    const created = await (await import("@/app/api/v1/webhooks/route")).POST(
      apiRequest("/api/v1/webhooks", ws.secretKey, {
        method: "POST",
        body: { url: "http://169.254.169.254/latest", eventTypes: ["message.sent"] },
      }),
      ctx({}),
    );
    expect(created.status).toBe(422);
    expect((await created.json()).error.details.issues[0].field).toBe("url");
  });
});

describe("secret rotation", () => {
  it("signs with both secrets for 24 hours after a rotation, then only the new one", async () => {
    const { id, secret: oldSecret } = await createEndpoint(ws, receiver.url, ["message.sent"]);
    const response = await rotateRoute(
      apiRequest(`/api/v1/webhooks/${id}/rotate-secret`, ws.secretKey, { method: "POST" }),
      ctx({ id }),
    );
    expect(response.status).toBe(200);
    const { secret: newSecret, webhook } = await response.json();
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(oldSecret);
    expect(webhook.previousSecretExpiresAt).toBeTruthy();

    await sendTest(id);
    await round(at(new Date(), SECOND));
    const during = receiver.received[0];
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(receiver.verifies(during, oldSecret)).toBe(true);
    expect(receiver.verifies(during, newSecret)).toBe(true);

    await sendTest(id);
    await round(at(new Date(), 25 * HOUR));
    const after = receiver.received[1];
    expect(receiver.verifies(after, newSecret)).toBe(true);
    expect(receiver.verifies(after, oldSecret)).toBe(false);
  });
});

describe("replay", () => {
  it("sends a delivered or failed delivery again with the same webhook-id and logs it as a replay", async () => {
    const { id } = await createEndpoint(ws, receiver.url, ["message.sent"]);
    const deliveryId = await sendTest(id);
    receiver.answer({ status: 400 });
    await round(at(new Date(), SECOND));
    expect((await message(deliveryId)).status).toBe("failed");

    const replay = (delivery: string, endpoint = id, key = ws.secretKey) =>
      replayRoute(
        apiRequest(`/api/v1/webhooks/${endpoint}/deliveries/${delivery}/replay`, key, {
          method: "POST",
        }),
        ctx({ id: endpoint, deliveryId: delivery }),
      );
    expect((await replay(deliveryId)).status).toBe(202);
    // Already pending again: a second replay is a conflict, not a double send.
    expect((await replay(deliveryId)).status).toBe(409);
    expect((await replay("msg_nope")).status).toBe(404);

    await round(at(new Date(), 2 * SECOND));
    expect((await message(deliveryId)).status).toBe("succeeded");
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([deliveryId, deliveryId]);
    expect((await attempts(deliveryId)).map((a) => [a.statusCode, a.trigger])).toEqual([
      [400, "test"],
      [200, "replay"],
    ]);
  });
});

describe("retention", () => {
  it("deletes finished deliveries older than 30 days with their attempts, never pending ones", async () => {
    const { id } = await createEndpoint(ws, receiver.url, ["message.sent"]);
    const done = await sendTest(id);
    await round(at(new Date(), SECOND));
    const pending = await sendTest(id);
    const old = new Date(Date.now() - 31 * 24 * HOUR);
    await prisma.webhookMessage.updateMany({
      where: { id: { in: [done, pending] } },
      data: { createdAt: old },
    });
    expect(await purgeOldDeliveries(new Date())).toBeGreaterThanOrEqual(1);
    expect(await prisma.webhookMessage.count({ where: { id: done } })).toBe(0);
    expect(await prisma.webhookAttempt.count({ where: { messageId: done } })).toBe(0);
    expect(await prisma.webhookMessage.count({ where: { id: pending } })).toBe(1);
  });
});

describe("the worker task", () => {
  it("POSTs in the background, so a slow receiver does not hold the worker loop", async () => {
    const { id } = await createEndpoint(ws, receiver.url, ["message.sent"]);
    const deliveryId = await sendTest(id);
    receiver.answer({ status: 200, delayMs: 800 });
    const task = webhookDeliveryTask();
    let woken = 0;
    task.attach?.(() => {
      woken++;
    });
    const started = performance.now();
    expect(await task.run(at(new Date(), SECOND))).toBe(1);
    expect(performance.now() - started).toBeLessThan(500);
    expect((await message(deliveryId)).status).toBe("pending");
    await task.drain?.();
    expect((await message(deliveryId)).status).toBe("succeeded");
    expect(woken).toBe(1);
  });

  it("does not query in rounds where it was not woken for webhooks and nothing it knows is due", async () => {
    const { id } = await createEndpoint(ws, receiver.url, ["message.sent"]);
    receiver.answer({ status: 200 });
    const task = webhookDeliveryTask();
    const now = at(new Date(), SECOND);
    await task.run(now); // a new task looks once
    await task.drain?.();
    const deliveryId = await sendTest(id); // its NOTIFY reaches no worker here
    const later = (ms: number) => new Date(now.getTime() + ms);
    expect(await task.run(later(100))).toBe(0);
    expect((await message(deliveryId)).status).toBe("pending");
    task.notified?.("engine-timers");
    expect(await task.run(later(200))).toBe(0);
    task.notified?.("webhooks");
    expect(await task.run(later(300))).toBe(1);
    await task.drain?.();
    expect((await message(deliveryId)).status).toBe("succeeded");
  });

  it("still finds work it was not told about within a second (a lost notification)", async () => {
    const { id } = await createEndpoint(ws, receiver.url, ["message.sent"]);
    receiver.answer({ status: 200 });
    const task = webhookDeliveryTask();
    const now = at(new Date(), SECOND);
    await task.run(now);
    await task.drain?.();
    const deliveryId = await sendTest(id);
    expect(await task.run(new Date(now.getTime() + 500))).toBe(0);
    expect(await task.run(new Date(now.getTime() + 1_000))).toBe(1);
    await task.drain?.();
    expect((await message(deliveryId)).status).toBe("succeeded");
  });

  it("keeps the first KB of an answer and does not read the rest", async () => {
    const { id } = await createEndpoint(ws, receiver.url, ["message.sent"]);
    const deliveryId = await sendTest(id);
    receiver.answer({ status: 200, body: "x".repeat(200_000) });
    await round(at(new Date(), SECOND));
    expect((await message(deliveryId)).status).toBe("succeeded");
    const [attempt] = await attempts(deliveryId);
    expect(attempt.responseBody).toHaveLength(1_024);
  });

  it("gives up on a receiver slower than the timeout and retries it", async () => {
    const { id } = await createEndpoint(ws, receiver.url, ["message.sent"]);
    const deliveryId = await sendTest(id);
    receiver.answer({ status: 200, delayMs: 1_000 });
    const now = at(new Date(), SECOND);
    await deliverDueWebhooks({ now, timeoutMs: 200, random: () => 0.5 });
    const row = await message(deliveryId);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatus: null });
    expect(row.lastError).toMatch(/Timed out after 200 ms/);
    expect(row.nextAttemptAt).toEqual(at(now, 5 * SECOND));
  });
});
