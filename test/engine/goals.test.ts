import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";
import { delayNode, emailNode, inAppNode, lineJourney } from "@/lib/journey-core/test-fixtures";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import {
  advanceTo,
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

// A goal converts the run the moment it is reached, from any blocked place:
// during a delay, during a wait; after the path ended, within the goal window.

let ws: string;
const goal = { event: "Purchased", within: { amount: 7, unit: "days" as const } };

const waitJourney: JourneyDefinitionInput = {
  version: 1,
  nodes: [
    { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Trial Started" } },
    { id: "opened", type: "wait", event: "App Opened", timeout: { amount: 2, unit: "days" } },
    { id: "welcome", type: "send_inapp", content: { kind: "card", title: "Welcome back" } },
    { id: "nudge", type: "send_email", content: { subject: "Come back", body: "Hi" } },
    { id: "end", type: "exit" },
  ],
  edges: [
    { from: "trigger", to: "opened" },
    { from: "opened", exit: "did", to: "welcome" },
    { from: "opened", exit: "timeout", to: "nudge" },
    { from: "welcome", to: "end" },
    { from: "nudge", to: "end" },
  ],
  settings: { reentry: { mode: "once" }, holdoutPercent: 0, goal },
};

beforeAll(async () => {
  ({ workspaceId: ws } = await createTestWorkspace("Goals"));
  await setRules(ws, {});
  await publishDefinition(
    ws,
    "Delay",
    lineJourney("Cart Abandoned", [delayNode("wait-1d", 24), emailNode("reminder")], { goal }),
  );
  await publishDefinition(ws, "Wait", waitJourney);
  await publishDefinition(
    ws,
    "Instant",
    lineJourney("Demo Booked", [inAppNode("thanks")], { goal }),
  );
});

describe("goals", () => {
  it("reached during a delay: converted at once, the timer is gone, nothing more is sent", async () => {
    const clock = new FakeClock("2026-04-01T10:00:00Z");
    await send(clock, ws, [
      identify("g1", { email: "g1@example.com" }),
      track("g1", "Cart Abandoned"),
    ]);
    clock.set("2026-04-01T15:00:00Z");
    await send(clock, ws, [track("g1", "Purchased", { total: 40 })]);
    const [run] = await runsOf(ws, "g1");
    expect(run).toMatchObject({ status: "converted", wakeAt: null });
    expect(run?.convertedAt?.toISOString()).toBe("2026-04-01T15:00:00.000Z");
    await advanceTo(clock, "2026-04-05T00:00:00Z");
    expect(await sentTo(ws, "g1")).toEqual([]);
    expect(await traceOf(run!.id)).toEqual([
      ["trigger", "entered"],
      ["wait-1d", "waiting"],
      ["wait-1d", "goal_reached"],
    ]);
  });

  it("reached during a wait for another event: converted, neither exit taken", async () => {
    const clock = new FakeClock("2026-04-01T10:00:00Z");
    await send(clock, ws, [
      identify("g2", { email: "g2@example.com" }),
      track("g2", "Trial Started"),
    ]);
    clock.set("2026-04-02T09:00:00Z");
    await send(clock, ws, [track("g2", "Purchased")]);
    await advanceTo(clock, "2026-04-06T00:00:00Z");
    expect(await sentTo(ws, "g2")).toEqual([]);
    expect((await runsOf(ws, "g2"))[0]).toMatchObject({ status: "converted", nodeId: "opened" });
  });

  it("the waited-for event takes the 'did' exit; silence takes 'timeout'", async () => {
    const clock = new FakeClock("2026-04-01T10:00:00Z");
    await send(clock, ws, [
      identify("g3", { email: "g3@example.com" }),
      identify("g4", { email: "g4@example.com" }),
      track("g3", "Trial Started"),
      track("g4", "Trial Started"),
    ]);
    clock.set("2026-04-02T10:00:00Z");
    await send(clock, ws, [track("g3", "App Opened")]);
    await advanceTo(clock, "2026-04-04T00:00:00Z");
    expect((await sentTo(ws, "g3")).map(([node]) => node)).toEqual(["welcome"]);
    expect(await sentTo(ws, "g4")).toEqual([["nudge", "email", "2026-04-03T10:00:00.000Z"]]);
  });

  it("after the path ended: a late conversion inside the window counts, one after it does not", async () => {
    const clock = new FakeClock("2026-04-01T10:00:00Z");
    await send(clock, ws, [track("g5", "Demo Booked"), track("g6", "Demo Booked")]);
    expect((await runsOf(ws, "g5"))[0]?.goalUntil?.toISOString()).toBe("2026-04-08T10:00:00.000Z");
    clock.set("2026-04-05T10:00:00Z");
    await send(clock, ws, [track("g5", "Purchased")]);
    clock.set("2026-04-09T10:00:00Z");
    await send(clock, ws, [track("g6", "Purchased")]);
    const [late] = await runsOf(ws, "g5");
    expect(late).toMatchObject({ status: "completed" });
    expect(late?.convertedAt?.toISOString()).toBe("2026-04-05T10:00:00.000Z");
    expect(late?.goalUntil).toBeNull(); // converted: nothing left to listen for
    expect((await runsOf(ws, "g6"))[0]?.convertedAt).toBeNull();
    expect(
      await prisma.runTrace.count({ where: { runId: late!.id, decision: "goal_reached" } }),
    ).toBe(1);
  });
});
