import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { processEvents } from "@/lib/engine/process-events";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import {
  advanceTo,
  drainEvents,
  FakeClock,
  identify,
  publishDefinition,
  runsOf,
  send,
  sentTo,
  setRules,
  traceOf,
  track,
} from "./engine-fixtures";

// The shell end to end on a fake clock: ingestion → engine_queue → entries,
// sends (Message rows, inbox items), timers, traces.

let ws: string;
const welcome = {
  version: 1,
  nodes: [
    { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
    {
      id: "hello",
      type: "send_inapp",
      content: {
        kind: "card",
        title: "Hi {{ profile.traits.name }}",
        body: "Plan: {{ event.plan }}",
      },
    },
    {
      id: "wait-1d",
      type: "delay",
      delay: { kind: "duration", duration: { amount: 1, unit: "days" } },
    },
    {
      id: "tips",
      type: "send_email",
      content: { subject: "Tips for {{ event.plan }}", body: "Hello {{ profile.traits.name }}" },
    },
    { id: "end", type: "exit" },
  ],
  edges: [
    { from: "trigger", to: "hello" },
    { from: "hello", to: "wait-1d" },
    { from: "wait-1d", to: "tips" },
    { from: "tips", to: "end" },
  ],
  settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
} satisfies JourneyDefinitionInput;

beforeAll(async () => {
  ({ workspaceId: ws } = await createTestWorkspace("Engine"));
  await setRules(ws, {});
  await publishDefinition(ws, "Welcome", welcome);
});

describe("processEvents", () => {
  it("enters on the event, sends in-app at once and email after the delay", async () => {
    const clock = new FakeClock("2026-03-02T10:00:00Z");
    await send(clock, ws, [
      identify("ada", { name: "Ada", email: "ada@example.com" }),
      track("ada", "Signed Up", { plan: "pro" }),
    ]);
    expect(await sentTo(ws, "ada")).toEqual([["hello", "in_app", "2026-03-02T10:00:00.000Z"]]);
    const item = await prisma.inboxItem.findFirstOrThrow({ where: { workspaceId: ws } });
    expect([item.title, item.body]).toEqual(["Hi Ada", "Plan: pro"]);
    expect(await prisma.engineQueue.count({ where: { workspaceId: ws } })).toBe(0);

    const [run] = await runsOf(ws, "ada");
    expect(run).toMatchObject({ status: "waiting", nodeId: "wait-1d" });
    expect(run?.wakeAt?.toISOString()).toBe("2026-03-03T10:00:00.000Z");

    await advanceTo(clock, "2026-03-03T09:59:00Z");
    expect(await sentTo(ws, "ada")).toHaveLength(1);
    await advanceTo(clock, "2026-03-04T00:00:00Z");
    expect(await sentTo(ws, "ada")).toEqual([
      ["hello", "in_app", "2026-03-02T10:00:00.000Z"],
      ["tips", "email", "2026-03-03T10:00:00.000Z"],
    ]);
    const email = await prisma.message.findFirstOrThrow({
      where: { workspaceId: ws, nodeId: "tips" },
    });
    expect(email.subject).toBe("Tips for pro");
    expect(email.idempotencyKey).toBe(`${run?.id}:tips:1`);
    const [done] = await runsOf(ws, "ada");
    expect(done).toMatchObject({ status: "completed", wakeAt: null });
    expect(await traceOf(done!.id)).toEqual([
      ["trigger", "entered"],
      ["hello", "sent"],
      ["wait-1d", "waiting"],
      ["wait-1d", "passed"],
      ["tips", "sent"],
      ["end", "exited"],
    ]);
  });

  it("ignores events nobody listens to, and does not re-enter a once journey", async () => {
    const clock = new FakeClock("2026-03-05T10:00:00Z");
    await send(clock, ws, [track("bo", "Logged In"), track("bo", "Signed Up")]);
    await send(clock, ws, [track("bo", "Signed Up")]);
    expect(await runsOf(ws, "bo")).toHaveLength(1);
  });

  it("keeps a profile's events in order when another worker holds an earlier one", async () => {
    const ordered = {
      version: 1,
      nodes: [
        { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Order Placed" } },
        { id: "paid", type: "wait", event: "Order Paid", timeout: { amount: 1, unit: "days" } },
        { id: "thanks", type: "send_inapp", content: { kind: "card", title: "Thanks" } },
        { id: "end", type: "exit" },
      ],
      edges: [
        { from: "trigger", to: "paid" },
        { from: "paid", exit: "did", to: "thanks" },
        { from: "paid", exit: "timeout", to: "end" },
        { from: "thanks", to: "end" },
      ],
      settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
    } satisfies JourneyDefinitionInput;
    await publishDefinition(ws, "Ordered", ordered);
    const clock = new FakeClock("2026-03-06T10:00:00Z");
    await send(clock, ws, [track("cy", "Order Placed"), track("cy", "Order Paid")], {
      evaluate: false,
    });
    // evaluate: false skipped the inbox; hand both events over as ingestion does.
    await prisma.$executeRaw`
      INSERT INTO engine_queue ("workspaceId", "eventId")
      SELECT "workspaceId", id FROM events
      WHERE "workspaceId" = ${ws} AND name IN ('Order Placed', 'Order Paid')
      ORDER BY CASE name WHEN 'Order Placed' THEN 0 ELSE 1 END`;
    const [first] = await prisma.engineQueue.findMany({
      where: { workspaceId: ws },
      orderBy: { id: "asc" },
    });

    // Another worker has claimed "Order Placed" and not yet committed.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT id FROM engine_queue WHERE id = $1 FOR UPDATE", [
        first!.id.toString(),
      ]);
      const result = await processEvents({ now: clock.now, log: () => {} });
      expect(result.events).toBe(0); // "Order Paid" waits for its predecessor
      expect(await prisma.engineQueue.count({ where: { workspaceId: ws } })).toBe(2);
      await other.query("ROLLBACK");
    } finally {
      await other.end();
    }
    await drainEvents(clock);
    expect((await sentTo(ws, "cy")).map(([node]) => node)).toEqual(["thanks"]);
  });
});
