import { describe, expect, it } from "vitest";
import { blankJourneyDefinition } from "./blank-journey";
import { validateDraft } from "./validate-journey";

describe("blankJourneyDefinition", () => {
  it("is a wired trigger and exit whose only issue is the event still to choose", () => {
    const { issues } = validateDraft(blankJourneyDefinition());
    expect(issues.map((i) => [i.nodeId, i.field])).toEqual([["trigger", "trigger.event"]]);
  });

  it("fills in the event and it is publishable as is", () => {
    const definition = blankJourneyDefinition();
    const trigger = definition.nodes[0];
    if (trigger?.type !== "trigger" || trigger.trigger.kind !== "event") throw new Error("trigger");
    trigger.trigger.event = "Signed Up";
    expect(validateDraft(definition).issues).toEqual([]);
  });
});
