import { describe, expect, it } from "vitest";
import { insertNode, ROW_GAP } from "./insert-node";
import { newNode } from "./new-node";

const trigger = newNode("trigger", "trigger", { x: 0, y: 0 });

describe("insertNode", () => {
  it("wires the selected node's first free exit to the new node, below it", () => {
    const a = insertNode({ nodes: [trigger], edges: [] }, "wait", { afterId: "trigger" });
    expect(a.inserted).toMatchObject({ id: "wait-1", position: { x: 0, y: ROW_GAP } });
    expect(a.edges).toEqual([{ from: "trigger", to: "wait-1" }]);
    const b = insertNode(a, "exit", { afterId: "wait-1" });
    const c = insertNode(b, "send_inapp", { afterId: "wait-1" });
    expect(c.edges).toEqual([
      { from: "trigger", to: "wait-1" },
      { from: "wait-1", to: "exit-1", exit: "did" },
      { from: "wait-1", to: "inapp-1", exit: "timeout" },
    ]);
    expect(b.inserted.position!.x).toBeLessThan(c.inserted.position!.x);
  });

  it("splices into a taken single exit and moves what follows down", () => {
    const a = insertNode({ nodes: [trigger], edges: [] }, "exit", { afterId: "trigger" });
    const b = insertNode(a, "delay", { afterId: "trigger" });
    expect(b.edges).toEqual([
      { from: "trigger", to: "delay-1" },
      { from: "delay-1", to: "exit-1" },
    ]);
    expect(b.nodes.find((n) => n.id === "exit-1")!.position!.y).toBe(2 * ROW_GAP);
  });

  it("splicing in a two-exit node moves what follows under its first exit, clear of the second", () => {
    const a = insertNode({ nodes: [trigger], edges: [] }, "exit", { afterId: "trigger" });
    const b = insertNode(a, "wait", { afterId: "trigger" });
    const c = insertNode(b, "send_inapp", { afterId: "wait-1" });
    const x = (id: string) => c.nodes.find((n) => n.id === id)!.position!.x;
    expect(c.edges).toContainEqual({ from: "wait-1", to: "exit-1", exit: "did" });
    expect(c.edges).toContainEqual({ from: "wait-1", to: "inapp-1", exit: "timeout" });
    expect(x("inapp-1") - x("exit-1")).toBeGreaterThanOrEqual(240);
  });

  it("adds an unconnected node when nothing is selected, or for a trigger", () => {
    const a = insertNode({ nodes: [trigger], edges: [] }, "exit");
    expect(a.edges).toEqual([]);
    expect(a.inserted.position).toEqual({ x: 0, y: ROW_GAP });
    const b = insertNode({ nodes: [], edges: [] }, "trigger", { position: { x: 5, y: 6 } });
    expect(b.inserted).toMatchObject({ id: "trigger", position: { x: 5, y: 6 } });
  });

  it("leaves an exit node unconnected after a node whose exits are all taken", () => {
    const a = insertNode({ nodes: [trigger], edges: [] }, "exit", { afterId: "trigger" });
    const b = insertNode(a, "exit", { afterId: "trigger" });
    expect(b.edges).toEqual(a.edges);
  });
});
