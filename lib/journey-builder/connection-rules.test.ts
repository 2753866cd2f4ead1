import { describe, expect, it } from "vitest";
import type { JourneyEdge, JourneyNode } from "@/lib/journey-core/definition";
import { JOURNEY_TEMPLATES } from "@/lib/journey-core/templates";
import {
  canAddNode,
  checkConnection,
  connectableTargets,
  unavailableNodeTypes,
} from "./connection-rules";
import { newNode } from "./new-node";
import { exitsForNode } from "./node-exits";

const nodes: JourneyNode[] = [
  newNode("trigger", "trigger"),
  newNode("wait", "wait-1"),
  newNode("branch", "branch-1"),
  newNode("send_email", "email-1"),
  newNode("delay", "delay-1"),
  newNode("exit", "exit-1"),
];
const edges: JourneyEdge[] = [
  { from: "trigger", to: "wait-1" },
  { from: "wait-1", to: "branch-1", exit: "did" },
];
const graph = { nodes, edges };
const reasonOf = (c: Parameters<typeof checkConnection>[1]) => {
  const result = checkConnection(graph, c);
  return result.ok ? "ok" : result.reason;
};

describe("checkConnection", () => {
  it("accepts a free exit to another node", () => {
    expect(reasonOf({ source: "wait-1", sourceHandle: "timeout", target: "email-1" })).toBe("ok");
    expect(reasonOf({ source: "branch-1", sourceHandle: "no", target: "exit-1" })).toBe("ok");
  });

  it("refuses an exit that is already connected (one edge per exit)", () => {
    expect(reasonOf({ source: "wait-1", sourceHandle: "did", target: "email-1" })).toMatch(
      /already connected/,
    );
    expect(reasonOf({ source: "trigger", sourceHandle: null, target: "email-1" })).toMatch(
      /already connected/,
    );
  });

  it("refuses edges into the trigger, self loops and unknown exits", () => {
    expect(reasonOf({ source: "email-1", target: "trigger" })).toMatch(/into the trigger/);
    expect(reasonOf({ source: "email-1", target: "email-1" })).toMatch(/itself/);
    expect(reasonOf({ source: "branch-1", sourceHandle: "maybe", target: "exit-1" })).toMatch(
      /no "maybe" exit/,
    );
    expect(reasonOf({ source: "exit-1", target: "email-1" })).toMatch(/no "next" exit/);
    expect(reasonOf({ source: "nope", target: "email-1" })).toMatch(/two nodes/);
  });

  it("refuses a loop without a delay or wait, as the engine's graph check does", () => {
    const loop = {
      nodes,
      edges: [...edges, { from: "branch-1", to: "email-1", exit: "yes" }],
    };
    const result = checkConnection(loop, { source: "email-1", target: "branch-1" });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/loop/) });
  });

  it("accepts a loop through a delay (a legitimate reminder loop)", () => {
    const loop = {
      nodes,
      edges: [
        ...edges,
        { from: "branch-1", to: "email-1", exit: "yes" },
        { from: "email-1", to: "delay-1" },
      ],
    };
    expect(checkConnection(loop, { source: "delay-1", target: "branch-1" })).toEqual({ ok: true });
  });
});

describe("canAddNode", () => {
  it("allows one trigger only", () => {
    expect(canAddNode("trigger", [])).toEqual({ ok: true });
    expect(canAddNode("trigger", nodes)).toMatchObject({ ok: false });
    expect(canAddNode("exit", nodes)).toEqual({ ok: true });
  });
});

describe("unavailableNodeTypes", () => {
  it("disables the trigger once the journey has one, with the reason", () => {
    expect(unavailableNodeTypes([])).toEqual(new Map());
    expect(unavailableNodeTypes(nodes)).toEqual(
      new Map([["trigger", "A journey has one trigger; this one already has it."]]),
    );
  });
});

describe("connectableTargets", () => {
  const loops = {
    nodes,
    edges: [
      ...edges,
      { from: "branch-1", to: "email-1", exit: "yes" },
      { from: "email-1", to: "delay-1" },
      { from: "branch-1", to: "exit-1", exit: "no" },
    ],
  };
  const graphs = [graph, loops, ...JOURNEY_TEMPLATES.map((t) => t.definition)];

  it("agrees with checkConnection for every exit and target", () => {
    for (const g of graphs) {
      for (const from of g.nodes) {
        for (const exit of exitsForNode(from)) {
          // The inspector lists targets for an exit after taking its current edge away.
          const others = {
            nodes: g.nodes,
            edges: g.edges.filter((e) => !(e.from === from.id && (e.exit ?? "next") === exit.id)),
          };
          const expected = g.nodes
            .filter(
              (to) =>
                checkConnection(others, { source: from.id, sourceHandle: exit.id, target: to.id })
                  .ok,
            )
            .map((to) => to.id);
          expect(connectableTargets(others, from.id, exit.id)).toEqual(expected);
        }
      }
    }
  });

  it("leaves out targets that close a loop without a wait", () => {
    const withLoop = { nodes, edges: [...edges, { from: "branch-1", to: "email-1", exit: "yes" }] };
    expect(connectableTargets(withLoop, "email-1", null)).not.toContain("branch-1");
    expect(connectableTargets(withLoop, "email-1", null)).toContain("delay-1");
  });
});
