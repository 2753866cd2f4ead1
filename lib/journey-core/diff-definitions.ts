// What changed between two journey definitions, for version history: nodes
// added, removed or changed (field by field), edges added or removed, and
// settings changed, plus readable summary lines (describe-definition-diff.ts).
//
// Nodes are matched by id, edges by (from, to, exit). Canvas positions are
// layout, not behaviour, so moving a node is not a change. A node whose type
// changed under the same id is reported as removed and added: its fields
// cannot be compared. Field paths stop at durations ({ amount, unit }) and at
// arrays, so "timeout" changes from 1 day to 2 days rather than
// "timeout.amount" from 1 to 2, and a condition list changes as a whole.

import type { JourneyDefinition, JourneyNode } from "./definition";
import type { DefinitionDiff, EdgeRef, FieldChange, NodeRef } from "./definition-diff-types";
import { describeDefinitionDiff, isDuration } from "./describe-definition-diff";
import { stepName } from "./describe-step";

export type { DefinitionDiff, EdgeRef, FieldChange, NodeRef } from "./definition-diff-types";

/** Fields that never count as a change. */
const IGNORED_NODE_FIELDS = new Set(["id", "type", "position"]);

export function diffDefinitions(
  before: JourneyDefinition,
  after: JourneyDefinition,
): DefinitionDiff {
  const beforeNodes = new Map(before.nodes.map((node) => [node.id, node]));
  const afterNodes = new Map(after.nodes.map((node) => [node.id, node]));
  const sameType = (node: JourneyNode, other: JourneyNode | undefined) =>
    other !== undefined && other.type === node.type;

  const added = after.nodes.filter((n) => !sameType(n, beforeNodes.get(n.id))).map(nodeRef);
  const removed = before.nodes.filter((n) => !sameType(n, afterNodes.get(n.id))).map(nodeRef);
  const changed: DefinitionDiff["nodes"]["changed"] = [];
  for (const node of after.nodes) {
    const previous = beforeNodes.get(node.id);
    if (!previous || previous.type !== node.type) continue;
    const fields = diffFields(previous, node, "", IGNORED_NODE_FIELDS);
    if (fields.length > 0) changed.push({ ...nodeRef(node), fields });
  }

  const beforeEdges = new Map(before.edges.map((e) => [edgeKey(e), edgeRef(e)]));
  const afterEdges = new Map(after.edges.map((e) => [edgeKey(e), edgeRef(e)]));
  const edges = {
    added: [...afterEdges].filter(([key]) => !beforeEdges.has(key)).map(([, edge]) => edge),
    removed: [...beforeEdges].filter(([key]) => !afterEdges.has(key)).map(([, edge]) => edge),
  };

  const settings = diffFields(before.settings, after.settings, "", new Set());
  const diff = { nodes: { added, removed, changed }, edges, settings };
  return { ...diff, summary: describeDefinitionDiff(diff, { before, after }) };
}

export function isEmptyDiff(diff: DefinitionDiff): boolean {
  const { nodes, edges, settings } = diff;
  return (
    nodes.added.length + nodes.removed.length + nodes.changed.length === 0 &&
    edges.added.length + edges.removed.length + settings.length === 0
  );
}

export function nodeRef(node: JourneyNode): NodeRef {
  // Never the id: an unlabelled step is named by what it does ("Wait for Report Created").
  return { id: node.id, type: node.type, label: node.label?.trim() || stepName(node) };
}

function edgeRef(edge: { from: string; to: string; exit?: string }): EdgeRef {
  return { from: edge.from, to: edge.to, exit: edge.exit ?? "next" };
}

function edgeKey(edge: { from: string; to: string; exit?: string }): string {
  return JSON.stringify([edge.from, edge.exit ?? "next", edge.to]);
}

type Json = unknown;

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Leaf-by-leaf differences of two JSON objects; arrays and durations are leaves. */
function diffFields(
  before: Json,
  after: Json,
  prefix: string,
  ignored: ReadonlySet<string>,
): FieldChange[] {
  const descend =
    isPlainObject(before) && isPlainObject(after) && !isDuration(before) && !isDuration(after);
  if (!descend) {
    return isDeepEqual(before, after) ? [] : [{ path: prefix, before, after }];
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((key) => !(prefix === "" && ignored.has(key)))
    .flatMap((key) =>
      diffFields(before[key], after[key], prefix ? `${prefix}.${key}` : key, ignored),
    );
}

/** JSON equality, ignoring key order; a missing key equals an undefined one. */
export function isDeepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => isDeepEqual(item, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!isDeepEqual(a[key], b[key])) return false;
  return true;
}
