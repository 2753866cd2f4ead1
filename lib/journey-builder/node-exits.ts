// The labelled outputs of each node type, as the canvas draws them. Which
// exits exist is the engine's rule (EXITS_BY_TYPE in journey-graph.ts); this
// only adds the words people see.

import type { JourneyNode } from "@/lib/journey-core/definition";
import { EXIT_NAMES } from "@/lib/journey-core/describe-step";
import { EXITS_BY_TYPE } from "@/lib/journey-core/journey-graph";

export interface NodeExit {
  /** The exit name stored on edges (`exit`) and used as the React Flow handle id. */
  id: string;
  /** Short text on the handle; empty for the single unnamed "next" exit. */
  label: string;
}

const EXIT_LABELS = EXIT_NAMES;

export function exitsForNode(node: JourneyNode): NodeExit[] {
  const exits = EXITS_BY_TYPE[node.type];
  if (exits !== "variant_keys") {
    return exits.map((id) => ({ id, label: EXIT_LABELS[id] ?? id }));
  }
  if (node.type !== "split" || !Array.isArray(node.variants)) return [];
  return node.variants.map((variant) => ({
    id: variant.key,
    label: `${variant.label || variant.key} · ${variant.weight}%`,
  }));
}

/** Whether a node type can be entered (everything but the trigger). */
export function hasEntry(node: Pick<JourneyNode, "type">): boolean {
  return node.type !== "trigger";
}
