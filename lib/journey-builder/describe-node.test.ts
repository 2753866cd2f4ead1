import { describe, expect, it } from "vitest";
import type { JourneyNode } from "@/lib/journey-core/definition";
import { JOURNEY_TEMPLATES } from "@/lib/journey-core/templates";
import { describeNode } from "./describe-node";
import { newNode, PALETTE } from "./new-node";

const node = (id: string) =>
  JOURNEY_TEMPLATES.flatMap((t) => t.definition.nodes).find((n) => n.id === id)!;

describe("describeNode", () => {
  it("summarises template nodes in words", () => {
    expect(describeNode(node("wait-step-3"))).toBe(
      "Wait for Onboarding Step Completed, up to 24 hours",
    );
    expect(describeNode(node("not-shared-yet"))).toBe('Only if has not done "Dashboard Shared"');
    expect(describeNode(node("channel-test"))).toBe("2 variants · 100%");
    expect(describeNode(node("weekday-morning"))).toBe(
      "Until 10:00 their time on mon, tue, wed, thu, fri",
    );
  });

  it.each(PALETTE.map((p) => p.type))("describes a fresh %s node", (type) => {
    expect(describeNode(newNode(type, "x"))).not.toBe("");
  });

  it("never throws on half-written drafts", () => {
    const broken = [
      { id: "a", type: "trigger" },
      { id: "b", type: "branch", condition: { all: [{ kind: "trait" }] } },
      { id: "c", type: "split", variants: "x" },
      { id: "d", type: "wait", event: 3 },
    ] as unknown as JourneyNode[];
    for (const n of broken) expect(typeof describeNode(n)).toBe("string");
    expect(describeNode(broken[3])).toBe("Wait for an event, up to …");
  });
});
