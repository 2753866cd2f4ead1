import { beforeAll, describe, expect, it } from "vitest";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import {
  FakeClock,
  identify,
  publishDefinition,
  runsOf,
  send,
  setRules,
  track,
} from "./engine-fixtures";

// A trait-change trigger fires on the change from not matching to matching,
// once, not on every identify that repeats the value.

let ws: string;
const becamePro: JourneyDefinitionInput = {
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
    { id: "thanks", type: "send_inapp", content: { kind: "modal", title: "Welcome to Pro" } },
    { id: "end", type: "exit" },
  ],
  edges: [
    { from: "trigger", to: "thanks" },
    { from: "thanks", to: "end" },
  ],
  settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
};

beforeAll(async () => {
  ({ workspaceId: ws } = await createTestWorkspace("Traits"));
  await setRules(ws, {});
  await publishDefinition(ws, "Became Pro", becamePro);
});

describe("trait-change trigger", () => {
  it("fires once on the change, not on repeats or unrelated identifies", async () => {
    const clock = new FakeClock("2026-04-01T10:00:00Z");
    await send(clock, ws, [identify("t", { plan: "free" })]);
    await send(clock, ws, [identify("t", { plan: "pro" })]);
    await send(clock, ws, [identify("t", { plan: "pro" })]);
    await send(clock, ws, [identify("t", { seats: 5 }), track("t", "Logged In")]);
    await send(clock, ws, [identify("t", { plan: "pro" }), identify("t", { plan: "pro" })]);
    expect(await runsOf(ws, "t")).toHaveLength(1);
  });

  it("fires again after the traits stopped matching and match again", async () => {
    const clock = new FakeClock("2026-04-01T10:00:00Z");
    await send(clock, ws, [identify("t2", { plan: "pro" })]);
    await send(clock, ws, [identify("t2", { plan: "free" })]);
    await send(clock, ws, [identify("t2", { plan: "pro" })]);
    expect(await runsOf(ws, "t2")).toHaveLength(2);
  });
});
