import { describe, expect, it } from "vitest";
import type { JourneyDefinition } from "./definition";
import { simulateJourney } from "./simulate";
import { inAppNode, makeProfile, track } from "./test-fixtures";

// `history`: events before the replayed ones count for conditions and
// first-time triggers but never trigger anything themselves (backtests).

const firstReport: JourneyDefinition = {
  version: 1,
  nodes: [
    {
      id: "trigger",
      type: "trigger",
      trigger: { kind: "event", event: "Report Created", firstTimeOnly: true },
    },
    {
      id: "active",
      type: "filter",
      condition: {
        all: [{ kind: "has_done", event: "Logged In", within: { amount: 7, unit: "days" } }],
      },
    },
    inAppNode("hello"),
    { id: "end", type: "exit" },
  ],
  edges: [
    { from: "trigger", to: "active" },
    { from: "active", to: "hello" },
    { from: "hello", to: "end" },
  ],
  settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
};

describe("simulate with history", () => {
  it("counts history for conditions without replaying it", () => {
    const result = simulateJourney(
      firstReport,
      makeProfile(),
      [track("Report Created", "2025-06-10T10:00:00Z")],
      { history: [track("Logged In", "2025-06-08T10:00:00Z")] },
    );
    expect(result.runs).toHaveLength(1);
    expect(result.sends.map((s) => s.nodeId)).toEqual(["hello"]);
  });

  it("without the history the filter stops the run", () => {
    const result = simulateJourney(firstReport, makeProfile(), [
      track("Report Created", "2025-06-10T10:00:00Z"),
    ]);
    expect(result.runs[0].status).toBe("filtered");
  });

  it("a first-time trigger sees an earlier trigger event in the history", () => {
    const result = simulateJourney(
      firstReport,
      makeProfile(),
      [track("Report Created", "2025-06-10T10:00:00Z")],
      { history: [track("Report Created", "2025-06-01T10:00:00Z")] },
    );
    expect(result.runs).toHaveLength(0);
    expect(result.entries[0].decision.enter).toBe(false);
  });
});
