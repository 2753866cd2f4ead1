import { describe, expect, it } from "vitest";
import type { JourneyEdge, JourneyNode } from "@/lib/journey-core/definition";
import { DEFAULT_EXIT } from "@/lib/journey-core/journey-graph";
import { JOURNEY_TEMPLATES } from "@/lib/journey-core/templates";
import { validateJourney } from "@/lib/journey-core/validate-journey";
import type { DraftDefinition } from "./flow-types";
import { fromFlow } from "./from-flow";
import { newNode } from "./new-node";
import { exitsForNode } from "./node-exits";
import { needsLayout, toFlow } from "./to-flow";

function roundTrip(definition: DraftDefinition): DraftDefinition {
  const { nodes, edges } = toFlow(definition);
  return fromFlow(nodes, edges, definition.settings);
}

/** A seeded generator, so the "random" journey is the same on every run. */
function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** A valid journey of `size` nodes with branches, waits and splits, every exit wired. */
function multiBranchJourney(size: number, seed: number): DraftDefinition {
  const random = lcg(seed);
  const types = ["filter", "branch", "delay", "wait", "split", "send_email", "send_inapp"] as const;
  const nodes: JourneyNode[] = [];
  const edges: JourneyEdge[] = [];
  const open: { from: string; exit: string }[] = [];
  const trigger = newNode("trigger", "trigger", { x: 0, y: 0 });
  nodes.push(
    trigger.type === "trigger"
      ? { ...trigger, trigger: { kind: "event", event: "Signed Up" } }
      : trigger,
  );
  open.push({ from: "trigger", exit: DEFAULT_EXIT });
  while (nodes.length < size && open.length > 0) {
    const slot = open.splice(Math.floor(random() * open.length), 1)[0];
    const type = types[Math.floor(random() * types.length)];
    const id = `n${nodes.length}`;
    let node = newNode(type, id, { x: Math.round(random() * 2000), y: nodes.length * 100 });
    if (node.type === "wait") node = { ...node, event: "Report Created" };
    if (node.type === "filter" || node.type === "branch") {
      node = {
        ...node,
        condition: { any: [{ kind: "trait", path: "plan", operator: "eq", value: "pro" }] },
      };
    }
    if (node.type === "split") {
      node = {
        ...node,
        label: "Test",
        variants: [
          { key: "a", weight: 30 },
          { key: "b", weight: 30, label: "B" },
          { key: "c", weight: 40 },
        ],
      };
    }
    nodes.push(node);
    edges.push(slot.exit === DEFAULT_EXIT ? { from: slot.from, to: id } : { ...slot, to: id });
    for (const exit of exitsForNode(node)) open.push({ from: id, exit: exit.id });
  }
  for (const slot of open) {
    const id = `end${nodes.length}`;
    nodes.push(newNode("exit", id, { x: 0, y: 9_000 + nodes.length }));
    edges.push(slot.exit === DEFAULT_EXIT ? { from: slot.from, to: id } : { ...slot, to: id });
  }
  return { version: 1, nodes, edges, settings: { reentry: { mode: "always" }, holdoutPercent: 5 } };
}

describe("toFlow / fromFlow", () => {
  it.each(JOURNEY_TEMPLATES.map((t) => [t.slug, t.definition] as const))(
    "round-trips the %s template exactly",
    (_slug, definition) => {
      expect(roundTrip(definition as DraftDefinition)).toEqual(definition);
    },
  );

  it("round-trips a multi-branch journey with waits, branches and a three-way split", () => {
    const definition = multiBranchJourney(60, 7);
    expect(validateJourney(definition)).toMatchObject({ ok: true });
    const types = new Set(definition.nodes.map((n) => n.type));
    for (const t of ["branch", "wait", "split"]) expect(types).toContain(t);
    expect(roundTrip(definition)).toEqual(definition);
  });

  it("puts the exit on the edge's source handle and back", () => {
    const { edges } = toFlow(JOURNEY_TEMPLATES[1].definition as DraftDefinition);
    expect(
      edges.find((e) => e.source === "wait-step-3" && e.target === "nudge-email"),
    ).toMatchObject({
      sourceHandle: "timeout",
    });
    expect(edges.find((e) => e.source === "trigger")).toMatchObject({ sourceHandle: "next" });
  });

  it("keeps repeated edges as distinct flow edges (the validator reports them)", () => {
    const base = multiBranchJourney(5, 1);
    const twice = { ...base, edges: [...base.edges, base.edges[0]] };
    const { edges } = toFlow(twice);
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
    expect(roundTrip(twice).edges).toEqual(twice.edges);
  });

  it("normalises an explicit next exit to the stored default, and rounds positions", () => {
    const definition = multiBranchJourney(3, 2);
    const explicit = { ...definition, edges: [{ ...definition.edges[0], exit: "next" }] };
    const { nodes, edges } = toFlow(explicit);
    nodes[0] = { ...nodes[0], position: { x: 10.4, y: 20.6 } };
    const back = fromFlow(nodes, edges, definition.settings);
    expect(back.edges[0]).toEqual({ from: definition.edges[0].from, to: definition.edges[0].to });
    expect(back.nodes[0].position).toEqual({ x: 10, y: 21 });
  });

  it("stacks nodes stored without a position and asks for a layout", () => {
    const definition = multiBranchJourney(4, 3);
    const bare = {
      ...definition,
      nodes: definition.nodes.map(({ position: _p, ...n }) => n as JourneyNode),
    };
    expect(needsLayout(bare)).toBe(true);
    expect(needsLayout(definition)).toBe(false);
    expect(toFlow(bare).nodes.map((n) => n.position.y)).toEqual(bare.nodes.map((_, i) => i * 140));
  });
});
