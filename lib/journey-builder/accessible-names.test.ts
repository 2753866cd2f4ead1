import { describe, expect, it } from "vitest";
import type { JourneyNode } from "@/lib/journey-core/definition";
import { JOURNEY_TEMPLATES } from "@/lib/journey-core/templates";
import { edgeAccessibleName, nodeAccessibleName } from "./accessible-names";
import { describeNode } from "./describe-node";
import { NODE_TYPE_LABEL, newNode, PALETTE } from "./new-node";

const templateNodes = JOURNEY_TEMPLATES.flatMap((t) => t.definition.nodes);
const node = (id: string) => {
  const found = templateNodes.find((n) => n.id === id);
  if (!found) throw new Error(`no template node ${id}`);
  return found;
};

describe("accessible names on the canvas", () => {
  it("names a node by its kind, its label and what it does", () => {
    const labelled = { ...node("wait-step-3"), label: "  Wait for step 3  " };
    expect(nodeAccessibleName(labelled)).toBe(
      `${NODE_TYPE_LABEL.wait} “Wait for step 3”: ${describeNode(labelled)}`,
    );
    const plain = { ...node("wait-step-3"), label: undefined };
    expect(nodeAccessibleName(plain)).toBe(`${NODE_TYPE_LABEL.wait}: ${describeNode(plain)}`);
  });

  it.each(PALETTE.map((p) => p.type))("never announces a fresh %s node by its id", (type) => {
    const fresh = newNode(type, "internal-id-42");
    const name = nodeAccessibleName(fresh);
    expect(name).not.toContain("internal-id-42");
    expect(name.startsWith(NODE_TYPE_LABEL[type])).toBe(true);
  });

  it("names every template node and connection without internal ids", () => {
    for (const template of JOURNEY_TEMPLATES) {
      const { nodes, edges } = template.definition;
      const byId = new Map(nodes.map((n) => [n.id, n]));
      for (const n of nodes) expect(nodeAccessibleName(n)).not.toContain(n.id);
      for (const e of edges) {
        const name = edgeAccessibleName(byId.get(e.from), e.exit, byId.get(e.to));
        expect(name).toMatch(/^From “.+” to “.+”$|^From “.+”, exit .+, to “.+”$/);
        expect(name).not.toContain(e.from);
        expect(name).not.toContain(e.to);
      }
    }
  });

  it("names a connection by its steps and the exit it leaves by", () => {
    const wait = { ...node("wait-step-3"), label: "Step 3?" };
    const email = { ...newNode("send_email", "email-9"), label: "Nudge" } as JourneyNode;
    expect(edgeAccessibleName(wait, "timeout", email)).toBe(
      "From “Step 3?”, exit Timed out, to “Nudge”",
    );
    expect(edgeAccessibleName(wait, "did", email)).toBe("From “Step 3?”, exit Did it, to “Nudge”");
    // The single unnamed exit adds nothing; an unlabelled step reads as its summary.
    const trigger = { ...newNode("trigger", "trigger"), label: undefined } as JourneyNode;
    expect(edgeAccessibleName(trigger, "next", email)).toBe(
      `From “${describeNode(trigger)}” to “Nudge”`,
    );
    expect(edgeAccessibleName(undefined, "next", email)).toBe("From a missing step to “Nudge”");
  });
});
