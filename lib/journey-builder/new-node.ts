// What a node dropped from the palette starts as. Defaults are chosen to be
// valid where a sensible value exists (a 1-day delay, a 50/50 split, starter
// copy); an event name has no sensible default, so it starts empty and the
// node shows the validation issue until it is picked.

import { assertNever } from "@/lib/journey-core/assert-never";
import type { JourneyNode, NodeType } from "@/lib/journey-core/definition";

export interface PaletteItem {
  type: NodeType;
  label: string;
  description: string;
}

export const PALETTE: readonly PaletteItem[] = [
  { type: "trigger", label: "Trigger", description: "Who enters, and when" },
  { type: "filter", label: "Filter", description: "Continue only if a condition holds" },
  { type: "branch", label: "Branch", description: "Yes / no on a condition" },
  { type: "delay", label: "Delay", description: "Wait a while, or until a local time" },
  { type: "wait", label: "Wait for event", description: "Did it, or timed out" },
  { type: "split", label: "A/B split", description: "Random split by weight" },
  { type: "send_email", label: "Send email", description: "An email with Liquid copy" },
  { type: "send_inapp", label: "Send in-app", description: "Card, banner, modal or tooltip" },
  { type: "exit", label: "Exit", description: "The run ends here" },
  { type: "send_webhook", label: "Webhook", description: "Call any system over HTTP" },
  {
    type: "update_profile",
    label: "Update profile",
    description: "Set, increase or remove traits",
  },
];

export const NODE_TYPE_LABEL: Record<NodeType, string> = Object.fromEntries(
  PALETTE.map((item) => [item.type, item.label]),
) as Record<NodeType, string>;

const ID_PREFIX: Record<NodeType, string> = {
  trigger: "trigger",
  filter: "filter",
  branch: "branch",
  delay: "delay",
  wait: "wait",
  split: "split",
  send_email: "email",
  send_inapp: "inapp",
  exit: "exit",
  send_webhook: "webhook",
  update_profile: "profile",
};

/** A readable id not in `taken`: "wait-1", "wait-2", … (the trigger is just "trigger" when free). */
export function newNodeId(type: NodeType, taken: ReadonlySet<string>): string {
  const prefix = ID_PREFIX[type];
  if (type === "trigger" && !taken.has(prefix)) return prefix;
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.has(id)) return id;
  }
}

const STARTER_BODY = 'Hi {{ profile.traits.name | default: "there" }},\n\n';

export function newNode(type: NodeType, id: string, position = { x: 0, y: 0 }): JourneyNode {
  const base = { id, position };
  switch (type) {
    case "trigger":
      return { ...base, type, trigger: { kind: "event", event: "" } };
    case "filter":
    case "branch":
      return {
        ...base,
        type,
        condition: { all: [{ kind: "trait", path: "", operator: "exists" }] },
      };
    case "delay":
      return { ...base, type, delay: { kind: "duration", duration: { amount: 1, unit: "days" } } };
    case "wait":
      return { ...base, type, event: "", timeout: { amount: 1, unit: "days" } };
    case "split":
      return {
        ...base,
        type,
        variants: [
          { key: "a", weight: 50 },
          { key: "b", weight: 50 },
        ],
      };
    case "send_email":
      return {
        ...base,
        type,
        content: {
          subject: "A message for you",
          preheader: "",
          body: STARTER_BODY,
          bodyFormat: "markdown",
          transactional: false,
        },
      };
    case "send_inapp":
      return { ...base, type, content: { kind: "card", title: "A message for you", body: "" } };
    case "exit":
      return { ...base, type };
    case "send_webhook":
      return {
        ...base,
        type,
        method: "POST",
        url: "https://",
        headers: [],
        body: '{"user": "{{ profile.id }}", "email": "{{ profile.email }}"}',
      };
    case "update_profile":
      return { ...base, type, operations: [{ op: "set", trait: "", value: true }] };
    default:
      return assertNever(type);
  }
}
