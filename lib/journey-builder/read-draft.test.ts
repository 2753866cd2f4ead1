import { describe, expect, it } from "vitest";
import { JOURNEY_TEMPLATES } from "@/lib/journey-core/templates";
import { readDraft } from "./read-draft";

describe("readDraft", () => {
  it("reads a template unchanged", () => {
    const { definition } = JOURNEY_TEMPLATES[0];
    expect(readDraft(definition)).toEqual({ definition, unreadable: 0 });
  });

  it("fills what a form needs and the default settings, keeping invalid values", () => {
    const { definition, unreadable } = readDraft({
      nodes: [
        { id: "t", type: "trigger" },
        { id: "w", type: "wait", event: 42 },
      ],
    });
    expect(unreadable).toBe(0);
    expect(definition.nodes[0]).toMatchObject({ id: "t", trigger: { kind: "event", event: "" } });
    expect(definition.nodes[1]).toMatchObject({ id: "w", event: 42, timeout: { amount: 1 } });
    expect(definition.edges).toEqual([]);
    expect(definition.settings).toEqual({ reentry: { mode: "once" }, holdoutPercent: 0 });
  });

  it("counts nodes and edges it cannot show instead of dropping them silently", () => {
    const { definition, unreadable } = readDraft({
      nodes: [{ id: "a", type: "teleport" }, { type: "exit" }, { id: "e", type: "exit" }],
      edges: [{ from: "a" }, { from: "a", to: "e", exit: "x" }],
    });
    expect(unreadable).toBe(3);
    expect(definition.nodes.map((n) => n.id)).toEqual(["e"]);
    expect(definition.edges).toEqual([{ from: "a", to: "e", exit: "x" }]);
  });

  it("reads garbage as an empty journey", () => {
    expect(readDraft(null).definition.nodes).toEqual([]);
    expect(readDraft([1, 2]).definition.edges).toEqual([]);
  });
});

describe("draftToDoc", () => {
  it("lays out a journey stored without positions", async () => {
    const { draftToDoc } = await import("./draft-to-doc");
    const { definition } = JOURNEY_TEMPLATES[1];
    const bare = { ...definition, nodes: definition.nodes.map(({ position: _p, ...n }) => n) };
    const { doc, unreadable } = draftToDoc(bare);
    expect(unreadable).toBe(0);
    const y = new Map(doc.nodes.map((n) => [n.id, n.position.y]));
    expect(y.get("wait-step-3")!).toBeGreaterThan(y.get("trigger")!);
    expect(y.get("nudge-email")!).toBeGreaterThan(y.get("wait-step-3")!);
    expect(draftToDoc(definition).doc.nodes[0].position).toEqual({ x: 0, y: 0 });
  });
});
