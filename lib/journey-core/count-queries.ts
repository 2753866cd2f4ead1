// Counting conditions ("has done X in 7 days", "did X 3 times", "first time")
// need event history. The core cannot query, so a definition declares the
// counts it will read (`requiredCounts`), the shell loads each one for the
// profile at `now`, and passes them in keyed by `countKey`. A count the shell
// did not load makes its condition fail closed (see evaluate-condition.ts).

import { assertNever } from "./assert-never";
import type {
  ConditionItem,
  EventTrigger,
  JourneyDefinition,
  PropertyCondition,
} from "./definition";
import { durationToMs } from "./definition";

export interface CountQuery {
  event: string;
  /** AND of property conditions on the counted events. */
  where: PropertyCondition[];
  /** Count events with timestamp in (now − withinMs, now]; null = ever, up to now. */
  withinMs: number | null;
  /** Instead count events strictly before the trigger event (for "first time only"). */
  beforeTrigger: boolean;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

// Keys are memoized per object: a definition's queries and conditions are
// never mutated, and a segment's computation asks for the same few keys a
// million times.
const queryKeys = new WeakMap<CountQuery, string>();
const conditionKeys = new WeakMap<CountingCondition, string>();

export function countKey(query: CountQuery): string {
  let key = queryKeys.get(query);
  if (key === undefined) {
    key = canonicalJson([query.event, query.withinMs, query.beforeTrigger, query.where]);
    queryKeys.set(query, key);
  }
  return key;
}

type CountingCondition = Extract<ConditionItem, { kind: "has_done" | "done_count" }>;

/** countKey(countQueryFor(condition)), computed once per condition object. */
export function conditionCountKey(condition: CountingCondition): string {
  let key = conditionKeys.get(condition);
  if (key === undefined) {
    key = countKey(countQueryFor(condition));
    conditionKeys.set(condition, key);
  }
  return key;
}

export function countQueryFor(condition: CountingCondition): CountQuery {
  return {
    event: condition.event,
    where: condition.where ?? [],
    withinMs: condition.within ? durationToMs(condition.within) : null,
    beforeTrigger: false,
  };
}

export function firstTimeQuery(trigger: EventTrigger): CountQuery {
  return { event: trigger.event, where: trigger.where ?? [], withinMs: null, beforeTrigger: true };
}

function collectFromItem(item: ConditionItem, out: CountQuery[]): void {
  if ("all" in item || "any" in item) {
    for (const child of "all" in item ? item.all : item.any) collectFromItem(child, out);
    return;
  }
  switch (item.kind) {
    case "has_done":
    case "done_count":
      out.push(countQueryFor(item));
      return;
    case "property":
    case "trait":
    case "first_seen_within":
    case "in_segment":
      return;
    default:
      assertNever(item);
  }
}

/** Every count the definition's trigger, filters and branches can read, deduplicated. */
export function requiredCounts(definition: JourneyDefinition): CountQuery[] {
  const queries: CountQuery[] = [];
  for (const node of definition.nodes) {
    if (node.type === "trigger" && node.trigger.kind === "event" && node.trigger.firstTimeOnly) {
      queries.push(firstTimeQuery(node.trigger));
    }
    if (node.type === "filter" || node.type === "branch") collectFromItem(node.condition, queries);
  }
  const byKey = new Map(queries.map((query) => [countKey(query), query]));
  return [...byKey.values()];
}
