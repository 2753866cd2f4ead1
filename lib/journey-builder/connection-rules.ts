// Which connections the canvas accepts while they are drawn. The graph rules
// are the engine's (check-journey-graph.ts): a candidate edge is accepted
// only if it adds none of the wiring problems that would block publishing.
// Two rules are the editor's own: no self loops (never useful on a canvas),
// and a journey has one trigger, so the palette cannot add a second.

import { checkJourneyGraph, type JourneyIssue } from "@/lib/journey-core/check-journey-graph";
import type { JourneyEdge, JourneyNode, NodeType } from "@/lib/journey-core/definition";
import { BLOCKING_TYPES, DEFAULT_EXIT } from "@/lib/journey-core/journey-graph";
import { PALETTE } from "./new-node";
import { exitsForNode } from "./node-exits";

export type RuleCheck = { ok: true } | { ok: false; reason: string };

export interface CandidateConnection {
  source: string;
  /** The exit; null means the default "next". */
  sourceHandle?: string | null;
  target: string;
}

interface Graph {
  nodes: readonly JourneyNode[];
  edges: readonly JourneyEdge[];
}

/** Graph problems the new edge would introduce (the engine's codes). */
const WIRING_CODES = new Set(["edge_into_trigger", "duplicate_exit", "cycle_without_wait"]);

function wiringIssues(graph: Graph): JourneyIssue[] {
  // Only ids, types and split keys matter to the graph check; content is skipped.
  return checkJourneyGraph({ nodes: graph.nodes, edges: graph.edges }).filter((issue) =>
    WIRING_CODES.has(issue.code),
  );
}

export function checkConnection(graph: Graph, candidate: CandidateConnection): RuleCheck {
  const exit = candidate.sourceHandle ?? DEFAULT_EXIT;
  const from = graph.nodes.find((node) => node.id === candidate.source);
  const to = graph.nodes.find((node) => node.id === candidate.target);
  if (!from || !to) return { ok: false, reason: "Connect two nodes of this journey." };
  if (from.id === to.id) return { ok: false, reason: "A node cannot lead to itself." };
  if (to.type === "trigger") {
    return { ok: false, reason: "Nothing may lead back into the trigger." };
  }
  if (!exitsForNode(from).some((e) => e.id === exit)) {
    return { ok: false, reason: `This step has no "${exit}" exit.` };
  }
  if (graph.edges.some((e) => e.from === from.id && (e.exit ?? DEFAULT_EXIT) === exit)) {
    return {
      ok: false,
      reason: "That exit is already connected. Delete its connection first.",
    };
  }
  const before = new Set(wiringIssues(graph).map((issue) => issue.message));
  const edge: JourneyEdge = {
    from: from.id,
    to: to.id,
    ...(exit === DEFAULT_EXIT ? {} : { exit }),
  };
  const added = wiringIssues({ nodes: graph.nodes, edges: [...graph.edges, edge] }).find(
    (issue) => !before.has(issue.message),
  );
  if (added?.code === "cycle_without_wait") {
    return {
      ok: false,
      reason: "That would make a loop with no delay or wait in it, which could repeat forever.",
    };
  }
  if (added) return { ok: false, reason: added.humanMessage };
  return { ok: true };
}

/** The palette's rule: a journey has exactly one entry trigger. */
export function canAddNode(type: NodeType, nodes: readonly Pick<JourneyNode, "type">[]): RuleCheck {
  if (type === "trigger" && nodes.some((node) => node.type === "trigger")) {
    return { ok: false, reason: "A journey has one trigger; this one already has it." };
  }
  return { ok: true };
}

/** The palette's types that cannot be added to these nodes now, each with the reason. */
export function unavailableNodeTypes(
  nodes: readonly Pick<JourneyNode, "type">[],
): Map<NodeType, string> {
  const map = new Map<NodeType, string>();
  for (const item of PALETTE) {
    const check = canAddNode(item.type, nodes);
    if (!check.ok) map.set(item.type, check.reason);
  }
  return map;
}

/**
 * Every node the exit could be connected to, for the inspector's "Leads to"
 * list: the same answers as checkConnection for each target (a test holds
 * them together), in one pass instead of a graph check per target. A new edge
 * source → target closes a loop with no delay or wait exactly when neither
 * end blocks and target already reaches source through non-blocking nodes.
 */
export function connectableTargets(
  graph: Graph,
  source: string,
  sourceHandle: string | null | undefined,
): string[] {
  const exit = sourceHandle ?? DEFAULT_EXIT;
  const from = graph.nodes.find((node) => node.id === source);
  if (!from || !exitsForNode(from).some((e) => e.id === exit)) return [];
  if (graph.edges.some((e) => e.from === source && (e.exit ?? DEFAULT_EXIT) === exit)) return [];
  const typeOf = new Map(graph.nodes.map((node) => [node.id, node.type]));
  const blocks = (id: string) => {
    const type = typeOf.get(id);
    return type !== undefined && BLOCKING_TYPES.has(type);
  };
  // Nodes that reach `source` along non-blocking nodes (walking edges backwards).
  const reachesSource = new Set<string>();
  if (!blocks(source)) {
    const incoming = new Map<string, string[]>();
    for (const edge of graph.edges) {
      if (!typeOf.has(edge.from) || !typeOf.has(edge.to)) continue;
      incoming.set(edge.to, [...(incoming.get(edge.to) ?? []), edge.from]);
    }
    const queue = [source];
    reachesSource.add(source);
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      for (const prev of incoming.get(id) ?? []) {
        if (reachesSource.has(prev) || blocks(prev)) continue;
        reachesSource.add(prev);
        queue.push(prev);
      }
    }
  }
  return graph.nodes
    .filter(
      (to) =>
        to.id !== source && to.type !== "trigger" && !(reachesSource.has(to.id) && !blocks(to.id)),
    )
    .map((to) => to.id);
}
