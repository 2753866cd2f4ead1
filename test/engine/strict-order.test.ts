import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as batch } from "@/app/api/v1/batch/route";
import { prisma } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import { strictEventOrder } from "@/lib/engine/allowed-lateness";
import { engineTasks } from "@/lib/engine/engine-tasks";
import { nextQueuedEventDueAt } from "@/lib/engine/event-queue";
import { ENGINE_EVENTS_TASK, processEvents } from "@/lib/engine/process-events";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";
import { inAppNode } from "@/lib/journey-core/test-fixtures";
import { createJourney } from "@/lib/journeys/create-journey";
import { publishJourney } from "@/lib/journeys/publish-journey";
import { startRouteServer } from "@/test/fixtures/route-server";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { setRules } from "./engine-fixtures";

// Strict event order (CUE_STRICT_EVENT_ORDER), from outside: two sources of
// one user (an app server sending a trigger at once, a browser whose identify
// reaches Cue a minute late), through the tracking API over HTTP. In the
// default order the trigger is decided before the late identify arrives; in
// strict order the engine waits for the allowed lateness and decides it with
// the identify in place, as the backtest does.

let ws: TestWorkspace;
let server: Awaited<ReturnType<typeof startRouteServer>>;
const quiet = () => {};
const LATENESS_MS = 2 * 60_000;

beforeAll(async () => {
  ws = await createTestWorkspace("Strict order");
  await setRules(ws.workspaceId, {});
  server = await startRouteServer({ "/api/v1/batch": { POST: batch } });
  const definition: JourneyDefinitionInput = {
    version: 1,
    nodes: [
      { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Report Created" } },
      {
        id: "pro",
        type: "filter",
        condition: { all: [{ kind: "trait", path: "plan", operator: "eq", value: "pro" }] },
      },
      inAppNode("welcome", "Pro reports are live"),
      { id: "end", type: "exit" },
    ],
    edges: [
      { from: "trigger", to: "pro" },
      { from: "pro", to: "welcome" },
      { from: "welcome", to: "end" },
    ],
    settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
  };
  const journey = await createJourney({
    workspaceId: ws.workspaceId,
    journey: { name: "Pro reports", definition: definition as Record<string, unknown> },
  });
  await publishJourney({
    workspaceId: ws.workspaceId,
    id: journey.id,
    at: new Date(Date.now() - 10 * 60_000),
  });
});

afterAll(async () => {
  await server?.close();
});

async function postBatch(items: Record<string, unknown>[]): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/batch`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Basic ${Buffer.from(`${ws.writeKey}:`).toString("base64")}`,
    },
    body: JSON.stringify({
      batch: items.map((item) => ({ messageId: randomUUID(), ...item })),
      sentAt: new Date().toISOString(),
    }),
  });
  expect(response.status).toBe(200);
}

/** The app server's trigger, sent at once. */
async function sendTrigger(userId: string, at: number): Promise<void> {
  await postBatch([
    { type: "track", userId, event: "Report Created", timestamp: new Date(at).toISOString() },
  ]);
}
async function sendLateIdentify(userId: string, at: number): Promise<void> {
  await postBatch([
    {
      type: "identify",
      userId,
      traits: { plan: "pro" },
      timestamp: new Date(at - 60_000).toISOString(),
    },
  ]);
}

async function drain(now: number, strictOrder: boolean): Promise<number> {
  let total = 0;
  for (;;) {
    const { events } = await processEvents({
      now: () => new Date(now),
      log: quiet,
      allowedLatenessMs: LATENESS_MS,
      strictOrder,
    });
    if (events === 0) return total;
    total += events;
  }
}

async function messagesTo(userId: string): Promise<string[]> {
  const profile = await prisma.profile.findFirstOrThrow({
    where: { workspaceId: ws.workspaceId, userId },
  });
  const rows = await prisma.message.findMany({
    where: { workspaceId: ws.workspaceId, profileId: profile.id },
  });
  return rows.map((row) => row.nodeId ?? "");
}

describe("strict event order", () => {
  it("default order: the trigger is decided before the late identify, which cannot change it", async () => {
    const at = Date.now() - 30_000;
    await sendTrigger("default-user", at);
    expect(await drain(Date.now(), false)).toBe(1);
    await sendLateIdentify("default-user", at);
    await drain(Date.now(), false);
    expect(await messagesTo("default-user")).toEqual([]);
  });

  it("strict order: nothing is evaluated before the lateness passes, then in event-time order", async () => {
    const at = Date.now() - 30_000;
    await sendTrigger("strict-user", at);
    // Not due yet: the trigger waits for whatever of its user may still arrive.
    expect(await drain(Date.now(), true)).toBe(0);
    expect(await messagesTo("strict-user")).toEqual([]);
    await sendLateIdentify("strict-user", at);
    // The worker's next wake: the earliest queued event's time plus the lateness. (No
    // journey reacts to the identify itself, so it is not queued; the filter reads it
    // off the profile's history at the trigger's time.)
    const due = await nextQueuedEventDueAt(sql, LATENESS_MS);
    expect(Math.abs((due?.getTime() ?? 0) - (at + LATENESS_MS))).toBeLessThan(1_000); // skew correction
    expect(await drain(at + LATENESS_MS - 2_000, true)).toBe(0);
    expect(await drain(at + LATENESS_MS + 1_000, true)).toBe(1); // the trigger, with plan = pro
    expect(await messagesTo("strict-user")).toEqual(["welcome"]);
    expect(await nextQueuedEventDueAt(sql, LATENESS_MS)).toBeNull();
  });

  it("is off unless CUE_STRICT_EVENT_ORDER is true or 1, and the events task sleeps until its next event is due", async () => {
    const saved = process.env.CUE_STRICT_EVENT_ORDER;
    try {
      delete process.env.CUE_STRICT_EVENT_ORDER;
      expect(strictEventOrder()).toBe(false);
      process.env.CUE_STRICT_EVENT_ORDER = "no";
      expect(strictEventOrder()).toBe(false);
      const task = engineTasks().find((t) => t.name === ENGINE_EVENTS_TASK);
      expect(await task?.nextDueAt?.()).toBeNull();
      process.env.CUE_STRICT_EVENT_ORDER = "1";
      expect(strictEventOrder()).toBe(true);
      process.env.CUE_STRICT_EVENT_ORDER = "true";
      expect(strictEventOrder()).toBe(true);
      const at = Date.now() - 10_000;
      await sendTrigger("task-user", at);
      const due = await task?.nextDueAt?.();
      // The default allowed lateness (5 s), give or take the skew correction of the request.
      expect(Math.abs((due?.getTime() ?? 0) - (at + 5_000))).toBeLessThan(1_000);
    } finally {
      if (saved === undefined) delete process.env.CUE_STRICT_EVENT_ORDER;
      else process.env.CUE_STRICT_EVENT_ORDER = saved;
    }
  });
});
