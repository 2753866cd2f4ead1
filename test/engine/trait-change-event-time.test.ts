import { beforeAll, describe, expect, it } from "vitest";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";
import { inAppNode } from "@/lib/journey-core/test-fixtures";
import { pauseJourney, resumeJourney } from "@/lib/journeys/change-journey-status";
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

// Trait-change triggers follow the event-time rules of tracked-event triggers.
// Pause: an identify is decided by its event time against the journey's
// status history. A change to matching that happened while the journey was
// paused never enters, however late Cue sees it; one that happened while it
// was live enters as of its time, even when the engine gets to it only during
// the pause, or is refused then because a held run looked in progress
// (decided again once that run has caught up). Late events: a change refused
// because a run was in progress is decided again when a wait or goal event
// that reaches Cue later shows the run had ended before it.

let ws: string;
const MINUTE = 60_000;
const T = Date.parse("2026-06-01T10:00:00Z");
const at = (minutes: number) => new Date(T + minutes * MINUTE);
const iso = (minutes: number) => at(minutes).toISOString();

/** Enter when `path` becomes pro → wait up to 1 h for "Used <path>" → did / nudge. */
const becamePro = (path: string): JourneyDefinitionInput => ({
  version: 1,
  nodes: [
    {
      id: "trigger",
      type: "trigger",
      trigger: {
        kind: "trait_change",
        conditions: [{ kind: "trait", path, operator: "eq", value: "pro" }],
      },
    },
    { id: "wait", type: "wait", event: `Used ${path}`, timeout: { amount: 1, unit: "hours" } },
    inAppNode("did", "Nice"),
    inAppNode("nudge", "Try Pro"),
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
});

async function journey(path: string): Promise<string> {
  return publishDefinition(ws, `Became ${path}`, becamePro(path));
}

/** [minutes after T the run entered, status] of a profile's runs. */
async function runMinutes(userId: string) {
  const runs = await runsOf(ws, userId);
  return runs.map((r) => [(r.enteredAt.getTime() - T) / MINUTE, r.status]);
}

const NUDGED = [
  ["trigger", "entered"],
  ["wait", "waiting"],
  ["wait", "timed_out"],
  ["nudge", "sent"],
  ["end", "exited"],
];

beforeAll(async () => {
  ({ workspaceId: ws } = await createTestWorkspace("Pause and trait changes"));
  await setRules(ws, {});
});

describe("a trait change and a pause, decided by event time", () => {
  it("an identify during the pause never enters, not on resume and not when the app identifies again", async () => {
    const id = await journey("planP1");
    const clock = new FakeClock(iso(0));
    await send(clock, ws, [
      identify("p1", { planP1: "free" }),
      identify("p1b", { planP1: "free" }),
    ]);
    await pauseJourney({ workspaceId: ws, id, at: at(10) });
    clock.set(at(20));
    // p1: evaluated during the pause; p1b: the engine is behind and reaches it after the resume.
    await send(clock, ws, [identify("p1", { planP1: "pro" })]);
    await send(clock, ws, [identify("p1b", { planP1: "pro" })], { drain: false });
    await resumeJourney({ workspaceId: ws, id, at: at(30) });
    clock.set(at(35));
    await drainEvents(clock);
    await advanceTo(clock, at(36));
    // Apps identify on every page load: the same traits, after the resume, are no change.
    clock.set(at(40));
    await send(clock, ws, [identify("p1", { planP1: "pro" }), identify("p1b", { planP1: "pro" })]);
    await advanceTo(clock, at(200));
    expect(await runsOf(ws, "p1")).toEqual([]);
    expect(await runsOf(ws, "p1b")).toEqual([]);
    // A real change after the resume enters.
    clock.set(at(210));
    await send(clock, ws, [identify("p1", { planP1: "free" })]);
    clock.set(at(211));
    await send(clock, ws, [identify("p1", { planP1: "pro" })]);
    expect(await runMinutes("p1")).toEqual([[211, "waiting"]]);
  });

  it("an identify from before the pause that the engine reaches during it enters as of its time", async () => {
    const id = await journey("planP2");
    const clock = new FakeClock(iso(0));
    await send(clock, ws, [identify("p2", { planP2: "free" })]);
    clock.set(at(5));
    await send(clock, ws, [identify("p2", { planP2: "pro" })], { drain: false });
    await pauseJourney({ workspaceId: ws, id, at: at(10) });
    clock.set(at(15));
    await drainEvents(clock);
    // Created and held: nothing is sent during the pause.
    expect(await runMinutes("p2")).toEqual([[5, "active"]]);
    expect(await sentTo(ws, "p2")).toEqual([]);
    await resumeJourney({ workspaceId: ws, id, at: at(30) });
    await advanceTo(clock, at(200));
    expect(await runMinutes("p2")).toEqual([[5, "completed"]]);
    const [run] = await runsOf(ws, "p2");
    expect(await traceOf(run!.id)).toEqual(NUDGED);
    // The wait timed out an hour after the change, decided at that time.
    expect(await sentTo(ws, "p2")).toEqual([["nudge", "in_app", iso(65)]]);
  });

  it("an identify that reaches Cue after the resume, timestamped during the pause, does not enter", async () => {
    const id = await journey("planP3");
    const clock = new FakeClock(iso(0));
    await send(clock, ws, [identify("p3", { planP3: "free" })]);
    await pauseJourney({ workspaceId: ws, id, at: at(10) });
    await resumeJourney({ workspaceId: ws, id, at: at(30) });
    clock.set(at(35));
    await send(clock, ws, [{ ...identify("p3", { planP3: "pro" }), timestamp: iso(20) }]);
    await advanceTo(clock, at(200));
    expect(await runsOf(ws, "p3")).toEqual([]);
  });
});

describe("a trait change refused during the pause is decided again on resume", () => {
  /**
   * p became pro at 0 (a run waits until 60), went free at 61 and pro again at
   * 62; the engine is behind and reaches both during a pause from 63: the run
   * still looks in progress, so the change at 62 is refused then.
   */
  async function refusedDuringPause(path: string, user: string, changes: [number, number]) {
    const id = await journey(path);
    const clock = new FakeClock(iso(-1));
    await send(clock, ws, [identify(user, { [path]: "free" })]);
    clock.set(at(0));
    await send(clock, ws, [identify(user, { [path]: "pro" })]);
    expect(await runMinutes(user)).toEqual([[0, "waiting"]]);
    clock.set(at(changes[1] + 0.5));
    await send(
      clock,
      ws,
      [
        { ...identify(user, { [path]: "free" }), timestamp: iso(changes[0]) },
        { ...identify(user, { [path]: "pro" }), timestamp: iso(changes[1]) },
      ],
      { drain: false },
    );
    await pauseJourney({ workspaceId: ws, id, at: at(63) });
    clock.set(at(64));
    await drainEvents(clock);
    expect(await runMinutes(user)).toEqual([[0, "waiting"]]);
    await resumeJourney({ workspaceId: ws, id, at: at(90) });
    return clock;
  }

  it("enters when the run had ended before the change (the timer task catches up)", async () => {
    const clock = await refusedDuringPause("planP4", "p4", [61, 62]);
    await advanceTo(clock, at(300));
    expect(await runMinutes("p4")).toEqual([
      [0, "completed"],
      [62, "completed"],
    ]);
    for (const run of await runsOf(ws, "p4")) expect(await traceOf(run.id)).toEqual(NUDGED);
    expect(await sentTo(ws, "p4")).toEqual([
      ["nudge", "in_app", iso(60)],
      ["nudge", "in_app", iso(122)],
    ]);
  });

  it("the same when the profile's next event reaches the engine before the timer task", async () => {
    const clock = await refusedDuringPause("planP5", "p5", [61, 62]);
    clock.set(at(91));
    await send(clock, ws, [track("p5", "Something else")]);
    await advanceTo(clock, at(300));
    expect(await runMinutes("p5")).toEqual([
      [0, "completed"],
      [62, "completed"],
    ]);
  });

  it("stays refused when the run was still in progress at the change", async () => {
    const clock = await refusedDuringPause("planP6", "p6", [30, 31]);
    await advanceTo(clock, at(300));
    expect(await runMinutes("p6")).toEqual([[0, "completed"]]);
    expect(await sentTo(ws, "p6")).toEqual([["nudge", "in_app", iso(60)]]);
  });
});

describe("a trait change refused while a run was in progress, and a late event that ended the run", () => {
  /** p became pro at 0 (a run waits for "Used …"), free at 10, pro again at 11: refused then. */
  async function refusedWhileWaiting(path: string, user: string) {
    await journey(path);
    const clock = new FakeClock(iso(-1));
    await send(clock, ws, [identify(user, { [path]: "free" })]);
    clock.set(at(0));
    await send(clock, ws, [identify(user, { [path]: "pro" })]);
    clock.set(at(10));
    await send(clock, ws, [identify(user, { [path]: "free" })]);
    clock.set(at(11));
    await send(clock, ws, [identify(user, { [path]: "pro" })]);
    expect(await runMinutes(user)).toEqual([[0, "waiting"]]);
    return clock;
  }

  it("enters once the wait's event, sent before the change, reaches Cue", async () => {
    const clock = await refusedWhileWaiting("planL1", "l1");
    clock.set(at(12));
    await send(clock, ws, [{ ...track("l1", "Used planL1"), timestamp: iso(5) }]);
    expect(await runMinutes("l1")).toEqual([
      [0, "completed"],
      [11, "waiting"],
    ]);
    await advanceTo(clock, at(200));
    expect(await sentTo(ws, "l1")).toEqual([
      ["did", "in_app", iso(5)],
      ["nudge", "in_app", iso(71)],
    ]);
  });

  it("stays refused when the wait's event came after the change", async () => {
    const clock = await refusedWhileWaiting("planL2", "l2");
    clock.set(at(13));
    await send(clock, ws, [{ ...track("l2", "Used planL2"), timestamp: iso(12) }]);
    await advanceTo(clock, at(200));
    expect(await runMinutes("l2")).toEqual([[0, "completed"]]);
  });
});
