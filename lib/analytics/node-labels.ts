// Names for node ids in analytics tables: the label (or type) a node had in
// the chosen version, else in the newest version or the draft that has it.
// Definitions are read loosely: a draft may be incomplete.

import { stepName } from "@/lib/journey-core/describe-step";

export interface NodeLabel {
  type: string;
  label: string;
}

export function nodeLabels(definitions: readonly unknown[]): Record<string, NodeLabel> {
  const labels: Record<string, NodeLabel> = {};
  for (const definition of definitions) {
    const nodes = (definition as { nodes?: unknown } | null)?.nodes;
    if (!Array.isArray(nodes)) continue;
    for (const node of nodes) {
      const { id, type, label } = (node ?? {}) as Record<string, unknown>;
      if (typeof id !== "string" || id in labels) continue;
      const kind = typeof type === "string" ? type : "node";
      // Never the node id: a marketer knows a step by its label or what it does.
      labels[id] = {
        type: kind,
        label: typeof label === "string" && label ? label : stepName(node, nodes),
      };
    }
  }
  return labels;
}
