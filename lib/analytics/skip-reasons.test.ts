import { describe, expect, it } from "vitest";
import { skipCategory, summarizeSkips } from "./skip-reasons";

describe("skipCategory", () => {
  it.each([
    ["filtered", null, "filter"],
    ["skipped", "frequency_total", "frequency_cap"],
    ["deferred", "frequency_channel", "frequency_cap"],
    ["deferred", "quiet_hours", "quiet_hours"],
    ["skipped", "suppressed", "suppression"],
    ["skipped", "unsubscribed", "unsubscribed"],
    ["skipped", "no_email_address", "no_address"],
    ["limit_reached", null, "message_limit"],
    ["failed", null, "provider_failure"],
    ["skipped", "something_new", "other"],
  ])("%s / %s → %s", (decision, rule, category) => {
    expect(skipCategory(decision, rule)).toBe(category);
  });
});

describe("summarizeSkips", () => {
  it("merges rules of one category per node and outcome, biggest first", () => {
    const summary = summarizeSkips([
      { nodeId: "email", decision: "skipped", rule: "frequency_total", count: 2 },
      { nodeId: "email", decision: "skipped", rule: "frequency_channel", count: 3 },
      { nodeId: "email", decision: "deferred", rule: "frequency_total", count: 1 },
      { nodeId: "filter", decision: "filtered", rule: null, count: 9 },
    ]);
    expect(summary).toEqual([
      { category: "filter", label: "Filtered out", outcome: "skipped", nodeId: "filter", count: 9 },
      {
        category: "frequency_cap",
        label: "Frequency cap",
        outcome: "skipped",
        nodeId: "email",
        count: 5,
      },
      {
        category: "frequency_cap",
        label: "Frequency cap",
        outcome: "deferred",
        nodeId: "email",
        count: 1,
      },
    ]);
  });
});
