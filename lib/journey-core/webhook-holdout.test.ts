import { describe, expect, it } from "vitest";
import { isInHoldout } from "./assign-bucket";
import type { JourneyDefinition, JourneyNode } from "./definition";
import { enterJourney } from "./step";
import { at, inAppNode, makeContext } from "./test-fixtures";
import { webhookHeaderSchema } from "./webhook-step";

// A holdout run at a webhook step: a data sync (not a message) is still
// called, marked `Cue-Holdout: true` and traced as such; a webhook that
// counts as a message is held out like a send. Either way the holdout gets
// no message.

const sync: JourneyNode = {
  id: "hook",
  type: "send_webhook",
  method: "POST",
  url: "https://crm.example.com/sync",
  headers: [{ name: "X-Plain", value: "1" }],
  body: '{"id": "{{ profile.id }}"}',
};

function journey(countsAsMessage: boolean): JourneyDefinition {
  return {
    version: 1,
    nodes: [
      { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
      { ...sync, countsAsMessage } as JourneyNode,
      inAppNode("ok"),
      { id: "end", type: "exit" },
    ],
    edges: [
      { from: "trigger", to: "hook" },
      { from: "hook", to: "ok", exit: "succeeded" },
      { from: "hook", to: "end", exit: "failed" },
      { from: "ok", to: "end" },
    ],
    settings: { reentry: { mode: "once" }, holdoutPercent: 50 },
  };
}

// Profiles on each side of the 50% holdout of journey "j" (the assignment is a pure hash).
const ids = Array.from({ length: 40 }, (_, i) => `p-${i}`);
const heldOut = ids.find((id) => isInHoldout(id, "j", 50)) as string;
const treated = ids.find((id) => !isInHoldout(id, "j", 50)) as string;

function enter(profileId: string, countsAsMessage: boolean) {
  return enterJourney(
    journey(countsAsMessage),
    {
      runId: `run-${profileId}`,
      journeyId: "j",
      versionId: "v",
      profileId,
      triggerEvent: null,
      now: at("2026-03-01T10:00:00Z"),
    },
    makeContext("2026-03-01T10:00:00Z"),
  );
}

describe("webhook step in a holdout run", () => {
  it("calls a data sync for the holdout, with the Cue-Holdout header and a trace that says so", () => {
    expect(heldOut).toBeDefined();
    const result = enter(heldOut, false);
    expect(result.state.holdout).toBe(true);
    const effect = result.effects.find((e) => e.type === "webhook");
    expect(effect).toMatchObject({
      countsAsMessage: false,
      request: {
        headers: [
          { name: "X-Plain", value: "1" },
          { name: "Cue-Holdout", value: "true" },
        ],
      },
    });
    const queued = result.effects.find(
      (e) => e.type === "trace" && e.decision === "webhook_queued",
    );
    expect(queued).toMatchObject({ reason: expect.stringContaining("holdout run: a data sync") });
    expect(result.state.webhookPending?.nodeId).toBe("hook");
    expect(result.state.messagesSent).toBe(0);
  });

  it("leaves a treated run's request unmarked", () => {
    const result = enter(treated, false);
    expect(result.state.holdout).toBe(false);
    const effect = result.effects.find((e) => e.type === "webhook");
    expect(effect?.type === "webhook" && effect.request.headers).toEqual([
      { name: "X-Plain", value: "1" },
    ]);
  });

  it("holds out a webhook that counts as a message: not called, the run goes on sending nothing", () => {
    const result = enter(heldOut, true);
    expect(result.effects.some((e) => e.type === "webhook")).toBe(false);
    expect(result.effects.some((e) => e.type === "send")).toBe(false);
    const held = result.effects.find(
      (e) => e.type === "trace" && e.nodeId === "hook" && e.decision === "holdout",
    );
    expect(held).toBeDefined();
  });

  it("a step may not set the Cue-Holdout header itself", () => {
    const parsed = webhookHeaderSchema.safeParse({ name: "cue-holdout", value: "false" });
    expect(parsed.success).toBe(false);
  });
});
