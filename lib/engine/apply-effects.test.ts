import { describe, expect, it } from "vitest";
import type { Effect } from "@/lib/journey-core/run-state";
import { collectEffects } from "./apply-effects";
import type { RunRecord } from "./batch-records";

const at = new Date("2026-12-01T10:00:00Z");

function run(runId: string, effects: Effect[]): RunRecord {
  // Only the fields the effect handlers read.
  return {
    workspaceId: "ws",
    journey: { id: "j1", name: "Nudge" },
    state: { runId, profileId: `p-${runId}`, triggerEvent: { properties: { plan: "pro" } } },
    effects,
  } as unknown as RunRecord;
}

describe("collectEffects", () => {
  it("hands every kind of effect to its handler, in the order the core emitted them", () => {
    const runs = [
      run("r1", [
        { type: "trace", nodeId: "trigger", at, decision: "entered", reason: "Entered" },
        {
          type: "send",
          channel: "in_app",
          nodeId: "n1",
          at,
          idempotencyKey: "r1:n1:0",
          content: { kind: "card", title: "Hi", body: "Hello" },
        } as Effect,
        { type: "schedule", wakeAt: new Date("2026-12-02T10:00:00Z") },
      ]),
      run("r2", [
        { type: "trace", nodeId: "n2", at, decision: "exited", reason: "Done" },
        { type: "complete", status: "completed" },
      ]),
    ];
    const out = collectEffects(runs);
    expect(out.sends).toHaveLength(1);
    expect(out.sends[0]).toMatchObject({
      workspaceId: "ws",
      profileId: "p-r1",
      runId: "r1",
      journey: { id: "j1", name: "Nudge" },
      eventProperties: { plan: "pro" },
      now: at,
    });
    expect(out.traces.map((t) => [t.run.state.runId, t.effect.nodeId])).toEqual([
      ["r1", "trigger"],
      ["r2", "n2"],
    ]);
    expect(out.timersSet).toBe(1);
    expect(out.runsEnded).toBe(1);
  });

  it("collects nothing from runs without effects", () => {
    expect(collectEffects([run("r1", [])])).toEqual({
      sends: [],
      webhooks: [],
      profileUpdates: [],
      traces: [],
      timersSet: 0,
      runsEnded: 0,
    });
  });
});
