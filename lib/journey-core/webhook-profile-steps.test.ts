import { describe, expect, it } from "vitest";
import type { JourneyDefinition, JourneyDefinitionInput, JourneyNode } from "./definition";
import { simulate, simulateJourney } from "./simulate";
import { enterJourney, step } from "./step";
import { at, inAppNode, makeContext, makeProfile, track } from "./test-fixtures";
import { validateJourney } from "./validate-journey";

const webhook: JourneyNode = {
  id: "hook",
  label: "Tell the CRM",
  type: "send_webhook",
  method: "POST",
  url: "https://crm.example.com/hooks",
  headers: [
    { name: "X-Plain", value: "1" },
    { name: "Authorization", secret: true, secretId: "s1" },
  ],
  body: '{"name": "{{ profile.traits.name }}"}',
};

function hookJourney(extra: Partial<JourneyNode> = {}): JourneyDefinition {
  return {
    version: 1,
    nodes: [
      { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
      { ...webhook, ...extra } as JourneyNode,
      inAppNode("ok"),
      inAppNode("sorry"),
      { id: "end", type: "exit" },
    ],
    edges: [
      { from: "trigger", to: "hook" },
      { from: "hook", to: "ok", exit: "succeeded" },
      { from: "hook", to: "sorry", exit: "failed" },
      { from: "ok", to: "end" },
      { from: "sorry", to: "end" },
    ],
    settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
  };
}

const newRun = (now: string) => ({
  runId: "run-1",
  journeyId: "j",
  versionId: "v",
  profileId: "p1",
  triggerEvent: null,
  now: at(now),
});

describe("webhook step (core)", () => {
  it("queues the request, waits, and takes the exit the outcome names, as of the step", () => {
    const definition = hookJourney();
    const entered = enterJourney(
      definition,
      newRun("2026-03-01T10:00:00Z"),
      makeContext("2026-03-01T10:00:00Z"),
    );
    expect(entered.state.status).toBe("waiting");
    expect(entered.state.wakeAt).toBeNull();
    const effect = entered.effects.find((e) => e.type === "webhook");
    expect(effect).toMatchObject({
      idempotencyKey: "run-1:hook:1",
      request: {
        method: "POST",
        headers: [
          { name: "X-Plain", value: "1" },
          { name: "Authorization", secretId: "s1" },
        ],
      },
    });
    const queued = entered.effects.find(
      (e) => e.type === "trace" && e.decision === "webhook_queued",
    );
    expect(JSON.stringify(queued)).toContain("••••");
    const base = { statusCode: 500, body: "boom", error: null, attempts: 5 };
    const wrongKey = step(
      definition,
      entered.state,
      { kind: "webhook_result", key: "other", outcome: "failed", ...base },
      makeContext("2026-03-01T10:00:00Z"),
    );
    expect(wrongKey.effects).toEqual([]);
    const failed = step(
      definition,
      entered.state,
      { kind: "webhook_result", key: "run-1:hook:1", outcome: "failed", ...base },
      makeContext("2026-03-01T10:00:00Z"),
    );
    const sends = failed.effects.filter((e) => e.type === "send").map((e) => e.nodeId);
    expect(sends).toEqual(["sorry"]);
    const trace = failed.effects.find((e) => e.type === "trace" && e.decision === "webhook_failed");
    expect(trace).toMatchObject({ data: { statusCode: 500, body: "boom", attempts: 5 } });
    expect(failed.state.status).toBe("completed");
  });

  it("counts against the budget only when it says it is a message", () => {
    const ctx = makeContext("2026-03-01T10:00:00Z", {
      deliveryRules: { frequency: { windowHours: 24, max: 1, onLimit: "skip" } },
      sentInWindow: [{ at: at("2026-03-01T09:00:00Z"), channel: "in_app" }],
    });
    const free = enterJourney(hookJourney(), newRun("2026-03-01T10:00:00Z"), ctx);
    expect(free.effects.some((e) => e.type === "webhook")).toBe(true);
    const counted = enterJourney(
      hookJourney({ countsAsMessage: true }),
      newRun("2026-03-01T10:00:00Z"),
      ctx,
    );
    expect(counted.effects.some((e) => e.type === "webhook")).toBe(false);
    expect(counted.effects.some((e) => e.type === "trace" && e.decision === "skipped")).toBe(true);
  });

  it("is never called in a simulation: success is assumed, and the trace says so", () => {
    const result = simulateJourney(hookJourney(), makeProfile(), [
      track("Signed Up", "2026-03-01T10:00:00Z"),
    ]);
    expect(result.sends.map((s) => s.nodeId)).toEqual(["ok"]);
    const assumed = result.traces.find((t) => t.decision === "webhook_succeeded");
    expect(assumed?.reason).toMatch(/assumed to succeed/);
  });
});

const profileJourney = (ops: unknown[], after: JourneyNode[] = []): JourneyDefinitionInput => ({
  version: 1,
  nodes: [
    { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
    { id: "mark", label: "Mark nudged", type: "update_profile", operations: ops } as JourneyNode,
    ...after,
    { id: "end", type: "exit" },
  ],
  edges: [
    { from: "trigger", to: "mark" },
    ...[{ id: "mark" }, ...after].slice(0, -1).map((n, i) => ({ from: n.id, to: after[i].id })),
    { from: after.at(-1)?.id ?? "mark", to: "end" },
  ],
  settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
});

describe("update-profile step (core)", () => {
  const ops = [
    { op: "set", trait: "onboarding_nudged", value: true },
    { op: "increment", trait: "nudges_sent", by: 1 },
    { op: "remove", trait: "trial" },
  ];

  it("applies set, increment and remove, and a following filter sees them", () => {
    const filter: JourneyNode = {
      id: "check",
      type: "filter",
      condition: { all: [{ kind: "trait", path: "nudges_sent", operator: "eq", value: 3 }] },
    };
    const parsed = validateJourney(profileJourney(ops, [filter, inAppNode("msg")]));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const profile = makeProfile({ traits: { nudges_sent: 2, trial: true } });
    const result = simulateJourney(parsed.definition, profile, [
      track("Signed Up", "2026-03-01T10:00:00Z"),
    ]);
    expect(result.sends.map((s) => s.nodeId)).toEqual(["msg"]);
    expect(result.profile.traits).toEqual({ nudges_sent: 3, onboarding_nudged: true });
    const update = result.effects.find((e) => e.effect.type === "update_profile")?.effect;
    expect(update).toMatchObject({
      traits: { onboarding_nudged: true, nudges_sent: 3, trial: null },
    });
    expect(result.traces.find((t) => t.decision === "profile_updated")?.reason).toContain(
      "nudges_sent = 3",
    );
  });

  it("does not increment a trait that is not a number, and says so", () => {
    const parsed = validateJourney(profileJourney([{ op: "increment", trait: "plan", by: 1 }]));
    if (!parsed.ok) throw new Error("invalid");
    const result = simulateJourney(parsed.definition, makeProfile({ traits: { plan: "pro" } }), [
      track("Signed Up", "2026-03-01T10:00:00Z"),
    ]);
    expect(result.profile.traits.plan).toBe("pro");
    expect(result.traces.find((t) => t.decision === "profile_updated")?.reason).toMatch(
      /not a number/,
    );
  });

  it("triggers another journey's trait change, never its own", () => {
    const parsed = validateJourney(profileJourney([{ op: "set", trait: "plan", value: "pro" }]));
    if (!parsed.ok) throw new Error("invalid");
    const becamePro: JourneyDefinition = {
      version: 1,
      nodes: [
        {
          id: "trigger",
          type: "trigger",
          trigger: {
            kind: "trait_change",
            conditions: [{ kind: "trait", path: "plan", operator: "eq", value: "pro" }],
          },
        },
        inAppNode("welcome"),
        { id: "end", type: "exit" },
      ],
      edges: [
        { from: "trigger", to: "welcome" },
        { from: "welcome", to: "end" },
      ],
      settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
    };
    const result = simulate({
      journeys: [
        { journeyId: "updater", definition: parsed.definition },
        { journeyId: "pro", definition: becamePro },
      ],
      profile: makeProfile(),
      events: [track("Signed Up", "2026-03-01T10:00:00Z")],
    });
    expect(result.sends.map((s) => `${s.journeyId}:${s.nodeId}`)).toEqual(["pro:welcome"]);
  });
});

describe("validation names the step", () => {
  const messages = (input: JourneyDefinitionInput) => {
    const result = validateJourney(input);
    return result.ok ? [] : result.errors.map((e) => e.humanMessage);
  };
  const withNode = (node: Record<string, unknown>): JourneyDefinitionInput => ({
    version: 1,
    nodes: [
      { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
      { id: "n", label: "Call CRM", ...node } as JourneyNode,
    ],
    edges: [{ from: "trigger", to: "n" }],
    settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
  });

  it("bad URL, bad method, bad increment", () => {
    expect(messages(withNode({ type: "send_webhook", method: "POST", url: "ftp://x" }))).toContain(
      "Enter a full URL (https://…) for 'Call CRM'",
    );
    expect(
      messages(withNode({ type: "send_webhook", method: "BREW", url: "https://x.example" })),
    ).toContain("Choose GET, POST, PUT, PATCH or DELETE for 'Call CRM'");
    expect(
      messages(
        withNode({
          type: "update_profile",
          operations: [{ op: "increment", trait: "n", by: "one" }],
        }),
      ),
    ).toContain("Increase by a number in 'Call CRM'");
    expect(
      messages(
        withNode({
          type: "send_webhook",
          method: "POST",
          url: "https://x.example",
          headers: [{ name: "Webhook-Signature", value: "x" }],
        }),
      ),
    ).toContain("Check the header names of 'Call CRM' (Cue sets this header itself)");
  });
});
