// A filter's conditions one by one, each with its actual and expected value.
// The verdict of every condition is the core's `evaluateCondition`; this file
// only reads the value that was compared, so a passing condition shows it too.

import { assertNever } from "@/lib/journey-core/assert-never";
import { conditionCountKey } from "@/lib/journey-core/count-queries";
import type { Condition, ConditionItem } from "@/lib/journey-core/definition";
import {
  type ConditionContext,
  describeCondition,
  evaluateCondition,
  readPath,
} from "@/lib/journey-core/evaluate-condition";
import { OPERATORS } from "@/lib/journey-core/operators";
import type { ConditionCheck } from "./explain-types";

function expectedOf(condition: Condition): unknown {
  switch (condition.kind) {
    case "property":
    case "trait":
      return condition.value ?? OPERATORS[condition.operator].label;
    case "first_seen_within":
      return describeCondition(condition);
    case "has_done":
      return condition.negate ? "0" : "at least 1";
    case "done_count":
      return `at least ${condition.atLeast}`;
    case "in_segment":
      return condition.negate ? "not in the segment" : "in the segment";
    default:
      return assertNever(condition);
  }
}

function actualOf(condition: Condition, ctx: ConditionContext): unknown {
  switch (condition.kind) {
    case "property":
      return readPath(ctx.event?.properties, condition.path) ?? null;
    case "trait":
      return readPath(ctx.profile.traits, condition.path) ?? null;
    case "first_seen_within":
      return ctx.profile.firstSeenAt.toISOString();
    case "has_done":
    case "done_count":
      return ctx.counts[conditionCountKey(condition)] ?? null;
    case "in_segment": {
      const ids = ctx.profile.segmentIds;
      if (!ids) return "segment membership not loaded";
      return ids.includes(condition.segmentId) ? "in the segment" : "not in the segment";
    }
    default:
      return assertNever(condition);
  }
}

function describeItem(item: ConditionItem): string {
  if ("all" in item) return `all of (${item.all.map(describeItem).join("; ")})`;
  if ("any" in item) return `any of (${item.any.map(describeItem).join("; ")})`;
  return describeCondition(item);
}

/**
 * The top-level conditions of a filter group, in order. A nested group is
 * one line: its first failure when it fails.
 */
export function explainConditions(group: ConditionItem, ctx: ConditionContext): ConditionCheck[] {
  const items = "all" in group ? group.all : "any" in group ? group.any : [group];
  return items.map((item) => {
    const result = evaluateCondition(item, ctx);
    if ("all" in item || "any" in item) {
      const failure = result.failures[0];
      return {
        condition: describeItem(item),
        passed: result.pass,
        expected: failure?.expected ?? null,
        actual: failure?.actual ?? null,
      };
    }
    return {
      condition: describeCondition(item),
      passed: result.pass,
      expected: expectedOf(item),
      actual: result.failures[0]?.actual ?? actualOf(item, ctx),
    };
  });
}
