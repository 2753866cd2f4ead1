// Event names a journey listens for that the workspace has never received:
// usually a typo ("Sig") or an event the app does not send yet. Allowed (a
// journey may be built before the tracking ships) but flagged, on the step
// and in the publish check, as a warning that never blocks publishing.

import type { JourneyIssue } from "./check-journey-graph";
import { stepRef } from "./describe-step";

export const UNSEEN_EVENT = "unseen_event";

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function filled(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

interface EventUse {
  nodeId: string | null;
  field: string;
  event: string;
}

/** Event names inside a condition group (has_done, done_count), with their paths. */
function conditionEvents(item: unknown, path: string, out: Omit<EventUse, "nodeId">[]): void {
  const record = asRecord(item);
  if (!record) return;
  for (const key of ["all", "any"] as const) {
    const list = record[key];
    if (!Array.isArray(list)) continue;
    list.forEach((child, i) => {
      conditionEvents(child, `${path}.${key}[${i}]`, out);
    });
  }
  const event = filled(record.event);
  if (event && (record.kind === "has_done" || record.kind === "done_count")) {
    out.push({ field: `${path}.event`, event });
  }
}

function eventUses(input: unknown): EventUse[] {
  const doc = asRecord(input);
  const uses: EventUse[] = [];
  for (const raw of Array.isArray(doc?.nodes) ? doc.nodes : []) {
    const node = asRecord(raw);
    if (!node || typeof node.id !== "string") continue;
    const nodeId = node.id;
    const found: Omit<EventUse, "nodeId">[] = [];
    if (node.type === "trigger") {
      const event = filled(asRecord(node.trigger)?.event);
      if (event) found.push({ field: "trigger.event", event });
    }
    if (node.type === "wait") {
      const event = filled(node.event);
      if (event) found.push({ field: "event", event });
    }
    if (node.type === "filter" || node.type === "branch") {
      conditionEvents(node.condition, "condition", found);
    }
    uses.push(...found.map((use) => ({ ...use, nodeId })));
  }
  const goal = filled(asRecord(asRecord(doc?.settings)?.goal)?.event);
  if (goal) uses.push({ nodeId: null, field: "settings.goal.event", event: goal });
  return uses;
}

/** The short flag a step shows: "No 'Sig' events yet". */
export function unseenEventFlag(event: string): string {
  return `No '${event}' events yet`;
}

export interface UnseenEventWarning extends JourneyIssue {
  /** The event name never received. */
  event: string;
}

/**
 * One warning per event name in `input` that `seen` (the workspace's event
 * catalog) does not contain.
 */
export function unseenEventWarnings(
  input: unknown,
  seen: ReadonlySet<string>,
): UnseenEventWarning[] {
  const nodes = asRecord(input)?.nodes;
  const all = Array.isArray(nodes) ? nodes : [];
  return eventUses(input)
    .filter((use) => !seen.has(use.event))
    .map((use) => {
      const node = use.nodeId ? all.find((n) => asRecord(n)?.id === use.nodeId) : null;
      const where = node ? stepRef(node, all) : "the journey's goal";
      return {
        nodeId: use.nodeId,
        field: use.field,
        code: UNSEEN_EVENT,
        event: use.event,
        message: `${use.nodeId ? `Node "${use.nodeId}" ${use.field}` : use.field}: no "${use.event}" event has been received in this workspace`,
        humanMessage: `${unseenEventFlag(use.event)}: check the spelling in ${where}. It works once your app sends '${use.event}'.`,
      };
    });
}
