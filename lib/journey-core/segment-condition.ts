// A segment is a saved condition in the journey filters' own language
// (definition.ts, evaluated by evaluate-condition.ts): traits, has / hasn't
// done X (ever or within a window), done X at least N times within a window,
// first seen within, AND/OR groups. This file adds only what membership needs
// on top: which conditions a segment may hold, what it reads (so the shell
// re-evaluates it only for events and identifies that can change it), and
// when it could next change with no event at all (a window running out).

import type { z } from "zod";
import { assertNever } from "./assert-never";
import { type CountQuery, conditionCountKey, countKey, countQueryFor } from "./count-queries";
import type { ConditionItem } from "./definition";
import { conditionGroupSchema, durationToMs } from "./definition";
import { type ConditionResult, evaluateCondition } from "./evaluate-condition";
import type { EventCounts, ProfileFacts } from "./facts";

/**
 * A segment's condition: a condition group without event-property conditions
 * (a segment has no trigger event; use "has done X where …") and without
 * segment conditions (a segment does not depend on another segment).
 */
export const segmentConditionSchema = conditionGroupSchema.superRefine((group, ctx) => {
  const walk = (item: ConditionItem, path: (string | number)[]): void => {
    if ("all" in item || "any" in item) {
      const key = "all" in item ? "all" : "any";
      const children = "all" in item ? item.all : item.any;
      children.forEach((child, i) => {
        walk(child, [...path, key, i]);
      });
      return;
    }
    if (item.kind === "property") {
      const message =
        'A segment has no trigger event: use "has done an event" with property conditions';
      ctx.addIssue({ code: "custom", path: [...path, "kind"], message });
    }
    if (item.kind === "in_segment") {
      const message = "A segment cannot depend on another segment";
      ctx.addIssue({ code: "custom", path: [...path, "kind"], message });
    }
  };
  walk(group, []);
});
export type SegmentCondition = z.infer<typeof segmentConditionSchema>;

export interface SegmentReads {
  /** Tracked event names whose arrival can change membership. */
  eventNames: string[];
  /** Whether an identify (a trait change) can change membership. */
  readsTraits: boolean;
  /** The trait paths the condition reads ("plan", "utm.source"), sorted. */
  traitPaths: string[];
  /** The counts the condition reads (keyed by countKey). */
  counts: CountQuery[];
}

export function segmentReads(condition: ConditionItem): SegmentReads {
  const names = new Set<string>();
  const counts = new Map<string, CountQuery>();
  const traitPaths = new Set<string>();
  const walk = (item: ConditionItem): void => {
    if ("all" in item || "any" in item) {
      for (const child of "all" in item ? item.all : item.any) walk(child);
      return;
    }
    switch (item.kind) {
      case "trait":
        traitPaths.add(item.path);
        return;
      case "has_done":
      case "done_count": {
        names.add(item.event);
        const query = countQueryFor(item);
        counts.set(countKey(query), query);
        return;
      }
      case "first_seen_within":
      case "property":
      case "in_segment":
        return;
      default:
        assertNever(item);
    }
  };
  walk(condition);
  return {
    eventNames: [...names].sort(),
    readsTraits: traitPaths.size > 0,
    traitPaths: [...traitPaths].sort(),
    counts: [...counts.values()],
  };
}

/**
 * Whether an identify that writes these top-level trait keys can change what
 * the condition reads. A trait path reads a key written as a whole: the path
 * itself ("utm.source" as one key) or any dotted prefix of it ("utm"), as
 * readPath resolves it; an identify replaces each key it sends (profile-merge.ts).
 */
export function readsTraitKeys(reads: SegmentReads, keys: Iterable<string>): boolean {
  for (const key of keys) {
    for (const path of reads.traitPaths) {
      if (path === key || path.startsWith(`${key}.`)) return true;
    }
  }
  return false;
}

/** Membership of one profile at `now`, with the first failing condition when out. */
export function evaluateSegment(
  condition: ConditionItem,
  profile: ProfileFacts,
  counts: EventCounts,
  now: Date,
): ConditionResult {
  return evaluateCondition(condition, { event: null, profile, now, counts });
}

/**
 * The earliest instant after `now` at which the condition's verdict could
 * change without any new event: the oldest counted event of a window leaving
 * it, or "first seen within" running out. `oldestInWindow` is, per countKey,
 * the timestamp of the oldest counted event inside its window at `now` (null:
 * none). Checking then and finding nothing changed is harmless: the shell
 * simply asks again. Null when only an event or identify can change it.
 */
export function nextSegmentCheckAt(
  condition: ConditionItem,
  profile: ProfileFacts,
  oldestInWindow: Readonly<Record<string, Date | null>>,
  now: Date,
  /** The verdict at `now`: when given, null also when time alone cannot turn it. */
  verdict?: { member: boolean; counts: EventCounts },
): Date | null {
  if (verdict && !timeCanTurn(condition, profile, now, verdict)) return null;
  let next: number | null = null;
  const consider = (at: number) => {
    if (at > now.getTime() && (next === null || at < next)) next = at;
  };
  const walk = (item: ConditionItem): void => {
    if ("all" in item || "any" in item) {
      for (const child of "all" in item ? item.all : item.any) walk(child);
      return;
    }
    if (item.kind === "first_seen_within") {
      // Within while age <= window: out one millisecond after.
      consider(profile.firstSeenAt.getTime() + durationToMs(item.within) + 1);
      return;
    }
    if ((item.kind === "has_done" || item.kind === "done_count") && item.within) {
      const oldest = oldestInWindow[conditionCountKey(item)];
      // An event at e is counted in (t − w, t] until t = e + w.
      if (oldest) consider(oldest.getTime() + durationToMs(item.within));
    }
  };
  walk(condition);
  return next === null ? null : new Date(next);
}

/**
 * Which way time alone can move a condition: a window running out only
 * lowers its count ("has done X within", "at least N times within" fall;
 * "has not done X within" rises), and age only takes a profile out of
 * "first seen within" (or into its negation). Traits and "ever" do not move.
 */
function drift(item: Exclude<ConditionItem, { all: unknown } | { any: unknown }>) {
  switch (item.kind) {
    case "first_seen_within":
      return item.negate ? "rise" : "fall";
    case "has_done":
      if (!item.within) return null;
      return item.negate ? "rise" : "fall";
    case "done_count":
      return "fall";
    case "trait":
    case "property":
    case "in_segment":
      return null;
    default:
      return assertNever(item);
  }
}

/**
 * Whether time alone could turn the verdict: the condition evaluated with
 * every condition time can move against the verdict moved all the way (a
 * non-member's rising ones true, a member's falling ones false) comes out
 * the other way. AND/OR are monotone, so if even that keeps the verdict, no
 * window running out can change it: most non-members of an "at least N
 * times within" segment need no check at all, only a new event does.
 */
function timeCanTurn(
  condition: ConditionItem,
  profile: ProfileFacts,
  now: Date,
  verdict: { member: boolean; counts: EventCounts },
): boolean {
  const { member, counts } = verdict;
  const value = (item: ConditionItem): boolean => {
    if ("all" in item) return item.all.every(value);
    if ("any" in item) return item.any.some(value);
    const moves = drift(item);
    if (!member && moves === "rise") return true;
    if (member && moves === "fall") return false;
    return evaluateCondition(item, { event: null, profile, now, counts }).pass;
  };
  return value(condition) !== member;
}
