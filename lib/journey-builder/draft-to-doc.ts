// A stored draft as the editor opens it: read leniently, converted to the
// flow view, and laid out when no node has a position (journeys written as
// code through the API usually have none).

import { autoLayout } from "./auto-layout";
import type { FlowDoc, JourneyFlowNode } from "./flow-types";
import { readDraft } from "./read-draft";
import { needsLayout, toFlow } from "./to-flow";

export function draftToDoc(raw: unknown): { doc: FlowDoc; unreadable: number } {
  const { definition, unreadable } = readDraft(raw);
  const { nodes, edges } = toFlow(definition);
  if (!needsLayout(definition))
    return { doc: { nodes, edges, settings: definition.settings }, unreadable };
  const positions = autoLayout(
    definition.nodes.map((node) => ({ node })),
    definition.edges,
  );
  const placed = nodes.map(
    (node): JourneyFlowNode => ({ ...node, position: positions.get(node.id) ?? node.position }),
  );
  return { doc: { nodes: placed, edges, settings: definition.settings }, unreadable };
}
