// Copy, paste and duplicate. Pasted nodes get fresh readable ids, keep the
// edges that ran between copied nodes, and land offset from the originals.
// A copied trigger is left out when the journey already has one.

import type { JourneyEdge, JourneyNode } from "@/lib/journey-core/definition";
import { newNodeId } from "./new-node";

export interface ClipboardData {
  nodes: JourneyNode[];
  /** Only edges whose both ends were copied. */
  edges: JourneyEdge[];
}

export const PASTE_OFFSET = { x: 40, y: 40 };

export function copyNodes(
  graph: { nodes: readonly JourneyNode[]; edges: readonly JourneyEdge[] },
  ids: ReadonlySet<string>,
): ClipboardData {
  const nodes = graph.nodes.filter((node) => ids.has(node.id));
  const edges = graph.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
  // A deep copy: later edits to the journey must not change what was copied.
  return structuredClone({ nodes, edges });
}

export function pasteNodes(
  clip: ClipboardData,
  existing: readonly JourneyNode[],
  offset = PASTE_OFFSET,
): ClipboardData {
  const taken = new Set(existing.map((node) => node.id));
  const hasTrigger = existing.some((node) => node.type === "trigger");
  const renamed = new Map<string, string>();
  const nodes: JourneyNode[] = [];
  for (const node of clip.nodes) {
    if (node.type === "trigger" && hasTrigger) continue;
    const id = newNodeId(node.type, taken);
    taken.add(id);
    renamed.set(node.id, id);
    const { x, y } = node.position ?? { x: 0, y: 0 };
    nodes.push({ ...structuredClone(node), id, position: { x: x + offset.x, y: y + offset.y } });
  }
  const edges = clip.edges.flatMap((edge) => {
    const from = renamed.get(edge.from);
    const to = renamed.get(edge.to);
    return from && to ? [{ ...edge, from, to }] : [];
  });
  return { nodes, edges };
}

export function duplicateNodes(
  graph: { nodes: readonly JourneyNode[]; edges: readonly JourneyEdge[] },
  ids: ReadonlySet<string>,
): ClipboardData {
  return pasteNodes(copyNodes(graph, ids), graph.nodes);
}
