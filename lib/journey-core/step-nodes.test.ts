import { describe, expect, it } from "vitest";
import { MAX_HOPS_PER_STEP } from "./advance-run";
import { assignVariant } from "./assign-bucket";
import type { JourneyDefinition, JourneyNode } from "./definition";
import type { StepContext } from "./run-state";
import { step } from "./step";
import {
  at,
  delayNode,
  emailNode,
  inAppNode,
  lineJourney,
  makeContext,
  makeEvent,
  makeProfile,
  newRun,
  sendEffects,
  T0,
  traceSteps,
} from "./test-fixtures";

// Filter, branch and split decisions; sends under holdout, the message limit
// and delivery rules; loops, guards, cancellation and draft paths.

const welcomeAfterDay = lineJourney("Signed Up", [delayNode("wait-1d", 24), emailNode("welcome")], {
  goal: { event: "Report Created", within: { amount: 7, unit: "days" } },
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
    expect(sendEffects(result.effects)).toEqual([]);
  });

  it("branches on profile facts and splits deterministically", () => {
    const nodes: JourneyNode[] = [
      { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
      {
        id: "is-pro",
        type: "branch",
        condition: { all: [{ kind: "trait", path: "plan", operator: "eq", value: "pro" }] },
      },
      {
        id: "ab",
        type: "split",
        variants: [
          { key: "a", weight: 50 },
          { key: "b", weight: 50 },
        ],
      },
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
    expect(
      traceSteps(step(definition, newRun(definition), { kind: "enter" }, pro).effects),
    ).toEqual([
      ["trigger", "entered"],
      ["is-pro", "branch"],
      ["end", "exited"],
    ]);
    for (const profileId of ["p-1", "p-2", "p-3", "p-4", "p-5", "p-6"]) {
      const run = newRun(definition, { profileId });
      const result = step(definition, run, { kind: "enter" }, makeContext(T0));
      const expected = assignVariant(profileId, "journey-1", "ab", [
        { key: "a", weight: 50 },
        { key: "b", weight: 50 },
      ]);
      const split = result.effects.find((e) => e.type === "trace" && e.decision === "split");
      expect(split).toMatchObject({ data: { variant: expected.key } });
      expect(sendEffects(result.effects)).toEqual([
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
    const entered = step(
      twoSends,
      newRun(twoSends, { holdout: true }),
      { kind: "enter" },
      makeContext(T0),
    );
    expect(sendEffects(entered.effects)).toEqual([]);
    expect(traceSteps(entered.effects)).toEqual([
      ["trigger", "entered"],
      ["trigger", "holdout"],
      ["one", "holdout"],
      ["two", "holdout"],
      ["end", "exited"],
    ]);
    const waiting = lineJourney("Signed Up", [delayNode("d", 1), emailNode("one")], {
      goal: { event: "Report Created" },
    });
    const run = step(
      waiting,
      newRun(waiting, { holdout: true }),
      { kind: "enter" },
      makeContext(T0),
    ).state;
    const goal = step(
      waiting,
      run,
      { kind: "event", event: makeEvent("Report Created", "2025-06-02T10:30:00Z") },
      makeContext("2025-06-02T10:30:00Z"),
    );
    expect(goal.state.status).toBe("converted");
  });

  it("stops sending at the per-run message limit but continues the path", () => {
    const result = step(twoSends, newRun(twoSends), { kind: "enter" }, makeContext(T0));
    expect(sendEffects(result.effects).map((s) => s.type === "send" && s.nodeId)).toEqual(["one"]);
    expect(traceSteps(result.effects)).toContainEqual(["two", "limit_reached"]);
    expect(result.state.status).toBe("completed");
  });

  it("counts sends made earlier in the same step against the budget", () => {
    const definition = lineJourney("Signed Up", [emailNode("one"), inAppNode("two")]);
    const ctx = makeContext(T0, {
      deliveryRules: { frequency: { windowHours: 24, max: 1, onLimit: "skip" } },
    });
    const result = step(definition, newRun(definition), { kind: "enter" }, ctx);
    expect(result.effects).toContainEqual(
      expect.objectContaining({
        nodeId: "two",
        decision: "skipped",
        data: { channel: "in_app", rule: "frequency_total" },
      }),
    );
  });

  it("defers a send in quiet hours and sends on wake with the same idempotency key", () => {
    const definition = lineJourney("Signed Up", [emailNode("welcome")]);
    const rules = { quietHours: { start: "21:00", end: "08:00", onQuiet: "defer" as const } };
    const late = makeContext("2025-06-02T20:30:00Z", { deliveryRules: rules }); // 22:30 Berlin
    const deferred = step(definition, newRun(definition), { kind: "enter" }, late);
    expect(deferred.state).toMatchObject({
      status: "waiting",
      nodeId: "welcome",
      attempt: 1,
      wakeAt: at("2025-06-03T06:00:00Z"),
    });
    expect(deferred.effects).toContainEqual(
      expect.objectContaining({
        decision: "deferred",
        // The zone it was judged in, so pages show the times on the profile's clock.
        data: expect.objectContaining({ rule: "quiet_hours", timeZone: "Europe/Berlin" }),
      }),
    );
    const morning = makeContext("2025-06-03T06:00:00Z", { deliveryRules: rules });
    const sent = step(definition, deferred.state, { kind: "wake" }, morning);
    expect(sendEffects(sent.effects)).toEqual([
      expect.objectContaining({ idempotencyKey: "run-1:welcome:1" }),
    ]);
    expect(sent.state.status).toBe("completed");
  });

  it("skips email for an unsubscribed profile and records the rule", () => {
    const definition = lineJourney("Signed Up", [emailNode("welcome")]);
    const ctx: StepContext = makeContext(T0, { profile: makeProfile({ unsubscribed: true }) });
    const result = step(definition, newRun(definition), { kind: "enter" }, ctx);
    expect(result.effects).toContainEqual(
      expect.objectContaining({
        decision: "skipped",
        reason: "Profile unsubscribed from email",
        data: { channel: "email", rule: "unsubscribed" },
      }),
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
    const keys = sendEffects(result.effects).map((s) => s.type === "send" && s.idempotencyKey);
    for (let week = 1; week <= 3; week++) {
      const now = result.state.wakeAt!;
      result = step(definition, result.state, { kind: "wake" }, makeContext(now));
      keys.push(...sendEffects(result.effects).map((s) => s.type === "send" && s.idempotencyKey));
    }
    expect(keys).toEqual(["run-1:reminder:1", "run-1:reminder:2", "run-1:reminder:3"]);
    expect(traceSteps(result.effects)).toContainEqual(["reminder", "limit_reached"]);
  });

  it("stops a loop with no wait (only possible in an unvalidated draft)", () => {
    const definition: JourneyDefinition = {
      version: 1,
      nodes: [
        { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
        {
          id: "spin",
          type: "filter",
          condition: { all: [{ kind: "trait", path: "plan", operator: "exists" }] },
        },
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
      expect.objectContaining({
        decision: "exited",
        reason: 'Path ends: "welcome" exit "next" leads nowhere',
      }),
    );
  });

  it("cancels a waiting run", () => {
    const entered = step(
      welcomeAfterDay,
      newRun(welcomeAfterDay),
      { kind: "enter" },
      makeContext(T0),
    );
    const cancelled = step(
      welcomeAfterDay,
      entered.state,
      { kind: "cancel", reason: "journey archived" },
      makeContext(T0),
    );
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
    // The trace records whose clock it is, for pages to show "09:00 EDT (New York time)".
    expect(result.effects).toContainEqual(
      expect.objectContaining({
        decision: "waiting",
        data: { until: "2025-06-02T13:00:00.000Z", timeZone: "America/New_York" },
      }),
    );
  });

  it("records no zone for a plain duration delay", () => {
    const definition = lineJourney("Signed Up", [delayNode("later", 2), emailNode("welcome")]);
    const result = step(definition, newRun(definition), { kind: "enter" }, makeContext(T0));
    expect(result.effects).toContainEqual(
      expect.objectContaining({
        decision: "waiting",
        data: { until: "2025-06-02T12:00:00.000Z" },
      }),
    );
  });
});
