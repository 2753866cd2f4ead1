import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as batch } from "@/app/api/v1/batch/route";
import { prisma } from "@/lib/db/client";
import { processDueRuns } from "@/lib/engine/process-due-runs";
import { processEvents } from "@/lib/engine/process-events";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";
import { inAppNode } from "@/lib/journey-core/test-fixtures";
import { pauseJourney, resumeJourney } from "@/lib/journeys/change-journey-status";
import { createJourney } from "@/lib/journeys/create-journey";
import { publishJourney } from "@/lib/journeys/publish-journey";
import { runJourneyAction } from "@/lib/journeys/run-journey-action";
import { startRouteServer } from "@/test/fixtures/route-server";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { runsOf, setRules, traceOf } from "./engine-fixtures";

// The three ways "judged by processing time" showed up from outside, through
// the tracking API over HTTP: a batch that holds a trigger and the event that
// ends its wait (or its goal), an engine that is behind, and a pause.

let ws: TestWorkspace;
let server: Awaited<ReturnType<typeof startRouteServer>>;
const quiet = () => {};

beforeAll(async () => {
  ws = await createTestWorkspace("Event time");
  await setRules(ws.workspaceId, {});
  server = await startRouteServer({ "/api/v1/batch": { POST: batch } });
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

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** The engine as a worker runs it, at `now` (later than real time when it is behind). */
async function engineAt(now: Date): Promise<void> {
  while ((await processEvents({ now: () => now, log: quiet, allowedLatenessMs: 0 })).events > 0) {}
  while (
    (await processDueRuns({ now: () => now, log: quiet, allowedLatenessMs: 0 })).claimed > 0
  ) {}
}

/** A journey published ten minutes ago (published just now, its triggers would predate it). */
async function publish(name: string, definition: JourneyDefinitionInput): Promise<string> {
  const journey = await createJourney({
    workspaceId: ws.workspaceId,
    journey: { name, definition: definition as Record<string, unknown> },
  });
  await publishJourney({
    workspaceId: ws.workspaceId,
    id: journey.id,
    at: new Date(Date.now() - 10 * 60_000),
  });
  return journey.id;
}

/** Trigger A → wait up to 1 minute for B → "did" / "timed out" in-app messages. */
function waitFor(a: string, b: string): JourneyDefinitionInput {
  return {
    version: 1,
    nodes: [
      { id: "trigger", type: "trigger", trigger: { kind: "event", event: a } },
      { id: "wait", type: "wait", event: b, timeout: { amount: 1, unit: "minutes" } },
      inAppNode("did", "Thanks for doing it"),
      inAppNode("nudge", "You stopped halfway"),
      { id: "end", type: "exit" },
    ],
    edges: [
      { from: "trigger", to: "wait" },
      { from: "wait", to: "did", exit: "did" },
      { from: "wait", to: "nudge", exit: "timeout" },
      { from: "did", to: "end" },
      { from: "nudge", to: "end" },
    ],
    settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
  };
}

async function sentNodes(userId: string): Promise<string[]> {
  const [run] = await runsOf(ws.workspaceId, userId);
  if (!run) return [];
  const messages = await prisma.message.findMany({ where: { runId: run.id } });
  return messages.map((m) => m.nodeId ?? "");
}

describe("a batch holding a trigger and what follows it", () => {
  it("the event that ends the wait, in the same batch, takes the 'did' exit", async () => {
    await publish("Wait in batch", waitFor("Batch A", "Batch B"));
    await postBatch([
      { type: "track", userId: "batch-1", event: "Batch A", timestamp: ago(2_000) },
      { type: "track", userId: "batch-1", event: "Batch B", timestamp: ago(1_000) },
    ]);
    await engineAt(new Date(Date.now() + 120_000));
    const [run] = await runsOf(ws.workspaceId, "batch-1");
    expect(await traceOf(run!.id)).toEqual([
      ["trigger", "entered"],
      ["wait", "waiting"],
      ["wait", "event_received"],
      ["did", "sent"],
      ["end", "exited"],
    ]);
    expect(await sentNodes("batch-1")).toEqual(["did"]);
  });

  it("a goal in the same batch converts the run: no nudge", async () => {
    await publish("Goal in batch", {
      version: 1,
      nodes: [
        { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Goal A" } },
        {
          id: "delay",
          type: "delay",
          delay: { kind: "duration", duration: { amount: 1, unit: "minutes" } },
        },
        inAppNode("nudge", "Still there?"),
        { id: "end", type: "exit" },
      ],
      edges: [
        { from: "trigger", to: "delay" },
        { from: "delay", to: "nudge" },
        { from: "nudge", to: "end" },
      ],
      settings: { reentry: { mode: "always" }, holdoutPercent: 0, goal: { event: "Goal G" } },
    });
    await postBatch([
      { type: "track", userId: "goal-1", event: "Goal A", timestamp: ago(2_000) },
      { type: "track", userId: "goal-1", event: "Goal G", timestamp: ago(1_000) },
    ]);
    await engineAt(new Date(Date.now() + 120_000));
    const [run] = await runsOf(ws.workspaceId, "goal-1");
    expect(run).toMatchObject({ status: "converted" });
    expect(await sentNodes("goal-1")).toEqual([]);
  });

  it("without client timestamps, an engine 10 s behind still sees B after the run entered", async () => {
    await publish("Lagging engine", waitFor("Lag A", "Lag B"));
    await postBatch([{ type: "track", userId: "lag-1", event: "Lag A" }]);
    await postBatch([{ type: "track", userId: "lag-1", event: "Lag B" }]);
    await engineAt(new Date(Date.now() + 10_000));
    await engineAt(new Date(Date.now() + 120_000));
    expect(await sentNodes("lag-1")).toEqual(["did"]);
  });

  it("a trigger that arrives after the event that ends its wait still takes the 'did' exit", async () => {
    await publish("Out of order", waitFor("Order A", "Order B"));
    // B reaches Cue (and is evaluated) first; A happened a second before it.
    await postBatch([
      { type: "track", userId: "order-1", event: "Order B", timestamp: ago(1_000) },
    ]);
    await engineAt(new Date());
    await postBatch([
      { type: "track", userId: "order-1", event: "Order A", timestamp: ago(2_000) },
    ]);
    await engineAt(new Date(Date.now() + 120_000));
    expect(await sentNodes("order-1")).toEqual(["did"]);
  });
});

describe("pause is decided by event time", () => {
  it("a trigger received during a pause never enters, however far behind the engine is", async () => {
    const id = await publish("Paused trigger", waitFor("Pause A", "Pause B"));
    await pauseJourney({ workspaceId: ws.workspaceId, id });
    await postBatch([{ type: "track", userId: "pause-1", event: "Pause A" }]);
    await resumeJourney({ workspaceId: ws.workspaceId, id });
    await engineAt(new Date(Date.now() + 5_000));
    expect(await runsOf(ws.workspaceId, "pause-1")).toEqual([]);
  });

  it("a goal sent during a pause converts the run on resume", async () => {
    const id = await publish("Paused goal", {
      ...waitFor("Held A", "Held B"),
      settings: { reentry: { mode: "always" }, holdoutPercent: 0, goal: { event: "Held G" } },
    });
    await postBatch([{ type: "track", userId: "held-1", event: "Held A", timestamp: ago(3_000) }]);
    await engineAt(new Date());
    await pauseJourney({ workspaceId: ws.workspaceId, id });
    await postBatch([{ type: "track", userId: "held-1", event: "Held G", timestamp: ago(1_000) }]);
    await engineAt(new Date());
    expect((await runsOf(ws.workspaceId, "held-1"))[0]).toMatchObject({ status: "waiting" });
    await resumeJourney({ workspaceId: ws.workspaceId, id });
    await engineAt(new Date(Date.now() + 1_000));
    const [run] = await runsOf(ws.workspaceId, "held-1");
    expect(run).toMatchObject({ status: "converted" });
    expect(await sentNodes("held-1")).toEqual([]);
  });
});

describe("a late event that ended a run before a later trigger", () => {
  const at = (ms: number) => new Date(ms).toISOString();
  const seconds = (base: number, runs: { enteredAt: Date; status: string }[]) =>
    runs.map((r) => [Math.round((r.enteredAt.getTime() - base) / 1000), r.status]);

  it("the trigger refused while the run was in progress enters once the wait's event arrives", async () => {
    const base = Date.now() - 9 * 60_000; // published 10 min ago
    await publish("Late end", waitFor("Late end A", "Late end B"));
    const user = "late-end-1";
    await postBatch([{ type: "track", userId: user, event: "Late end A", timestamp: at(base) }]);
    await engineAt(new Date(base + 1_000));
    await postBatch([
      { type: "track", userId: user, event: "Late end A", timestamp: at(base + 30_000) },
    ]);
    await engineAt(new Date(base + 31_000));
    expect(seconds(base, await runsOf(ws.workspaceId, user))).toEqual([[0, "waiting"]]);
    // The wait's event happened at +20 s, before the second trigger, and reaches Cue after it.
    await postBatch([
      { type: "track", userId: user, event: "Late end B", timestamp: at(base + 20_000) },
    ]);
    await engineAt(new Date(base + 32_000));
    await engineAt(new Date(base + 100_000));
    const runs = await runsOf(ws.workspaceId, user);
    expect(seconds(base, runs)).toEqual([
      [0, "completed"],
      [30, "completed"],
    ]);
    expect(await traceOf(runs[1]!.id)).toEqual([
      ["trigger", "entered"],
      ["wait", "waiting"],
      ["wait", "timed_out"],
      ["nudge", "sent"],
      ["end", "exited"],
    ]);
  });

  it("a late goal does the same, and a trigger before the goal stays refused", async () => {
    const base = Date.now() - 9 * 60_000;
    await publish("Late goal", {
      ...waitFor("Late goal A", "Late goal B"),
      settings: { reentry: { mode: "always" }, holdoutPercent: 0, goal: { event: "Late goal G" } },
    });
    const user = "late-goal-1";
    await postBatch([{ type: "track", userId: user, event: "Late goal A", timestamp: at(base) }]);
    await engineAt(new Date(base + 1_000));
    await postBatch([
      { type: "track", userId: user, event: "Late goal A", timestamp: at(base + 10_000) },
      { type: "track", userId: user, event: "Late goal A", timestamp: at(base + 40_000) },
    ]);
    await engineAt(new Date(base + 41_000));
    await postBatch([
      { type: "track", userId: user, event: "Late goal G", timestamp: at(base + 25_000) },
    ]);
    await engineAt(new Date(base + 42_000));
    await engineAt(new Date(base + 120_000));
    expect(seconds(base, await runsOf(ws.workspaceId, user))).toEqual([
      [0, "converted"],
      [40, "completed"],
    ]);
  });
});

describe("triggers the engine first meets while the journey is paused", () => {
  const at = (ms: number) => new Date(ms).toISOString();
  const runAt = (ms: number) => engineAt(new Date(ms));

  /** Two triggers 2 min apart (a run lasts 1 min), sent while live, reaching Cue during a pause. */
  async function twoTriggersDuringPause(name: string, userId: string, base: number) {
    const id = await publish(name, waitFor(`${name} A`, `${name} B`));
    await pauseJourney({ workspaceId: ws.workspaceId, id, at: new Date(base + 200_000) });
    await postBatch([
      { type: "track", userId, event: `${name} A`, timestamp: at(base) },
      { type: "track", userId, event: `${name} A`, timestamp: at(base + 120_000) },
    ]);
    await runAt(base + 210_000);
    // Held: the first run is created, not entered; the second trigger is kept with it.
    expect(await runsOf(ws.workspaceId, userId)).toHaveLength(1);
    await resumeJourney({ workspaceId: ws.workspaceId, id, at: new Date(base + 300_000) });
    return id;
  }

  async function expectTwoNudgedRuns(userId: string, base: number) {
    const runs = await runsOf(ws.workspaceId, userId);
    // Seconds after base (the event time is corrected for the client's clock by a few ms).
    expect(runs.map((r) => [Math.round((r.enteredAt.getTime() - base) / 1000), r.status])).toEqual([
      [0, "completed"],
      [120, "completed"],
    ]);
    for (const run of runs) {
      expect(await traceOf(run.id)).toEqual([
        ["trigger", "entered"],
        ["wait", "waiting"],
        ["wait", "timed_out"],
        ["nudge", "sent"],
        ["end", "exited"],
      ]);
    }
  }

  it("the second enters on resume when the first run had ended before it (the timer task catches up)", async () => {
    const base = Date.now() - 9 * 60_000; // published 10 min ago
    await twoTriggersDuringPause("Paused twice", "paused-twice-1", base);
    await runAt(base + 310_000);
    await expectTwoNudgedRuns("paused-twice-1", base);
  });

  it("the same when the profile's next event reaches the engine before the timer task", async () => {
    const base = Date.now() - 9 * 60_000; // published 10 min ago
    await twoTriggersDuringPause("Paused twice next", "paused-twice-2", base);
    await postBatch([
      {
        type: "track",
        userId: "paused-twice-2",
        event: "Something else",
        timestamp: at(base + 305_000),
      },
    ]);
    await processEvents({ now: () => new Date(base + 310_000), log: quiet, allowedLatenessMs: 0 });
    await runAt(base + 310_000);
    await expectTwoNudgedRuns("paused-twice-2", base);
  });

  it("the second is still refused when the first run was in progress at its time", async () => {
    const base = Date.now() - 9 * 60_000; // published 10 min ago
    const id = await publish("Paused overlap", waitFor("Paused overlap A", "Paused overlap B"));
    await pauseJourney({ workspaceId: ws.workspaceId, id, at: new Date(base + 200_000) });
    await postBatch([
      { type: "track", userId: "paused-overlap", event: "Paused overlap A", timestamp: at(base) },
      {
        type: "track",
        userId: "paused-overlap",
        event: "Paused overlap A",
        timestamp: at(base + 30_000),
      },
    ]);
    await runAt(base + 210_000);
    await resumeJourney({ workspaceId: ws.workspaceId, id, at: new Date(base + 300_000) });
    await runAt(base + 310_000);
    const runs = await runsOf(ws.workspaceId, "paused-overlap");
    expect(runs.map((r) => [Math.round((r.enteredAt.getTime() - base) / 1000), r.status])).toEqual([
      [0, "completed"],
    ]);
  });
});

describe("an event right after a timer waits for it (the allowed lateness)", () => {
  const LATENESS = 5_000;
  /** A worker's rounds at `now`, with the default lateness, until nothing is left. */
  async function worker(now: number): Promise<void> {
    const options = { now: () => new Date(now), log: quiet, allowedLatenessMs: LATENESS };
    for (let worked = 1; worked > 0; ) {
      worked = (await processEvents(options)).events;
      worked += (await processDueRuns(options)).claimed;
    }
  }
  const at = (ms: number) => new Date(ms).toISOString();

  it("a wait's event sent 3 s late still ends the wait, though a later event came first", async () => {
    const base = Date.now() - 5 * 60_000;
    await publish("Late before a later event", waitFor("Race A", "Race B"));
    await postBatch([{ type: "track", userId: "race-1", event: "Race A", timestamp: at(base) }]);
    await worker(base + 1_000);
    // The timeout is due at base + 60 s. Another event of the user, at base + 61 s, arrives
    // first (re-entry refused: the run is in progress); the wait's event, at base + 59 s, is 3 s late.
    await postBatch([
      { type: "track", userId: "race-1", event: "Race A", timestamp: at(base + 61_000) },
    ]);
    await worker(base + 61_500);
    expect((await runsOf(ws.workspaceId, "race-1"))[0]).toMatchObject({ status: "waiting" });
    await postBatch([
      { type: "track", userId: "race-1", event: "Race B", timestamp: at(base + 59_000) },
    ]);
    await worker(base + 62_000);
    await worker(base + 70_000);
    const [run] = await runsOf(ws.workspaceId, "race-1");
    expect(await traceOf(run!.id)).toEqual([
      ["trigger", "entered"],
      ["wait", "waiting"],
      ["wait", "event_received"],
      ["did", "sent"],
      ["end", "exited"],
    ]);
  });

  it("an event just after a resume does not overtake the wait's event held during the pause", async () => {
    const base = Date.now() - 5 * 60_000;
    const id = await publish("Held before resume", waitFor("Resume A", "Resume B"));
    await postBatch([
      { type: "track", userId: "resume-1", event: "Resume A", timestamp: at(base) },
    ]);
    await worker(base + 1_000);
    await pauseJourney({ workspaceId: ws.workspaceId, id, at: new Date(base + 10_000) });
    await postBatch([
      { type: "track", userId: "resume-1", event: "Resume B", timestamp: at(base + 20_000) },
    ]);
    await worker(base + 21_000);
    // Resumed after the wait's timeout was due; the user's next event is evaluated before
    // the timer task gets to the run.
    await resumeJourney({ workspaceId: ws.workspaceId, id, at: new Date(base + 80_000) });
    await postBatch([
      { type: "track", userId: "resume-1", event: "Resume A", timestamp: at(base + 81_000) },
    ]);
    await processEvents({ now: () => new Date(base + 90_000), log: quiet });
    await worker(base + 90_000);
    const [run] = await runsOf(ws.workspaceId, "resume-1");
    expect(run).toMatchObject({ status: "completed" });
    expect(await sentNodes("resume-1")).toEqual(["did"]);
  });
});

describe("a trait-change trigger enters on a change seen after publish", () => {
  const becamePro = (name: string): JourneyDefinitionInput => ({
    version: 1,
    nodes: [
      {
        id: "trigger",
        type: "trigger",
        trigger: {
          kind: "trait_change",
          conditions: [{ kind: "trait", path: name, operator: "eq", value: "pro" }],
        },
      },
      inAppNode("thanks", "Welcome to Pro"),
      { id: "end", type: "exit" },
    ],
    edges: [
      { from: "trigger", to: "thanks" },
      { from: "thanks", to: "end" },
    ],
    settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
  });

  async function publishNow(name: string, enterMatching?: boolean): Promise<string> {
    const journey = await createJourney({
      workspaceId: ws.workspaceId,
      journey: { name, definition: becamePro(name) as Record<string, unknown> },
    });
    await publishJourney({
      workspaceId: ws.workspaceId,
      id: journey.id,
      publish: { enterMatching },
    });
    return journey.id;
  }

  it("someone who already matched does not enter when the app identifies them again", async () => {
    await postBatch([{ type: "identify", userId: "tc-1", traits: { planA: "pro" } }]);
    await postBatch([{ type: "identify", userId: "tc-2", traits: { planA: "free" } }]);
    await engineAt(new Date());
    await publishNow("planA");
    // Apps identify on every page load: same traits, later.
    await postBatch([{ type: "identify", userId: "tc-1", traits: { planA: "pro" } }]);
    await postBatch([{ type: "identify", userId: "tc-2", traits: { planA: "pro" } }]);
    await engineAt(new Date(Date.now() + 1_000));
    expect(await runsOf(ws.workspaceId, "tc-1")).toEqual([]);
    expect(await sentNodes("tc-2")).toEqual(["thanks"]);
    // A real change after publish enters.
    await postBatch([{ type: "identify", userId: "tc-1", traits: { planA: "free" } }]);
    await postBatch([{ type: "identify", userId: "tc-1", traits: { planA: "pro" } }]);
    await engineAt(new Date(Date.now() + 2_000));
    expect(await sentNodes("tc-1")).toEqual(["thanks"]);
  });

  it("publishing can also enter the people who match now, after saying how many", async () => {
    await postBatch([
      { type: "identify", userId: "tm-1", traits: { planB: "pro" } },
      { type: "identify", userId: "tm-2", traits: { planB: "pro" } },
      { type: "identify", userId: "tm-3", traits: { planB: "free" } },
    ]);
    await engineAt(new Date());
    const journey = await createJourney({
      workspaceId: ws.workspaceId,
      journey: { name: "planB", definition: becamePro("planB") as Record<string, unknown> },
    });
    const preview = await runJourneyAction({
      workspaceId: ws.workspaceId,
      id: journey.id,
      action: "validate",
      body: {},
    });
    expect(preview).toMatchObject({ valid: true, matchingNow: 2 });
    await publishJourney({
      workspaceId: ws.workspaceId,
      id: journey.id,
      publish: { enterMatching: true },
    });
    expect(await sentNodes("tm-1")).toEqual(["thanks"]);
    expect(await sentNodes("tm-2")).toEqual(["thanks"]);
    expect(await runsOf(ws.workspaceId, "tm-3")).toEqual([]);
  });
});

describe("the timer task decides as of each timer's due time", () => {
  it("a trait the app changed after the timer was due does not count, one changed before it does", async () => {
    await publish("Pro after a minute", {
      version: 1,
      nodes: [
        { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Trial Began" } },
        {
          id: "wait",
          type: "delay",
          delay: { kind: "duration", duration: { amount: 1, unit: "minutes" } },
        },
        {
          id: "pro",
          type: "filter",
          condition: { all: [{ kind: "trait", path: "plan", operator: "eq", value: "pro" }] },
        },
        inAppNode("tips", "Pro tips"),
        { id: "end", type: "exit" },
      ],
      edges: [
        { from: "trigger", to: "wait" },
        { from: "wait", to: "pro" },
        { from: "pro", to: "tips" },
        { from: "tips", to: "end" },
      ],
      settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
    });
    // Both enter 4 minutes ago as free users; their timers are due 3 minutes ago.
    // One upgrades before its timer is due; the engine is then at 190 s ago.
    await postBatch([
      ...["due-late", "due-early"].flatMap((userId) => [
        { type: "identify", userId, traits: { plan: "free" }, timestamp: ago(300_000) },
        { type: "track", userId, event: "Trial Began", timestamp: ago(240_000) },
      ]),
      { type: "identify", userId: "due-early", traits: { plan: "pro" }, timestamp: ago(200_000) },
    ]);
    await engineAt(new Date(Date.now() - 190_000));
    expect((await runsOf(ws.workspaceId, "due-early"))[0]).toMatchObject({ status: "waiting" });
    // The other upgrades after its timer was due, before the worker got to it.
    await postBatch([
      { type: "identify", userId: "due-late", traits: { plan: "pro" }, timestamp: ago(60_000) },
    ]);
    // The timer task alone meets both runs, with both profiles stored as "pro".
    while (
      (await processDueRuns({ now: () => new Date(), log: quiet, allowedLatenessMs: 0 })).claimed >
      0
    ) {}
    expect(await sentNodes("due-late")).toEqual([]);
    expect(await sentNodes("due-early")).toEqual(["tips"]);
    const [late] = await runsOf(ws.workspaceId, "due-late");
    expect(late).toMatchObject({ status: "filtered" });
  });
});
