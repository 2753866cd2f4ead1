// The one-line summary a node shows on the canvas ("When Signed Up",
// "Wait for Report Created, up to 1 day"). Drafts may be half filled in, so
// every reader here tolerates missing or wrong-typed fields.

import { assertNever } from "@/lib/journey-core/assert-never";
import type { ConditionItem, Duration, JourneyNode } from "@/lib/journey-core/definition";
import { describeDuration } from "@/lib/journey-core/definition";
import { describeCondition } from "@/lib/journey-core/evaluate-condition";
import { describeTraitOperations } from "@/lib/journey-core/update-profile-step";

function duration(value: Duration | undefined): string {
  return value && typeof value.amount === "number" ? describeDuration(value) : "…";
}

function text(value: unknown, fallback = "…"): string {
  return typeof value === "string" && value.trim() !== "" ? value : fallback;
}

export function describeConditionGroup(item: ConditionItem | undefined): string {
  if (!item || typeof item !== "object") return "No condition yet";
  try {
    if ("all" in item || "any" in item) {
      const list = "all" in item ? item.all : item.any;
      if (!Array.isArray(list) || list.length === 0) return "No condition yet";
      const joined = list.map((child) => describeConditionGroup(child));
      return joined.length === 1 ? joined[0] : joined.join("all" in item ? " and " : " or ");
    }
    return describeCondition(item);
  } catch {
    return "Incomplete condition";
  }
}

export function describeNode(node: JourneyNode): string {
  switch (node.type) {
    case "trigger": {
      const trigger = node.trigger;
      if (!trigger) return "Choose a trigger";
      if (trigger.kind === "event") {
        return `When ${text(trigger.event, "an event")} happens${trigger.firstTimeOnly ? " (first time)" : ""}`;
      }
      if (trigger.kind === "inactivity") {
        return `No ${trigger.event ? text(trigger.event) : "activity"} for ${duration(trigger.inactiveFor)}`;
      }
      if (trigger.kind === "trait_change") {
        const list = Array.isArray(trigger.conditions) ? trigger.conditions : [];
        return `When ${list.length ? list.map((c) => describeConditionGroup(c)).join(" and ") : "traits change"}`;
      }
      return "Choose a trigger";
    }
    case "filter":
      return `Only if ${describeConditionGroup(node.condition)}`;
    case "branch":
      return `Yes if ${describeConditionGroup(node.condition)}`;
    case "delay": {
      const delay = node.delay;
      if (delay?.kind === "until_time") {
        const days = delay.weekdays?.length ? ` on ${delay.weekdays.join(", ")}` : "";
        return `Until ${text(delay.time)} their time${days}`;
      }
      return `Wait ${duration(delay?.duration)}`;
    }
    case "wait":
      return `Wait for ${text(node.event, "an event")}, up to ${duration(node.timeout)}`;
    case "split": {
      const variants = Array.isArray(node.variants) ? node.variants : [];
      const total = variants.reduce((sum, v) => sum + (Number(v.weight) || 0), 0);
      return `${variants.length} variants · ${total}%`;
    }
    case "send_email":
      return text(node.content?.subject, "No subject yet");
    case "send_inapp":
      return `${text(node.content?.kind, "card")}: ${text(node.content?.title, "no title yet")}`;
    case "exit":
      return "The run ends";
    case "send_webhook":
      return `${text(node.method, "POST")} ${text(node.url, "no URL yet")}`;
    case "update_profile":
      return (
        describeTraitOperations(Array.isArray(node.operations) ? node.operations : []) ??
        "No trait changes yet"
      );
    default:
      return assertNever(node);
  }
}
