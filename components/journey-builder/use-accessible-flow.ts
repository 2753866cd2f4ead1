"use client";

import { useMemo } from "react";
import { edgeAccessibleName, nodeAccessibleName } from "@/lib/journey-builder/accessible-names";
import type { JourneyFlowEdge, JourneyFlowNode } from "@/lib/journey-builder/flow-types";

// The names are derived per render, but each flow node or edge keeps its
// identity until its own name changes: React Flow (and the memoised node
// view) then redraws only what changed, as without names.
const namedNodes = new WeakMap<JourneyFlowNode, JourneyFlowNode>();
const namedEdges = new WeakMap<JourneyFlowEdge, JourneyFlowEdge>();

function nameNode(node: JourneyFlowNode): JourneyFlowNode {
  const cached = namedNodes.get(node);
  if (cached) return cached;
  const named = { ...node, ariaLabel: nodeAccessibleName(node.data.node) };
  namedNodes.set(node, named);
  return named;
}

function nameEdge(edge: JourneyFlowEdge, byId: Map<string, JourneyFlowNode>): JourneyFlowEdge {
  const ariaLabel = edgeAccessibleName(
    byId.get(edge.source)?.data.node,
    edge.sourceHandle,
    byId.get(edge.target)?.data.node,
  );
  const cached = namedEdges.get(edge);
  if (cached?.ariaLabel === ariaLabel) return cached;
  const named = { ...edge, ariaLabel };
  namedEdges.set(edge, named);
  return named;
}

/** The canvas's nodes and edges with the names a screen reader announces. */
export function useAccessibleFlow(
  nodes: JourneyFlowNode[] | undefined,
  edges: JourneyFlowEdge[] | undefined,
): { nodes: JourneyFlowNode[] | undefined; edges: JourneyFlowEdge[] | undefined } {
  const named = useMemo(() => nodes?.map(nameNode), [nodes]);
  const namedEdgeList = useMemo(() => {
    if (!edges) return undefined;
    const byId = new Map((nodes ?? []).map((n) => [n.id, n]));
    return edges.map((edge) => nameEdge(edge, byId));
  }, [nodes, edges]);
  return { nodes: named, edges: namedEdgeList };
}
