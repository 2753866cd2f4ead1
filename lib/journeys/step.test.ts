import { describe, expect, it } from "vitest";
import { MAX_HOPS_PER_STEP } from "./advance-run";
import { assignVariant } from "./assign-bucket";
import type { JourneyDefinition, JourneyNode } from "./definition";
import type { Effect, RunState, StepContext, TraceEffect } from "./run-state";
import { createRun, runStateSchema } from "./run-state";
import { enterJourney, step } from "./step";
import {
  at,
  delayNode,
  emailNode,
  inAppNode,
  lineJourney,
  makeContext,
  makeEvent,
  makeProfile,
} from "./test-fixtures";

const T0 = "2025-06-02T10:00:00Z"; // a Monday, 12:00 in Berlin
const signedUp = makeEvent("Signed Up", T0, { plan: "free" });

function newRun(definition: JourneyDefinition, overrides: Partial<RunState> = {}): RunState {
  const run = createRun(definition, {
    runId: "run-1",
    journeyId: "journey-1",
    versionId: "v1",
    profileId: "profile-1",
    triggerEvent: signedUp,
    now: at(T0),
  });
  return { ...run, ...overrides };
}

const traces = (effects: Effect[]) =>
  effects.filter((e): e is TraceEffect => e.type === "trace").map((e) => [e.nodeId, e.decision]);
const sends = (effects: Effect[]) => effects.filter((e) => e.type === "send");

const welcomeAfterDay = lineJourney("Signed Up", [delayNode("wait-1d", 24), emailNode("welcome")], {
  goal: { event: "Report Created", within: { amount: 7, unit: "days" } },
});

describe("step: enter, delay, wake", () => {
  const entered = step(welcomeAfterDay, newRun(welcomeAfterDay), { kind: "enter" }, makeContext(T0));

  it("enters, blocks on the delay and schedules the wake", () => {
    expect(entered.state).toMatchObject({
      status: "waiting",
      nodeId: "wait-1d",
      wakeAt: at("2025-06-03T10:00:00Z"),
    });
    expect(entered.effects).toContainEqual({ type: "schedule", wakeAt: at("2025-06-03T10:00:00Z") });
    expect(traces(entered.effects)).toEqual([
      ["trigger", "entered"],
      ["wait-1d", "waiting"],
    ]);
  });

  it("ignores an early wake, and a repeated enter", () => {
    const early = step(welcomeAfterDay, entered.state, { kind: "wake" }, makeContext("2025-06-03T09:59:59Z"));
    expect(early).toEqual({ state: entered.state, effects: [] });
    const again = step(welcomeAfterDay, entered.state, { kind: "enter" }, makeContext(T0));
    expect(again.effects).toEqual([]);
  });

  it("sends on the due wake with a run:node:arrival idempotency key, then completes", () => {
    const woke = step(welcomeAfterDay, entered.state, { kind: "wake" }, makeContext("2025-06-03T10:00:00Z"));
    expect(sends(woke.effects)).toEqual([
      expect.objectContaining({ channel: "email", nodeId: "welcome", idempotencyKey: "run-1:welcome:1" }),
    ]);
    expect(woke.state).toMatchObject({ status: "completed", nodeId: "end", messagesSent: 1, wakeAt: null });
    expect(woke.effects.at(-1)).toEqual({ type: "complete", status: "completed" });
    // Once ended, nothing moves it.
    const late = step(welcomeAfterDay, woke.state, { kind: "wake" }, makeContext("2025-06-09T00:00:00Z"));
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
  const report = (iso: string) => ({ kind: "event" as const, event: makeEvent("Report Created", iso) });

  it("converts from a delay, and the pending wake then does nothing", () => {
    const entered = enterJourney(welcomeAfterDay, { ...runParams(), now: at(T0) }, makeContext(T0));
    const goal = step(welcomeAfterDay, entered.state, report("2025-06-02T18:00:00Z"), makeContext("2025-06-02T18:00:01Z"));
    expect(goal.state).toMatchObject({ status: "converted", nodeId: "wait-1d", wakeAt: null });
    expect(traces(goal.effects)).toEqual([["wait-1d", "goal_reached"]]);
    const wake = step(welcomeAfterDay, goal.state, { kind: "wake" }, makeContext("2025-06-03T10:00:00Z"));
    expect(wake.effects).toEqual([]);
  });

  it("converts from a wait before the wait's own event is considered", () => {
    const definition = waitJourney({ goal: { event: "Onboarding Step Completed" } });
    const entered = step(definition, newRun(definition), { kind: "enter" }, makeContext(T0));
    const event = makeEvent("Onboarding Step Completed", "2025-06-02T12:00:00Z", { step: 3 });
    const result = step(definition, entered.state, { kind: "event", event }, makeContext("2025-06-02T12:00:00Z"));
    expect(result.state.status).toBe("converted");
    expect(traces(result.effects)).toEqual([["wait-step-3", "goal_reached"]]);
  });

  it("does not count goal events before entry, outside the window, or not matching", () => {
    const entered = step(welcomeAfterDay, newRun(welcomeAfterDay), { kind: "enter" }, makeContext(T0));
    for (const input of [report("2025-06-02T09:00:00Z"), report("2025-06-09T10:00:01Z")]) {
      expect(step(welcomeAfterDay, entered.state, input, makeContext("2025-06-09T11:00:00Z")).effects).toEqual([]);
    }
    const withWhere = waitJourney({
      goal: { event: "Plan Upgraded", where: [{ kind: "property", path: "to_plan", operator: "eq", value: "team" }] },
    });
    const run = step(withWhere, newRun(withWhere), { kind: "enter" }, makeContext(T0)).state;
    const pro = makeEvent("Plan Upgraded", "2025-06-02T11:00:00Z", { to_plan: "pro" });
    expect(step(withWhere, run, { kind: "event", event: pro }, makeContext("2025-06-02T11:00:00Z")).effects).toEqual([]);
  });
});

function runParams() {
  return { runId: "run-1", journeyId: "journey-1", versionId: "v1", profileId: "profile-1", triggerEvent: signedUp };
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
    const did = step(definition, entered.state, stepEvent(3, "2025-06-03T10:00:00Z"), makeContext("2025-06-03T10:00:05Z"));
    expect(did.state).toMatchObject({ status: "completed", nodeId: "done", waitingFor: null });
    expect(traces(did.effects)).toEqual([
      ["wait-step-3", "event_received"],
      ["done", "exited"],
    ]);
  });

  it("ignores non-matching events and events after the deadline", () => {
    const other = step(definition, entered.state, stepEvent(2, "2025-06-02T11:00:00Z"), makeContext("2025-06-02T11:00:00Z"));
    expect(other.effects).toEqual([]);
    const late = step(definition, entered.state, stepEvent(3, "2025-06-03T10:00:01Z"), makeContext("2025-06-03T10:00:02Z"));
    expect(late.effects).toEqual([]);
  });

  it("times out on the wake and takes the timeout exit", () => {
    const timedOut = step(definition, entered.state, { kind: "wake" }, makeContext("2025-06-03T10:00:00Z"));
    expect(traces(timedOut.effects)).toEqual([
      ["wait-step-3", "timed_out"],
      ["nudge", "sent"],
      ["nudged", "exited"],
    ]);
  });
});

describe("step: filter, branch, split", () => {
  it("records the failing condition and the actual value when a filter stops the run", () => {
    const definition = lineJourney("Signed Up", [
      {
        id: "pro-only",
        type: "filter",
        condition: {
          all: [
            { kind: "property", path: "plan", operator: "in", value: ["free", "pro"] },
            { kind: "trait", path: "plan", operator: "eq", value: "pro" },
          ],
        },
      },
      emailNode("welcome"),
    ]);
    const result = step(definition, newRun(definition), { kind: "enter" }, makeContext(T0));
    expect(result.state).toMatchObject({ status: "filtered", nodeId: "pro-only" });
    expect(result.effects).toContainEqual(
      expect.objectContaining({
        type: "trace",
        nodeId: "pro-only",
        decision: "filtered",
        reason: 'Filter failed: trait "plan" is "pro" (actual: "free")',
        data: { condition: 'trait "plan" is "pro"', expected: "pro", actual: "free" },
      }),
    );
    expect(sends(result.effects)).toEqual([]);
  });

  it("branches on profile facts and splits deterministically", () => {
    const nodes: JourneyNode[] = [
      { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
      { id: "is-pro", type: "branch", condition: { all: [{ kind: "trait", path: "plan", operator: "eq", value: "pro" }] } },
      { id: "ab", type: "split", variants: [{ key: "a", weight: 50 }, { key: "b", weight: 50 }] },
      emailNode("mail-a"),
      inAppNode("card-b"),
      { id: "end", type: "exit" },
    ];
    const definition: JourneyDefinition = {
      version: 1,
      nodes,
      edges: [
        { from: "trigger", to: "is-pro" },
        { from: "is-pro", exit: "yes", to: "end" },
        { from: "is-pro", exit: "no", to: "ab" },
        { from: "ab", exit: "a", to: "mail-a" },
        { from: "ab", exit: "b", to: "card-b" },
        { from: "mail-a", to: "end" },
        { from: "card-b", to: "end" },
      ],
      settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
    };
    const pro = makeContext(T0, { profile: makeProfile({ traits: { plan: "pro" } }) });
    expect(traces(step(definition, newRun(definition), { kind: "enter" }, pro).effects)).toEqual([
      ["trigger", "entered"],
      ["is-pro", "branch"],
      ["end", "exited"],
    ]);
    for (const profileId of ["p-1", "p-2", "p-3", "p-4", "p-5", "p-6"]) {
      const run = newRun(definition, { profileId });
      const result = step(definition, run, { kind: "enter" }, makeContext(T0));
      const expected = assignVariant(profileId, "journey-1", "ab", [{ key: "a", weight: 50 }, { key: "b", weight: 50 }]);
      const split = result.effects.find((e) => e.type === "trace" && e.decision === "split");
      expect(split).toMatchObject({ data: { variant: expected.key } });
      expect(sends(result.effects)).toEqual([
        expect.objectContaining({ nodeId: expected.key === "a" ? "mail-a" : "card-b" }),
      ]);
    }
  });
});

describe("step: holdout, message limit, delivery rules", () => {
  const twoSends = lineJourney("Signed Up", [emailNode("one"), inAppNode("two")], {
    goal: { event: "Report Created" },
    messageLimit: 1,
  });

  it("records holdout instead of sending, and still converts", () => {
    const entered = step(twoSends, newRun(twoSends, { holdout: true }), { kind: "enter" }, makeContext(T0));
    expect(sends(entered.effects)).toEqual([]);
    expect(traces(entered.effects)).toEqual([
      ["trigger", "entered"],
      ["trigger", "holdout"],
      ["one", "holdout"],
      ["two", "holdout"],
      ["end", "exited"],
    ]);
    const waiting = lineJourney("Signed Up", [delayNode("d", 1), emailNode("one")], { goal: { event: "Report Created" } });
    const run = step(waiting, newRun(waiting, { holdout: true }), { kind: "enter" }, makeContext(T0)).state;
    const goal = step(waiting, run, { kind: "event", event: makeEvent("Report Created", "2025-06-02T10:30:00Z") }, makeContext("2025-06-02T10:30:00Z"));
    expect(goal.state.status).toBe("converted");
  });

  it("stops sending at the per-run message limit but continues the path", () => {
    const result = step(twoSends, newRun(twoSends), { kind: "enter" }, makeContext(T0));
    expect(sends(result.effects).map((s) => s.type === "send" && s.nodeId)).toEqual(["one"]);
    expect(traces(result.effects)).toContainEqual(["two", "limit_reached"]);
    expect(result.state.status).toBe("completed");
  });

  it("counts sends made earlier in the same step against the budget", () => {
    const definition = lineJourney("Signed Up", [emailNode("one"), inAppNode("two")]);
    const ctx = makeContext(T0, { deliveryRules: { frequency: { windowHours: 24, max: 1, onLimit: "skip" } } });
    const result = step(definition, newRun(definition), { kind: "enter" }, ctx);
    expect(result.effects).toContainEqual(
      expect.objectContaining({ nodeId: "two", decision: "skipped", data: { channel: "in_app", rule: "frequency_total" } }),
    );
  });

  it("defers a send in quiet hours and sends on wake with the same idempotency key", () => {
    const definition = lineJourney("Signed Up", [emailNode("welcome")]);
    const rules = { quietHours: { start: "21:00", end: "08:00", onQuiet: "defer" as const } };
    const late = makeContext("2025-06-02T20:30:00Z", { deliveryRules: rules }); // 22:30 Berlin
    const deferred = step(definition, newRun(definition), { kind: "enter" }, late);
    expect(deferred.state).toMatchObject({ status: "waiting", nodeId: "welcome", attempt: 1, wakeAt: at("2025-06-03T06:00:00Z") });
    expect(deferred.effects).toContainEqual(
      expect.objectContaining({ decision: "deferred", data: expect.objectContaining({ rule: "quiet_hours" }) }),
    );
    const morning = makeContext("2025-06-03T06:00:00Z", { deliveryRules: rules });
    const sent = step(definition, deferred.state, { kind: "wake" }, morning);
    expect(sends(sent.effects)).toEqual([expect.objectContaining({ idempotencyKey: "run-1:welcome:1" })]);
    expect(sent.state.status).toBe("completed");
  });

  it("skips email for an unsubscribed profile and records the rule", () => {
    const definition = lineJourney("Signed Up", [emailNode("welcome")]);
    const ctx: StepContext = makeContext(T0, { profile: makeProfile({ unsubscribed: true }) });
    const result = step(definition, newRun(definition), { kind: "enter" }, ctx);
    expect(result.effects).toContainEqual(
      expect.objectContaining({ decision: "skipped", reason: "Profile unsubscribed from email", data: { channel: "email", rule: "unsubscribed" } }),
    );
  });
});

describe("step: loops, guards, cancel, drafts", () => {
  it("gives each pass through a loop its own idempotency key", () => {
    const definition: JourneyDefinition = {
      version: 1,
      nodes: [
        { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
        emailNode("reminder"),
        delayNode("weekly", 168),
      ],
      edges: [
        { from: "trigger", to: "reminder" },
        { from: "reminder", to: "weekly" },
        { from: "weekly", to: "reminder" },
      ],
      settings: { reentry: { mode: "once" }, holdoutPercent: 0, messageLimit: 3 },
    };
    let result = step(definition, newRun(definition), { kind: "enter" }, makeContext(T0));
    const keys = sends(result.effects).map((s) => s.type === "send" && s.idempotencyKey);
    for (let week = 1; week <= 3; week++) {
      const now = result.state.wakeAt!;
      result = step(definition, result.state, { kind: "wake" }, makeContext(now));
      keys.push(...sends(result.effects).map((s) => s.type === "send" && s.idempotencyKey));
    }
    expect(keys).toEqual(["run-1:reminder:1", "run-1:reminder:2", "run-1:reminder:3"]);
    expect(traces(result.effects)).toContainEqual(["reminder", "limit_reached"]);
  });

  it("stops a loop with no wait (only possible in an unvalidated draft)", () => {
    const definition: JourneyDefinition = {
      version: 1,
      nodes: [
        { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
        { id: "spin", type: "filter", condition: { all: [{ kind: "trait", path: "plan", operator: "exists" }] } },
      ],
      edges: [
        { from: "trigger", to: "spin" },
        { from: "spin", to: "spin" },
      ],
      settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
    };
    const result = step(definition, newRun(definition), { kind: "enter" }, makeContext(T0));
    expect(result.state.status).toBe("exited");
    expect(result.state.visits.spin).toBe(MAX_HOPS_PER_STEP);
  });

  it("completes a draft path that leads nowhere, saying where", () => {
    const definition = lineJourney("Signed Up", [emailNode("welcome")]);
    definition.edges = definition.edges.filter((e) => e.from !== "welcome");
    const result = step(definition, newRun(definition), { kind: "enter" }, makeContext(T0));
    expect(result.state.status).toBe("completed");
    expect(result.effects).toContainEqual(
      expect.objectContaining({ decision: "exited", reason: 'Path ends: "welcome" exit "next" leads nowhere' }),
    );
  });

  it("cancels a waiting run", () => {
    const entered = step(welcomeAfterDay, newRun(welcomeAfterDay), { kind: "enter" }, makeContext(T0));
    const cancelled = step(welcomeAfterDay, entered.state, { kind: "cancel", reason: "journey archived" }, makeContext(T0));
    expect(cancelled.state).toMatchObject({ status: "exited", wakeAt: null, endedAt: at(T0) });
  });

  it("waits until the next 09:00 in the profile's timezone", () => {
    const definition = lineJourney("Signed Up", [
      { id: "morning", type: "delay", delay: { kind: "until_time", time: "09:00" } },
      emailNode("welcome"),
    ]);
    const ny = makeContext(T0, { profile: makeProfile({ timezone: "America/New_York" }) });
    const result = step(definition, newRun(definition), { kind: "enter" }, ny);
    expect(result.state.wakeAt).toEqual(at("2025-06-02T13:00:00Z")); // 06:00 EDT → 09:00 EDT
  });
});
