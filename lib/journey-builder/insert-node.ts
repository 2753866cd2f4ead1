// "Click to insert after the selected node": where the new node goes and how
// it is wired. The selected node's first unconnected exit leads to it; when
// every exit is taken and the node has a single one, the new node is spliced
// into that connection and everything below moves down to make room.

import type { JourneyEdge, JourneyNode, NodeType } from "@/lib/journey-core/definition";
import { DEFAULT_EXIT } from "@/lib/journey-core/journey-graph";
import { NODE_HEIGHT, NODE_WIDTH } from "./auto-layout";
import { newNode, newNodeId } from "./new-node";
import { exitsForNode, hasEntry } from "./node-exits";

export const ROW_GAP = NODE_HEIGHT + 72;
const COLUMN_GAP = NODE_WIDTH + 48;

interface Graph {
  nodes: JourneyNode[];
  edges: JourneyEdge[];
}

export interface InsertResult extends Graph {
  inserted: JourneyNode;
}

const exitOf = (edge: JourneyEdge) => edge.exit ?? DEFAULT_EXIT;

function below(graph: Graph): { x: number; y: number } {
  if (graph.nodes.length === 0) return { x: 0, y: 0 };
  const lowest = graph.nodes.reduce((a, b) =>
    (a.position?.y ?? 0) >= (b.position?.y ?? 0) ? a : b,
  );
  return { x: lowest.position?.x ?? 0, y: (lowest.position?.y ?? 0) + ROW_GAP };
}

/** Ids reachable from `start` (inclusive) along edges. */
function downstream(graph: Graph, start: string): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const edge of graph.edges) {
      if (edge.from === id && !seen.has(edge.to)) {
        seen.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return seen;
}

export function insertNode(
  graph: Graph,
  type: NodeType,
  options: { afterId?: string | null; position?: { x: number; y: number } } = {},
): InsertResult {
  const id = newNodeId(type, new Set(graph.nodes.map((node) => node.id)));
  const after = options.afterId ? graph.nodes.find((node) => node.id === options.afterId) : null;
  const fresh = newNode(type, id, options.position ?? below(graph));
  if (!after || !hasEntry(fresh)) {
    return { nodes: [...graph.nodes, fresh], edges: graph.edges, inserted: fresh };
  }
  const origin = after.position ?? { x: 0, y: 0 };
  const exits = exitsForNode(after);
  const wired = new Set(graph.edges.filter((e) => e.from === after.id).map(exitOf));
  const freeIndex = exits.findIndex((exit) => !wired.has(exit.id));
  if (freeIndex >= 0) {
    const exit = exits[freeIndex].id;
    const spread = (freeIndex - (exits.length - 1) / 2) * COLUMN_GAP;
    const inserted = options.position
      ? fresh
      : { ...fresh, position: { x: origin.x + spread, y: origin.y + ROW_GAP } };
    const edge: JourneyEdge =
      exit === DEFAULT_EXIT ? { from: after.id, to: id } : { from: after.id, to: id, exit };
    return { nodes: [...graph.nodes, inserted], edges: [...graph.edges, edge], inserted };
  }
  const onlyExit = exits.length === 1 ? exits[0].id : null;
  const outgoing = onlyExit
    ? graph.edges.find((e) => e.from === after.id && exitOf(e) === onlyExit)
    : undefined;
  const freshExits = exitsForNode(fresh);
  if (!onlyExit || !outgoing || freshExits.length === 0) {
    return { nodes: [...graph.nodes, fresh], edges: graph.edges, inserted: fresh };
  }
  // Splice: after → fresh → (what after led to); push that part of the graph
  // down, and under the new node's first exit when it has several.
  const moved = downstream(graph, outgoing.to);
  moved.delete(after.id);
  const dx = ((0 - (freshExits.length - 1) / 2) * COLUMN_GAP) | 0;
  const nodes = graph.nodes.map((node) =>
    moved.has(node.id) && node.position
      ? { ...node, position: { x: node.position.x + dx, y: node.position.y + ROW_GAP } }
      : node,
  );
  const inserted = { ...fresh, position: { x: origin.x, y: origin.y + ROW_GAP } };
  const firstExit = freshExits[0].id;
  const onward: JourneyEdge =
    firstExit === DEFAULT_EXIT
      ? { from: id, to: outgoing.to }
      : { from: id, to: outgoing.to, exit: firstExit };
  const edges = graph.edges.map((e) => (e === outgoing ? { ...e, to: id } : e));
  return { nodes: [...nodes, inserted], edges: [...edges, onward], inserted };
}
