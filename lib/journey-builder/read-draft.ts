// A stored draft is any JSON object (the API accepts work in progress), so
// the builder reads it leniently: known nodes are kept, missing settings get
// their defaults, and nodes the builder cannot draw are reported rather than
// silently dropped (the editor then refuses to save over them).

import type {
  JourneyEdge,
  JourneyNode,
  JourneySettings,
  NodeType,
} from "@/lib/journey-core/definition";
import { EXITS_BY_TYPE } from "@/lib/journey-core/journey-graph";
import type { DraftDefinition } from "./flow-types";
import { newNode } from "./new-node";

export const DEFAULT_SETTINGS: JourneySettings = { reentry: { mode: "once" }, holdoutPercent: 0 };

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function isNodeType(type: unknown): type is NodeType {
  return typeof type === "string" && Object.hasOwn(EXITS_BY_TYPE, type);
}

export interface ReadDraftResult {
  definition: DraftDefinition;
  /** Entries of `nodes` or `edges` the builder cannot show (no id, unknown type, no ends). */
  unreadable: number;
}

export function readDraft(raw: unknown): ReadDraftResult {
  const doc = asRecord(raw) ?? {};
  const rawNodes = Array.isArray(doc.nodes) ? doc.nodes : [];
  let unreadable = 0;
  const nodes: JourneyNode[] = [];
  for (const value of rawNodes) {
    const node = asRecord(value);
    if (!node || typeof node.id !== "string" || !isNodeType(node.type)) {
      unreadable++;
      continue;
    }
    // Top-level config a form needs is filled from the type's defaults; the
    // values themselves are kept as they are, valid or not, for the validator.
    const defaults = newNode(node.type, node.id);
    const { position: _p, ...rest } = defaults;
    nodes.push({ ...rest, ...node } as JourneyNode);
  }
  const edges: JourneyEdge[] = (Array.isArray(doc.edges) ? doc.edges : []).flatMap((value) => {
    const edge = asRecord(value);
    if (!edge || typeof edge.from !== "string" || typeof edge.to !== "string") {
      unreadable++;
      return [];
    }
    const exit = typeof edge.exit === "string" ? { exit: edge.exit } : {};
    return [{ from: edge.from, to: edge.to, ...exit }];
  });
  const settings = { ...DEFAULT_SETTINGS, ...(asRecord(doc.settings) ?? {}) } as JourneySettings;
  return { definition: { version: 1, nodes, edges, settings }, unreadable };
}
