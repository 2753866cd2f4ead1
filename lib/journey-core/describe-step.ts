// How a marketer refers to a step: by its label, or by what it does ("Wait
// for Report Created"), never by its node id. Validation sentences and the
// builder's step lists use it. Drafts may be half filled in, so everything
// here reads the raw document leniently.

import { DEFAULT_EXIT } from "./journey-graph";
import { describeTraitOperations } from "./update-profile-step";

type RawRecord = Record<string, unknown>;

function asRecord(value: unknown): RawRecord | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as RawRecord)
    : null;
}

function filled(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

const UNIT_WORDS: Record<string, string> = {
  minutes: "minute",
  hours: "hour",
  days: "day",
  weeks: "week",
};

function durationWords(value: unknown): string | null {
  const duration = asRecord(value);
  const amount = duration?.amount;
  const unit = typeof duration?.unit === "string" ? UNIT_WORDS[duration.unit] : undefined;
  if (typeof amount !== "number" || !unit) return null;
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}

/** What a step does, in a few words, when it has no label; null when not enough is filled in. */
function describeRawStep(node: RawRecord): string | null {
  switch (node.type) {
    case "trigger": {
      const trigger = asRecord(node.trigger);
      const event = filled(trigger?.event);
      if (trigger?.kind === "event" && event) return `When ${event} happens`;
      if (trigger?.kind === "inactivity") {
        const quiet = durationWords(trigger.inactiveFor);
        return quiet ? `No ${event ?? "activity"} for ${quiet}` : null;
      }
      return null;
    }
    case "wait": {
      const event = filled(node.event);
      return event ? `Wait for ${event}` : null;
    }
    case "delay": {
      const delay = asRecord(node.delay);
      if (delay?.kind === "until_time" && filled(delay.time)) return `Wait until ${delay.time}`;
      const length = durationWords(delay?.duration);
      return length ? `Wait ${length}` : null;
    }
    case "send_email": {
      const subject = filled(asRecord(node.content)?.subject);
      return subject ? `Email “${subject}”` : null;
    }
    case "send_inapp": {
      const title = filled(asRecord(node.content)?.title);
      return title ? `In-app message “${title}”` : null;
    }
    case "send_webhook": {
      const url = filled(node.url);
      if (!url) return null;
      let host = url;
      try {
        host = new URL(url).host || url;
      } catch {}
      return `Webhook to ${host}`;
    }
    case "update_profile": {
      const ops = Array.isArray(node.operations) ? node.operations : [];
      const said = describeTraitOperations(ops);
      return said ? `Update profile: ${said}` : null;
    }
    default:
      return null;
  }
}

/** The type's own name, for a step with nothing else to go by. */
const TYPE_NOUN: Record<string, string> = {
  trigger: "trigger",
  filter: "filter",
  delay: "delay",
  wait: "wait for an event",
  branch: "yes/no branch",
  split: "A/B split",
  send_email: "email",
  send_inapp: "in-app message",
  exit: "exit",
  send_webhook: "webhook",
  update_profile: "profile update",
};

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"];

/**
 * The step's name as a marketer reads it, without quotes: its label, what it
 * does ("Wait for Report Created"), or its kind ("yes/no branch"). `all` is
 * the document's node list, to tell apart two unnamed steps of one kind.
 */
export function stepName(rawNode: unknown, all: readonly unknown[] = []): string {
  const node = asRecord(rawNode);
  if (!node) return "a step";
  const label = filled(node.label);
  if (label) return label;
  const described = describeRawStep(node);
  if (described) return described;
  const type = typeof node.type === "string" ? node.type : "";
  const noun = TYPE_NOUN[type] ?? "step";
  const sameKind = all.filter((other) => {
    const record = asRecord(other);
    return record?.type === type && !filled(record.label) && !describeRawStep(record);
  });
  const position = sameKind.indexOf(rawNode);
  if (sameKind.length > 1 && position >= 0) {
    return `${ORDINALS[position] ?? `#${position + 1}`} ${noun}`;
  }
  return noun;
}

/**
 * The step as it appears inside a sentence: a name in quotes ('Welcome'),
 * or "the yes/no branch" for a step known only by its kind.
 */
export function stepRef(rawNode: unknown, all: readonly unknown[] = []): string {
  const node = asRecord(rawNode);
  if (!node) return "a step";
  const named = filled(node.label) ?? describeRawStep(node);
  return named ? `'${named}'` : `the ${stepName(rawNode, all)}`;
}

/** Words for a node's exits, as the canvas labels its handles. */
export const EXIT_NAMES: Record<string, string> = {
  [DEFAULT_EXIT]: "",
  yes: "Yes",
  no: "No",
  did: "Did it",
  timeout: "Timed out",
  succeeded: "Succeeded",
  failed: "Failed",
};

/** An exit's name: the canvas label, or a split variant's label or key. */
export function exitName(rawNode: unknown, exit: string): string {
  if (Object.hasOwn(EXIT_NAMES, exit)) return EXIT_NAMES[exit];
  const variants = asRecord(rawNode)?.variants;
  if (Array.isArray(variants)) {
    const variant = variants.map(asRecord).find((v) => v?.key === exit);
    const label = filled(variant?.label);
    if (label) return label;
    return `Variant ${exit}`;
  }
  return exit;
}

/** Upper-cases the first letter, for a step reference that starts a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
