// React Flow → definition. Pure: what the editor saves is always rebuilt from
// the canvas this way, so nothing React Flow adds (selection, measured size,
// z-index) ever reaches the stored journey.

import type { JourneyEdge, JourneyNode, JourneySettings } from "@/lib/journey-core/definition";
import { DEFAULT_EXIT } from "@/lib/journey-core/journey-graph";
import type { DraftDefinition, JourneyFlowEdge, JourneyFlowNode } from "./flow-types";

export function fromFlowNode(flowNode: JourneyFlowNode): JourneyNode {
  const { x, y } = flowNode.position;
  return { ...flowNode.data.node, position: { x: Math.round(x), y: Math.round(y) } };
}

export function fromFlowEdge(edge: JourneyFlowEdge): JourneyEdge {
  const exit = edge.sourceHandle ?? DEFAULT_EXIT;
  return exit === DEFAULT_EXIT
    ? { from: edge.source, to: edge.target }
    : { from: edge.source, to: edge.target, exit };
}

export function fromFlow(
  nodes: readonly JourneyFlowNode[],
  edges: readonly JourneyFlowEdge[],
  settings: JourneySettings,
): DraftDefinition {
  return {
    version: 1,
    nodes: nodes.map(fromFlowNode),
    edges: edges.map(fromFlowEdge),
    settings,
  };
}
