import { describe, expect, it } from "vitest";
import { JOURNEY_TEMPLATES } from "@/lib/journey-core/templates";
import { copyNodes } from "./clipboard";
import {
  type EditorAction,
  type EditorState,
  editorReducer,
  initEditor,
  journeyEdges,
  journeyNodes,
  layoutDoc,
} from "./editor-reducer";
import type { DraftDefinition } from "./flow-types";
import { fromFlow } from "./from-flow";
import { anyOverlap, measuredBoxes } from "./overlaps";
import { toFlow } from "./to-flow";

const template = JOURNEY_TEMPLATES[1].definition as DraftDefinition;

function start(definition: DraftDefinition = template): EditorState {
  return initEditor({ ...toFlow(definition), settings: definition.settings });
}
const run = (state: EditorState, ...actions: EditorAction[]) =>
  actions.reduce(editorReducer, state);
const empty = (): EditorState =>
  start({ version: 1, nodes: [], edges: [], settings: template.settings });

describe("editorReducer", () => {
  it("builds trigger → wait → (did: exit, timeout: in-app) by inserting after the selection", () => {
    let s = run(empty(), { type: "insert", nodeType: "trigger" });
    s = run(s, { type: "insert", nodeType: "wait", afterId: "trigger" });
    s = run(s, { type: "insert", nodeType: "exit", afterId: "wait-1" });
    s = run(s, { type: "insert", nodeType: "send_inapp", afterId: "wait-1" });
    expect(journeyEdges(s.present)).toEqual([
      { from: "trigger", to: "wait-1" },
      { from: "wait-1", to: "exit-1", exit: "did" },
      { from: "wait-1", to: "inapp-1", exit: "timeout" },
    ]);
    // The node just inserted is the selected one, ready for the inspector.
    expect(s.present.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(["inapp-1"]);
    expect(run(s, { type: "insert", nodeType: "trigger" })).toBe(s);
  });

  it("connects valid exits and ignores connections the rules refuse", () => {
    const s = start();
    const free = run(s, { type: "set-exit", from: "wait-step-3", exit: "did", to: null });
    const connected = run(free, {
      type: "connect",
      connection: {
        source: "wait-step-3",
        sourceHandle: "did",
        target: "nudged",
        targetHandle: null,
      },
    });
    expect(journeyEdges(connected.present)).toContainEqual({
      from: "wait-step-3",
      exit: "did",
      to: "nudged",
    });
    const again = run(connected, {
      type: "connect",
      connection: {
        source: "wait-step-3",
        sourceHandle: "did",
        target: "finished",
        targetHandle: null,
      },
    });
    expect(again).toBe(connected);
    const intoTrigger = run(free, {
      type: "connect",
      connection: { source: "nudged", sourceHandle: null, target: "trigger", targetHandle: null },
    });
    expect(intoTrigger).toBe(free);
  });

  it("deletes the selected nodes with their edges in one undo step", () => {
    const s = run(
      start(),
      { type: "select-node", id: "nudge-email" },
      { type: "delete-selection" },
    );
    expect(journeyNodes(s.present).map((n) => n.id)).not.toContain("nudge-email");
    expect(
      journeyEdges(s.present).some((e) => e.from === "nudge-email" || e.to === "nudge-email"),
    ).toBe(false);
    const undone = run(s, { type: "undo" });
    expect(fromFlow(undone.present.nodes, undone.present.edges, template.settings)).toEqual(
      template,
    );
  });

  it("undoes a drag back to where it started; selecting is not an undo step", () => {
    const s = run(
      start(),
      { type: "select-node", id: "trigger" },
      {
        type: "nodes-change",
        changes: [{ id: "trigger", type: "position", position: { x: 50, y: 5 }, dragging: true }],
      },
      {
        type: "nodes-change",
        changes: [{ id: "trigger", type: "position", position: { x: 90, y: 9 }, dragging: false }],
      },
    );
    expect(s.present.nodes[0].position).toEqual({ x: 90, y: 9 });
    expect(s.past).toHaveLength(1);
    expect(run(s, { type: "undo" }).present.nodes[0].position).toEqual({ x: 0, y: 0 });
  });

  it("drops the edge of a removed split variant", () => {
    const split = JOURNEY_TEMPLATES[4].definition as DraftDefinition;
    const node = split.nodes.find((n) => n.id === "channel-test")!;
    if (node.type !== "split") throw new Error("expected a split");
    const s = run(start(split), {
      type: "update-node",
      node: { ...node, variants: [{ key: "in_app", weight: 100 }] },
    });
    expect(journeyEdges(s.present).filter((e) => e.from === "channel-test")).toEqual([
      { from: "channel-test", exit: "in_app", to: "share-card" },
    ]);
  });

  it("pastes copies with fresh ids, selected, and keeps other nodes' objects", () => {
    const s = start();
    const clip = copyNodes(
      { nodes: journeyNodes(s.present), edges: journeyEdges(s.present) },
      new Set(["nudge-email", "wait-2-days"]),
    );
    const pasted = run(s, { type: "paste", clip });
    expect(pasted.present.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual([
      "email-1",
      "delay-1",
    ]);
    expect(journeyEdges(pasted.present)).toContainEqual({ from: "email-1", to: "delay-1" });
    expect(pasted.present.nodes[0]).toBe(s.present.nodes[0]);
  });

  it("coalesces typing in one field into one undo step", () => {
    const s0 = start();
    const email = journeyNodes(s0.present).find((n) => n.id === "nudge-email")!;
    if (email.type !== "send_email") throw new Error("expected an email");
    const typed = ["H", "Hi", "Hi!"].reduce(
      (s, subject) =>
        run(s, {
          type: "update-node",
          node: { ...email, content: { ...email.content, subject } },
          coalesce: "nudge-email:subject",
        }),
      s0,
    );
    expect(typed.past).toHaveLength(1);
    expect(run(typed, { type: "undo" }).present).toEqual(s0.present);
  });

  it("lays out nodes stacked closer than their measured height so none overlap", () => {
    const doc = start().present;
    // Every node 120 px apart but 130 px tall (and wider than the default), as a hand-made seed might be.
    const stacked = {
      ...doc,
      nodes: doc.nodes.map((node, i) => ({
        ...node,
        position: { x: 0, y: i * 120 },
        measured: { width: 280, height: 130 },
      })),
    };
    expect(anyOverlap(measuredBoxes(stacked.nodes) ?? [])).toBe(true);
    const laid = layoutDoc(stacked);
    expect(anyOverlap(measuredBoxes(laid.nodes) ?? [])).toBe(false);
    expect(laid.nodes.map((n) => n.id)).toEqual(doc.nodes.map((n) => n.id));
    expect(laid.nodes.every((n) => n.measured?.height === 130)).toBe(true);
    expect(stacked.nodes[1].position).toEqual({ x: 0, y: 120 });
  });

  it("lays the graph out as one undo step", () => {
    const s = run(start(), { type: "layout" });
    expect(s.past).toHaveLength(1);
    const ys = new Map(s.present.nodes.map((n) => [n.id, n.position.y]));
    expect(ys.get("wait-step-3")!).toBeGreaterThan(ys.get("trigger")!);
  });
});
