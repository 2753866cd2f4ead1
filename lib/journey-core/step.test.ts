import { describe, expect, it } from "vitest";
import type { JourneyDefinition } from "./definition";
import { runStateSchema } from "./run-state";
import { enterJourney, listensForEvents, step } from "./step";
import {
  at,
  delayNode,
  emailNode,
  lineJourney,
  makeContext,
  makeEvent,
  newRun,
  sendEffects,
  T0,
  traceSteps,
} from "./test-fixtures";

// Entering, delays and wakes, the goal, and waits for events. Decision nodes,
// sends, delivery rules and loops are in step-nodes.test.ts.

const signedUp = makeEvent("Signed Up", T0, { plan: "free" });

const welcomeAfterDay = lineJourney("Signed Up", [delayNode("wait-1d", 24), emailNode("welcome")], {
  goal: { event: "Report Created", within: { amount: 7, unit: "days" } },
});

describe("step: enter, delay, wake", () => {
  const entered = step(
    welcomeAfterDay,
    newRun(welcomeAfterDay),
    { kind: "enter" },
    makeContext(T0),
  );

  it("enters, blocks on the delay and schedules the wake", () => {
    expect(entered.state).toMatchObject({
      status: "waiting",
      nodeId: "wait-1d",
      wakeAt: at("2025-06-03T10:00:00Z"),
    });
    expect(entered.effects).toContainEqual({
      type: "schedule",
      wakeAt: at("2025-06-03T10:00:00Z"),
    });
    expect(traceSteps(entered.effects)).toEqual([
      ["trigger", "entered"],
      ["wait-1d", "waiting"],
    ]);
  });

  it("ignores an early wake, and a repeated enter", () => {
    const early = step(
      welcomeAfterDay,
      entered.state,
      { kind: "wake" },
      makeContext("2025-06-03T09:59:59Z"),
    );
    expect(early).toEqual({ state: entered.state, effects: [] });
    const again = step(welcomeAfterDay, entered.state, { kind: "enter" }, makeContext(T0));
    expect(again.effects).toEqual([]);
  });

  it("sends on the due wake with a run:node:arrival idempotency key, then completes", () => {
    const woke = step(
      welcomeAfterDay,
      entered.state,
      { kind: "wake" },
      makeContext("2025-06-03T10:00:00Z"),
    );
    expect(sendEffects(woke.effects)).toEqual([
      expect.objectContaining({
        channel: "email",
        nodeId: "welcome",
        idempotencyKey: "run-1:welcome:1",
      }),
    ]);
    expect(woke.state).toMatchObject({
      status: "completed",
      nodeId: "end",
      messagesSent: 1,
      wakeAt: null,
    });
    expect(woke.effects.at(-1)).toEqual({ type: "complete", status: "completed" });
    // Once ended, nothing moves it.
    const late = step(
      welcomeAfterDay,
      woke.state,
      { kind: "wake" },
      makeContext("2025-06-09T00:00:00Z"),
    );
    expect(late.effects).toEqual([]);
  });

  it("is pure: same inputs, same result, inputs untouched", () => {
    const before = structuredClone(entered.state);
    const ctx = makeContext("2025-06-03T10:00:00Z");
    const a = step(welcomeAfterDay, entered.state, { kind: "wake" }, ctx);
    const b = step(welcomeAfterDay, entered.state, { kind: "wake" }, ctx);
    expect(a).toEqual(b);
    expect(entered.state).toEqual(before);
  });

  it("round-trips RunState through JSON", () => {
    const json = JSON.parse(JSON.stringify(entered.state));
    expect(runStateSchema.parse(json)).toEqual(entered.state);
  });
});

describe("step: goal", () => {
  const report = (iso: string) => ({
    kind: "event" as const,
    event: makeEvent("Report Created", iso),
  });

  it("converts from a delay, and the pending wake then does nothing", () => {
    const entered = enterJourney(welcomeAfterDay, { ...runParams(), now: at(T0) }, makeContext(T0));
    const goal = step(
      welcomeAfterDay,
      entered.state,
      report("2025-06-02T18:00:00Z"),
      makeContext("2025-06-02T18:00:01Z"),
    );
    expect(goal.state).toMatchObject({ status: "converted", nodeId: "wait-1d", wakeAt: null });
    expect(traceSteps(goal.effects)).toEqual([["wait-1d", "goal_reached"]]);
    const wake = step(
      welcomeAfterDay,
      goal.state,
      { kind: "wake" },
      makeContext("2025-06-03T10:00:00Z"),
    );
    expect(wake.effects).toEqual([]);
  });

  it("converts from a wait before the wait's own event is considered", () => {
    const definition = waitJourney({ goal: { event: "Onboarding Step Completed" } });
    const entered = step(definition, newRun(definition), { kind: "enter" }, makeContext(T0));
    const event = makeEvent("Onboarding Step Completed", "2025-06-02T12:00:00Z", { step: 3 });
    const result = step(
      definition,
      entered.state,
      { kind: "event", event },
      makeContext("2025-06-02T12:00:00Z"),
    );
    expect(result.state.status).toBe("converted");
    expect(traceSteps(result.effects)).toEqual([["wait-step-3", "goal_reached"]]);
  });

  it("counts a conversion after the path completed, until the goal window closes", () => {
    const instant = lineJourney("Signed Up", [emailNode("offer")], {
      goal: { event: "Report Created", within: { amount: 7, unit: "days" } },
    });
    const done = step(instant, newRun(instant), { kind: "enter" }, makeContext(T0)).state;
    expect(done.status).toBe("completed");
    expect(listensForEvents(instant, done, at("2025-06-09T10:00:00Z"))).toBe(true);
    expect(listensForEvents(instant, done, at("2025-06-09T10:00:01Z"))).toBe(false);
    const late = step(
      instant,
      done,
      report("2025-06-05T09:00:00Z"),
      makeContext("2025-06-05T09:00:00Z"),
    );
    expect(late.state).toMatchObject({
      status: "completed",
      convertedAt: at("2025-06-05T09:00:00Z"),
    });
    expect(traceSteps(late.effects)).toEqual([["end", "goal_reached"]]);
    // Counted once; and not at all without a window or past it.
    expect(
      step(instant, late.state, report("2025-06-06T09:00:00Z"), makeContext(T0)).effects,
    ).toEqual([]);
    const tooLate = step(instant, done, report("2025-06-09T10:00:01Z"), makeContext(T0));
    expect(tooLate.effects).toEqual([]);
    const noWindow = lineJourney("Signed Up", [emailNode("offer")], {
      goal: { event: "Report Created" },
    });
    const ended = step(noWindow, newRun(noWindow), { kind: "enter" }, makeContext(T0)).state;
    expect(step(noWindow, ended, report("2025-06-03T09:00:00Z"), makeContext(T0)).effects).toEqual(
      [],
    );
  });

  it("does not count goal events before entry, outside the window, or not matching", () => {
    const entered = step(
      welcomeAfterDay,
      newRun(welcomeAfterDay),
      { kind: "enter" },
      makeContext(T0),
    );
    for (const input of [report("2025-06-02T09:00:00Z"), report("2025-06-09T10:00:01Z")]) {
      expect(
        step(welcomeAfterDay, entered.state, input, makeContext("2025-06-09T11:00:00Z")).effects,
      ).toEqual([]);
    }
    const withWhere = waitJourney({
      goal: {
        event: "Plan Upgraded",
        where: [{ kind: "property", path: "to_plan", operator: "eq", value: "team" }],
      },
    });
    const run = step(withWhere, newRun(withWhere), { kind: "enter" }, makeContext(T0)).state;
    const pro = makeEvent("Plan Upgraded", "2025-06-02T11:00:00Z", { to_plan: "pro" });
    expect(
      step(withWhere, run, { kind: "event", event: pro }, makeContext("2025-06-02T11:00:00Z"))
        .effects,
    ).toEqual([]);
  });
});

function runParams() {
  return {
    runId: "run-1",
    journeyId: "journey-1",
    versionId: "v1",
    profileId: "profile-1",
    triggerEvent: signedUp,
  };
}

function waitJourney(settings: Partial<JourneyDefinition["settings"]> = {}): JourneyDefinition {
  return {
    version: 1,
    nodes: [
      { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
      {
        id: "wait-step-3",
        type: "wait",
        event: "Onboarding Step Completed",
        where: [{ kind: "property", path: "step", operator: "eq", value: 3 }],
        timeout: { amount: 24, unit: "hours" },
      },
      { id: "done", type: "exit" },
      emailNode("nudge"),
      { id: "nudged", type: "exit" },
    ],
    edges: [
      { from: "trigger", to: "wait-step-3" },
      { from: "wait-step-3", exit: "did", to: "done" },
      { from: "wait-step-3", exit: "timeout", to: "nudge" },
      { from: "nudge", to: "nudged" },
    ],
    settings: { reentry: { mode: "once" }, holdoutPercent: 0, ...settings },
  };
}

describe("step: wait for event", () => {
  const definition = waitJourney();
  const entered = step(definition, newRun(definition), { kind: "enter" }, makeContext(T0));
  const stepEvent = (stepNo: number, iso: string) => ({
    kind: "event" as const,
    event: makeEvent("Onboarding Step Completed", iso, { step: stepNo }),
  });

  it("waits with a timeout", () => {
    expect(entered.state.waitingFor).toMatchObject({ nodeId: "wait-step-3", since: at(T0) });
    expect(entered.state.wakeAt).toEqual(at("2025-06-03T10:00:00Z"));
  });

  it("takes the did exit on a matching event, up to and including the deadline", () => {
    const did = step(
      definition,
      entered.state,
      stepEvent(3, "2025-06-03T10:00:00Z"),
      makeContext("2025-06-03T10:00:05Z"),
    );
    expect(did.state).toMatchObject({ status: "completed", nodeId: "done", waitingFor: null });
    expect(traceSteps(did.effects)).toEqual([
      ["wait-step-3", "event_received"],
      ["done", "exited"],
    ]);
  });

  it("ignores non-matching events and events after the deadline", () => {
    const other = step(
      definition,
      entered.state,
      stepEvent(2, "2025-06-02T11:00:00Z"),
      makeContext("2025-06-02T11:00:00Z"),
    );
    expect(other.effects).toEqual([]);
    const late = step(
      definition,
      entered.state,
      stepEvent(3, "2025-06-03T10:00:01Z"),
      makeContext("2025-06-03T10:00:02Z"),
    );
    expect(late.effects).toEqual([]);
  });

  it("times out on the wake and takes the timeout exit", () => {
    const timedOut = step(
      definition,
      entered.state,
      { kind: "wake" },
      makeContext("2025-06-03T10:00:00Z"),
    );
    expect(traceSteps(timedOut.effects)).toEqual([
      ["wait-step-3", "timed_out"],
      ["nudge", "sent"],
      ["nudged", "exited"],
    ]);
  });
});
