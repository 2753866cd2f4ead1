// Evaluates filter and branch conditions against the facts the shell loaded.
// Besides pass/fail it says *why*: the first failing condition, what it
// expected and the actual value. That record is what the run trace stores and
// what answers "why didn't this user get it".
//
// Unknown facts fail closed: a counting condition whose count was not loaded
// fails (even "has not done"), because sending on a guess is worse than not
// sending. The failure names the missing count so the bug is visible.

import { assertNever } from "./assert-never";
import { conditionCountKey } from "./count-queries";
import type { Condition, ConditionItem, PropertyCondition, TraitCondition } from "./definition";
import { describeDuration, durationToMs } from "./definition";
import type { EventCounts, JourneyEvent, ProfileFacts } from "./facts";
import { applyOperator, OPERATORS } from "./operators";

export interface ConditionContext {
  /** The event the condition is about: the trigger event in filters and branches. */
  event?: JourneyEvent | null;
  profile: ProfileFacts;
  now: Date;
  counts: EventCounts;
}

export interface ConditionFailure {
  condition: string;
  expected: unknown;
  actual: unknown;
}

export interface ConditionResult {
  pass: boolean;
  failures: ConditionFailure[];
}

const PASS: ConditionResult = { pass: true, failures: [] };

/**
 * Reads `a.b.0.c` from nested JSON. A key that itself contains dots
 * ("utm.source" as one trait) wins over the nested reading.
 */
export function readPath(source: unknown, path: string): unknown {
  if (source === null || typeof source !== "object") return undefined;
  const record = source as Record<string, unknown>;
  if (Object.hasOwn(record, path)) return record[path];
  const dot = path.indexOf(".");
  if (dot === -1) return undefined;
  const head = path.slice(0, dot);
  return Object.hasOwn(record, head) ? readPath(record[head], path.slice(dot + 1)) : undefined;
}

function describeOperand(condition: Extract<Condition, { kind: "property" | "trait" }>): string {
  const spec = OPERATORS[condition.operator];
  const subject = `${condition.kind === "trait" ? "trait" : "event property"} "${condition.path}"`;
  return spec.takesValue === "none"
    ? `${subject} ${spec.label}`
    : `${subject} ${spec.label} ${JSON.stringify(condition.value)}`;
}

function describeWhere(where: PropertyCondition[] | undefined): string {
  if (!where || where.length === 0) return "";
  return ` where ${where.map((c) => describeOperand(c).replace("event property ", "")).join(" and ")}`;
}

/** A one-line English description, used in traces and the builder's summaries. */
export function describeCondition(condition: Condition): string {
  switch (condition.kind) {
    case "property":
    case "trait":
      return describeOperand(condition);
    case "first_seen_within":
      return condition.negate
        ? `first seen more than ${describeDuration(condition.within)} ago`
        : `first seen within the last ${describeDuration(condition.within)}`;
    case "has_done": {
      const verb = condition.negate ? "has not done" : "has done";
      const window = condition.within ? ` within ${describeDuration(condition.within)}` : "";
      return `${verb} "${condition.event}"${describeWhere(condition.where)}${window}`;
    }
    case "done_count":
      return `did "${condition.event}"${describeWhere(condition.where)} at least ${condition.atLeast} times within ${describeDuration(condition.within)}`;
    case "in_segment":
      return `${condition.negate ? "is not" : "is"} in segment "${condition.segmentId}"`;
    default:
      return assertNever(condition);
  }
}

function fail(condition: Condition, expected: unknown, actual: unknown): ConditionResult {
  return { pass: false, failures: [{ condition: describeCondition(condition), expected, actual }] };
}

function evaluateOperand(
  condition: Extract<Condition, { kind: "property" | "trait" }>,
  source: unknown,
): ConditionResult {
  const actual = readPath(source, condition.path);
  return applyOperator(condition.operator, actual, condition.value)
    ? PASS
    : fail(condition, condition.value ?? OPERATORS[condition.operator].label, actual ?? null);
}

function evaluateLeaf(condition: Condition, ctx: ConditionContext): ConditionResult {
  switch (condition.kind) {
    case "property":
      return evaluateOperand(condition, ctx.event?.properties);
    case "trait":
      return evaluateOperand(condition, ctx.profile.traits);
    case "first_seen_within": {
      const age = ctx.now.getTime() - ctx.profile.firstSeenAt.getTime();
      const within = age <= durationToMs(condition.within);
      return within !== Boolean(condition.negate)
        ? PASS
        : fail(condition, describeCondition(condition), ctx.profile.firstSeenAt.toISOString());
    }
    case "has_done":
    case "done_count": {
      const key = conditionCountKey(condition);
      const count = ctx.counts[key];
      const expected =
        condition.kind === "done_count"
          ? `at least ${condition.atLeast}`
          : condition.negate
            ? "0"
            : "at least 1";
      if (count === undefined) return fail(condition, expected, `count not loaded (${key})`);
      const pass =
        condition.kind === "done_count"
          ? count >= condition.atLeast
          : count > 0 !== Boolean(condition.negate);
      return pass ? PASS : fail(condition, expected, count);
    }
    case "in_segment": {
      const expected = condition.negate ? "not in the segment" : "in the segment";
      const ids = ctx.profile.segmentIds;
      if (!ids) return fail(condition, expected, "segment membership not loaded");
      const member = ids.includes(condition.segmentId);
      const actual = member ? "in the segment" : "not in the segment";
      return member !== Boolean(condition.negate) ? PASS : fail(condition, expected, actual);
    }
    default:
      return assertNever(condition);
  }
}

/** AND/OR groups; on failure reports the first failing condition, depth first. */
export function evaluateCondition(item: ConditionItem, ctx: ConditionContext): ConditionResult {
  if ("all" in item) {
    for (const child of item.all) {
      const result = evaluateCondition(child, ctx);
      if (!result.pass) return result;
    }
    return PASS;
  }
  if ("any" in item) {
    let first: ConditionResult | null = null;
    for (const child of item.any) {
      const result = evaluateCondition(child, ctx);
      if (result.pass) return PASS;
      first ??= result;
    }
    return (
      first ?? {
        pass: false,
        failures: [{ condition: "any of (none)", expected: "a condition", actual: null }],
      }
    );
  }
  return evaluateLeaf(item, ctx);
}

/**
 * Whether `source` satisfies every operator condition: an event matcher's
 * `where` against event properties, or trait conditions against traits.
 */
export function matchesWhere(
  conditions: ReadonlyArray<PropertyCondition | TraitCondition> | undefined,
  source: Record<string, unknown>,
): ConditionResult {
  for (const condition of conditions ?? []) {
    const result = evaluateOperand(condition, source);
    if (!result.pass) return result;
  }
  return PASS;
}
