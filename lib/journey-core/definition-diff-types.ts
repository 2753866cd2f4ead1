import type { NodeType } from "./definition";

// The shape of a diff between two journey definitions (diff-definitions.ts
// computes it, describe-definition-diff.ts words it).

export interface NodeRef {
  id: string;
  type: NodeType;
  /** The node's label, or its id when it has none. */
  label: string;
}

export interface FieldChange {
  /** Dotted path inside the node or the settings: `content.title`, `goal.event`. */
  path: string;
  before: unknown;
  after: unknown;
}

export interface EdgeRef {
  from: string;
  to: string;
  /** "next" when the stored edge names no exit. */
  exit: string;
}

export interface DefinitionDiff {
  nodes: {
    added: NodeRef[];
    removed: NodeRef[];
    changed: (NodeRef & { fields: FieldChange[] })[];
  };
  edges: { added: EdgeRef[]; removed: EdgeRef[] };
  settings: FieldChange[];
  summary: string[];
}
