import { describe, expect, it } from "vitest";
import type { JourneyNode } from "@/lib/journey-core/definition";
import { newNode } from "./new-node";
import { triggerEventOf } from "./trigger-event";

const on = (trigger: Extract<JourneyNode, { type: "trigger" }>["trigger"]): JourneyNode[] => [
  { id: "trigger", type: "trigger", trigger },
  newNode("exit", "exit-1"),
];

describe("triggerEventOf", () => {
  it("names the event of an event trigger", () => {
    expect(triggerEventOf(on({ kind: "event", event: "Signed Up", where: [] }))).toBe("Signed Up");
  });

  it("is undefined for other triggers and without a trigger", () => {
    expect(
      triggerEventOf(
        on({ kind: "inactivity", event: "Logged In", inactiveFor: { amount: 7, unit: "days" } }),
      ),
    ).toBeUndefined();
    expect(triggerEventOf([newNode("exit", "exit-1")])).toBeUndefined();
  });
});
