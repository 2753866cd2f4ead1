// Readable English for a definition diff, one line per change, for the
// version history panel: "Added in-app message “Nudge”", "Changed wait
// “Step 3?” timeout from 1 day to 2 days", "Goal event changed from “A” to
// “B”". Long values (an email body, a condition list) are named, not quoted.

import {
  type Duration,
  describeDuration,
  type JourneyDefinition,
  type NodeType,
} from "./definition";
import type { DefinitionDiff, EdgeRef, FieldChange, NodeRef } from "./definition-diff-types";
import { stepName } from "./describe-step";

const NODE_TYPE_NAMES: Record<NodeType, string> = {
  trigger: "trigger",
  filter: "filter",
  delay: "delay",
  wait: "wait",
  branch: "branch",
  split: "split",
  send_email: "email",
  send_inapp: "in-app message",
  exit: "exit",
  send_webhook: "webhook",
  update_profile: "profile update",
};

const EXIT_NAMES: Record<string, string> = {
  yes: "yes",
  no: "no",
  did: "did it",
  timeout: "timed out",
};

/** Node fields by path; other paths are spelled out from their last segment. */
const NODE_FIELD_NAMES: Record<string, string> = {
  "trigger.kind": "trigger kind",
  "trigger.event": "trigger event",
  "trigger.where": "trigger conditions",
  "trigger.firstTimeOnly": "first-time-only setting",
  "trigger.inactiveFor": "inactivity period",
  "trigger.conditions": "trait conditions",
  where: "event conditions",
  "delay.kind": "delay kind",
  "delay.duration": "delay",
  "delay.time": "time of day",
  "delay.weekdays": "weekdays",
  "content.ctaLabel": "button label",
  "content.ctaUrl": "button URL",
  "content.imageUrl": "image URL",
  "content.bodyFormat": "body format",
  "content.pathPattern": "page path",
  "content.expiresInHours": "expiry in hours",
  "content.kind": "message kind",
};

const SETTING_NAMES: Record<string, string> = {
  goal: "Goal",
  "goal.event": "Goal event",
  "goal.where": "Goal conditions",
  "goal.within": "Goal window",
  reentry: "Re-entry",
  "reentry.mode": "Re-entry",
  "reentry.cooldown": "Re-entry cooldown",
  holdoutPercent: "Holdout",
  messageLimit: "Message limit",
};

const MAX_QUOTED = 60;

type DiffParts = Omit<DefinitionDiff, "summary">;

export function describeDefinitionDiff(
  diff: DiffParts,
  definitions: { before: JourneyDefinition; after: JourneyDefinition },
): string[] {
  const lines: string[] = [];
  for (const node of diff.nodes.added) lines.push(`Added ${nodeName(node)}`);
  for (const node of diff.nodes.removed) lines.push(`Removed ${nodeName(node)}`);
  for (const node of diff.nodes.changed) {
    for (const field of node.fields) lines.push(describeNodeField(node, field));
  }
  const refs = new Map<string, NodeRef>();
  for (const n of [...definitions.before.nodes, ...definitions.after.nodes]) {
    refs.set(n.id, { id: n.id, type: n.type, label: n.label?.trim() || stepName(n) });
  }
  for (const edge of diff.edges.added) lines.push(`Connected ${describeEdge(edge, refs, "to")}`);
  for (const edge of diff.edges.removed) {
    lines.push(`Disconnected ${describeEdge(edge, refs, "from")}`);
  }
  for (const field of diff.settings) lines.push(describeSetting(field));
  return lines;
}

function nodeName(node: NodeRef): string {
  const type = NODE_TYPE_NAMES[node.type];
  // A described step ("Wait for Report Created", "Email “Tips”") already says its kind.
  if (node.label.toLowerCase().startsWith(type.split(" ")[0])) return node.label;
  return `${type} “${node.label}”`;
}

function describeEdge(edge: EdgeRef, refs: Map<string, NodeRef>, joiner: string): string {
  const name = (id: string) => {
    const ref = refs.get(id);
    return ref ? nodeName(ref) : "a removed step";
  };
  const exit = edge.exit === "next" ? "" : ` (${EXIT_NAMES[edge.exit] ?? edge.exit})`;
  return `${name(edge.from)}${exit} ${joiner} ${name(edge.to)}`;
}

function describeNodeField(node: NodeRef, field: FieldChange): string {
  const subject = nodeName(node);
  if (field.path === "label") {
    const before = typeof field.before === "string" && field.before.trim() ? field.before : null;
    const after = typeof field.after === "string" && field.after.trim() ? field.after : null;
    if (!before) return `Named ${NODE_TYPE_NAMES[node.type]} “${after}”`;
    if (!after) return `Removed the name “${before}” of a ${NODE_TYPE_NAMES[node.type]}`;
    return `Renamed ${NODE_TYPE_NAMES[node.type]} “${before}” to “${after}”`;
  }
  const name = NODE_FIELD_NAMES[field.path] ?? spellOut(field.path.split(".").at(-1) ?? "");
  const before = showValue(field.before);
  const after = showValue(field.after);
  if (field.after === undefined) return `Removed the ${name} of ${subject}`;
  if (field.before === undefined) {
    return after ? `Set ${subject} ${name} to ${after}` : `Set ${subject} ${name}`;
  }
  if (before && after) return `Changed ${subject} ${name} from ${before} to ${after}`;
  return `Changed ${subject} ${name}`;
}

function describeSetting(field: FieldChange): string {
  const name = SETTING_NAMES[field.path] ?? capitalise(spellOut(field.path));
  const show = (value: unknown) =>
    field.path === "holdoutPercent" && typeof value === "number" ? `${value}%` : showValue(value);
  const before = show(field.before);
  const after = show(field.after);
  if (field.after === undefined) return `${name} removed`;
  if (field.before === undefined) return after ? `${name} set to ${after}` : `${name} set`;
  if (before && after) return `${name} changed from ${before} to ${after}`;
  return `${name} changed`;
}

/** A short readable value, or null when it is too long to quote. */
function showValue(value: unknown): string | null {
  if (value === undefined || value === null) return "none";
  if (typeof value === "string") {
    return value.length <= MAX_QUOTED && !value.includes("\n") ? `“${value}”` : null;
  }
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "on" : "off";
  if (isDuration(value)) return describeDuration(value as Duration);
  if (Array.isArray(value)) {
    if (value.length === 0) return "none";
    if (value.every((v) => typeof v === "string" || typeof v === "number")) {
      const joined = value.join(", ");
      return joined.length <= MAX_QUOTED ? joined : null;
    }
    if (value.every(isVariant)) return value.map((v) => `${v.key} ${v.weight}%`).join(", ");
    const noun = value.every(isCondition) ? "condition" : "item";
    return `${value.length} ${noun}${value.length === 1 ? "" : "s"}`;
  }
  if (typeof value === "object" && typeof (value as { event?: unknown }).event === "string") {
    return `“${(value as { event: string }).event}”`;
  }
  if (typeof value === "object" && typeof (value as { mode?: unknown }).mode === "string") {
    return `“${(value as { mode: string }).mode}”`;
  }
  return null;
}

/** A duration is compared and shown as one value ("2 days"), not amount and unit. */
export function isDuration(value: unknown): value is { amount: number; unit: string } {
  return (
    isRecord(value) &&
    Object.keys(value).length === 2 &&
    typeof value.amount === "number" &&
    typeof value.unit === "string"
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isVariant(value: unknown): value is { key: string; weight: number } {
  return isRecord(value) && typeof value.key === "string" && typeof value.weight === "number";
}

function isCondition(value: unknown): boolean {
  return isRecord(value) && ("kind" in value || "all" in value || "any" in value);
}

/** `expiresInHours` → "expires in hours". */
function spellOut(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
