// Definition → React Flow. Pure: the canvas is a view of the stored journey.

import type { JourneyEdge } from "@/lib/journey-core/definition";
import { DEFAULT_EXIT } from "@/lib/journey-core/journey-graph";
import type { DraftDefinition, JourneyFlowEdge, JourneyFlowNode } from "./flow-types";

/** Vertical spacing for nodes stored without a position (journeys written as code). */
export const FALLBACK_ROW_HEIGHT = 140;

/** Stable, unique edge ids; a repeated (from, exit, to) gets a suffix so none is lost. */
export function edgeId(
  edge: Pick<JourneyEdge, "from" | "to" | "exit">,
  seen?: Set<string>,
): string {
  const base = `${edge.from}:${edge.exit ?? DEFAULT_EXIT}->${edge.to}`;
  if (!seen) return base;
  let id = base;
  for (let n = 2; seen.has(id); n++) id = `${base}#${n}`;
  seen.add(id);
  return id;
}

export function toFlowEdge(edge: JourneyEdge, id = edgeId(edge)): JourneyFlowEdge {
  return {
    id,
    source: edge.from,
    sourceHandle: edge.exit ?? DEFAULT_EXIT,
    target: edge.to,
  };
}

export function toFlow(definition: DraftDefinition): {
  nodes: JourneyFlowNode[];
  edges: JourneyFlowEdge[];
} {
  const nodes = definition.nodes.map(
    (node, index): JourneyFlowNode => ({
      id: node.id,
      type: node.type,
      position: node.position ?? { x: 0, y: index * FALLBACK_ROW_HEIGHT },
      data: { node },
    }),
  );
  const seen = new Set<string>();
  const edges = definition.edges.map((edge) => toFlowEdge(edge, edgeId(edge, seen)));
  return { nodes, edges };
}

/** Whether no node has a stored position, so the editor should lay the graph out. */
export function needsLayout(definition: DraftDefinition): boolean {
  return definition.nodes.length > 1 && definition.nodes.every((node) => !node.position);
}
