import { describe, expect, it } from "vitest";
import { JOURNEY_TEMPLATES } from "@/lib/journey-core/templates";
import { copyNodes, duplicateNodes, PASTE_OFFSET, pasteNodes } from "./clipboard";

const { definition } = JOURNEY_TEMPLATES[1];

describe("clipboard", () => {
  it("copies the chosen nodes and only the edges between them", () => {
    const clip = copyNodes(definition, new Set(["wait-step-3", "nudge-email", "nudged"]));
    expect(clip.nodes.map((n) => n.id)).toEqual(["wait-step-3", "nudge-email", "nudged"]);
    expect(clip.edges).toEqual([{ from: "wait-step-3", exit: "timeout", to: "nudge-email" }]);
  });

  it("pastes with fresh readable ids, rewired edges and an offset", () => {
    const clip = copyNodes(definition, new Set(["wait-step-3", "nudge-email"]));
    const pasted = pasteNodes(clip, definition.nodes);
    expect(pasted.nodes.map((n) => n.id)).toEqual(["wait-1", "email-1"]);
    expect(pasted.edges).toEqual([{ from: "wait-1", exit: "timeout", to: "email-1" }]);
    const original = definition.nodes.find((n) => n.id === "nudge-email")!;
    expect(pasted.nodes[1].position).toEqual({
      x: original.position!.x + PASTE_OFFSET.x,
      y: original.position!.y + PASTE_OFFSET.y,
    });
    const ids = new Set([...definition.nodes, ...pasted.nodes].map((n) => n.id));
    expect(ids.size).toBe(definition.nodes.length + 2);
  });

  it("leaves a second trigger out", () => {
    const pasted = duplicateNodes(definition, new Set(["trigger", "wait-step-3"]));
    expect(pasted.nodes.map((n) => n.type)).toEqual(["wait"]);
    expect(pasted.edges).toEqual([]);
    expect(pasteNodes(copyNodes(definition, new Set(["trigger"])), []).nodes).toHaveLength(1);
  });

  it("copies deeply: editing the journey later does not change the clipboard", () => {
    const nodes = structuredClone(definition.nodes);
    const clip = copyNodes({ nodes, edges: [] }, new Set(["nudge-email"]));
    const email = nodes.find((n) => n.id === "nudge-email");
    if (email?.type === "send_email") email.content.subject = "changed";
    const copied = clip.nodes[0];
    expect(copied.type === "send_email" && copied.content.subject).toBe(
      "Your first report is one step away",
    );
  });
});
