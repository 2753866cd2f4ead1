// Graph lookups over a parsed definition, shared by validation and the engine.

import type { JourneyDefinition, JourneyNode, NodeOfType, NodeType } from "./definition";

export const DEFAULT_EXIT = "next";

/** Each node type's outputs; a split's are its variant keys. Every one must be wired to publish. */
export const EXITS_BY_TYPE: Record<NodeType, readonly string[] | "variant_keys"> = {
  trigger: [DEFAULT_EXIT],
  filter: [DEFAULT_EXIT],
  delay: [DEFAULT_EXIT],
  send_email: [DEFAULT_EXIT],
  send_inapp: [DEFAULT_EXIT],
  branch: ["yes", "no"],
  wait: ["did", "timeout"],
  split: "variant_keys",
  exit: [],
  send_webhook: ["succeeded", "failed"],
  update_profile: [DEFAULT_EXIT],
};

/** Node types where a run stops for time to pass; a cycle must contain one. */
export const BLOCKING_TYPES: ReadonlySet<NodeType> = new Set(["delay", "wait"]);

export function exitsOf(node: JourneyNode): string[] {
  const exits = EXITS_BY_TYPE[node.type];
  if (exits !== "variant_keys") return [...exits];
  return node.type === "split" ? node.variants.map((variant) => variant.key) : [];
}

export interface JourneyIndex {
  trigger: NodeOfType<"trigger"> | null;
  nodes: ReadonlyMap<string, JourneyNode>;
  /** Target node id for (from node, exit). */
  next(fromId: string, exit: string): string | null;
}

const cache = new WeakMap<JourneyDefinition, JourneyIndex>();

/** Memoized per definition object; definitions are treated as immutable (published versions are). */
export function indexJourney(definition: JourneyDefinition): JourneyIndex {
  const cached = cache.get(definition);
  if (cached) return cached;
  const nodes = new Map(definition.nodes.map((node) => [node.id, node]));
  const targets = new Map<string, string>();
  for (const edge of definition.edges) {
    const key = `${edge.from}\u0000${edge.exit ?? DEFAULT_EXIT}`;
    if (!targets.has(key)) targets.set(key, edge.to);
  }
  const trigger = definition.nodes.find(
    (node): node is NodeOfType<"trigger"> => node.type === "trigger",
  );
  const index: JourneyIndex = {
    trigger: trigger ?? null,
    nodes,
    next: (fromId, exit) => targets.get(`${fromId}\u0000${exit}`) ?? null,
  };
  cache.set(definition, index);
  return index;
}
