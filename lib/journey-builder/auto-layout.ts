// Top-to-bottom layout with dagre. Edges are added grouped by node so that
// exits come out left to right in their declared order (yes before no, did
// before timeout); dagre's crossing minimisation may still swap siblings
// when that saves crossings.

import dagre from "@dagrejs/dagre";
import type { JourneyEdge, JourneyNode } from "@/lib/journey-core/definition";
import { DEFAULT_EXIT } from "@/lib/journey-core/journey-graph";
import { exitsForNode } from "./node-exits";

export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 96;

export interface LayoutNode {
  node: JourneyNode;
  /** Measured size on the canvas, when known. */
  width?: number;
  height?: number;
}

/** Top-left positions (React Flow's convention) for every node, keyed by id. */
export function autoLayout(
  nodes: readonly LayoutNode[],
  edges: readonly JourneyEdge[],
): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "TB", nodesep: 48, ranksep: 72, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set<string>();
  for (const { node, width, height } of nodes) {
    ids.add(node.id);
    graph.setNode(node.id, { width: width ?? NODE_WIDTH, height: height ?? NODE_HEIGHT });
  }
  const exitOrder = new Map(
    nodes.map(({ node }) => [node.id, exitsForNode(node).map((exit) => exit.id)]),
  );
  // Group each node's edges together; dagre orders siblings by insertion.
  const firstSeen = new Map<string, number>();
  edges.forEach((edge, index) => {
    if (!firstSeen.has(edge.from)) firstSeen.set(edge.from, index);
  });
  const rank = (edge: JourneyEdge) => [
    firstSeen.get(edge.from) ?? 0,
    (exitOrder.get(edge.from) ?? []).indexOf(edge.exit ?? DEFAULT_EXIT),
  ];
  const sorted = [...edges].sort((a, b) => {
    const [fa, ea] = rank(a);
    const [fb, eb] = rank(b);
    // Reversed: dagre's ordering places a node's later-added children to the left.
    return fa - fb || eb - ea;
  });
  sorted.forEach((edge, index) => {
    if (ids.has(edge.from) && ids.has(edge.to)) graph.setEdge(edge.from, edge.to, {}, `e${index}`);
  });
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const { node, width, height } of nodes) {
    const placed = graph.node(node.id);
    const w = width ?? NODE_WIDTH;
    const h = height ?? NODE_HEIGHT;
    positions.set(node.id, { x: Math.round(placed.x - w / 2), y: Math.round(placed.y - h / 2) });
  }
  return positions;
}
