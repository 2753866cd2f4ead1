// Pure entry checks: does this event / trait change / silence start a run,
// and does the journey's re-entry policy let this profile in again.

import { assertNever } from "./assert-never";
import { countKey, firstTimeQuery } from "./count-queries";
import type {
  EventTrigger,
  InactivityTrigger,
  ReentryPolicy,
  SegmentTrigger,
  TraitChangeTrigger,
} from "./definition";
import { describeDuration, durationToMs } from "./definition";
import { type ConditionFailure, matchesWhere } from "./evaluate-condition";
import type { EventCounts, JourneyEvent } from "./facts";

export type TriggerMatch =
  | { match: true; reason: string }
  | { match: false; reason: string; failures?: ConditionFailure[] };

export function matchEventTrigger(
  trigger: EventTrigger,
  event: JourneyEvent,
  counts: EventCounts,
): TriggerMatch {
  if (event.name !== trigger.event) {
    return { match: false, reason: `Event "${event.name}" is not "${trigger.event}"` };
  }
  const where = matchesWhere(trigger.where, event.properties);
  if (!where.pass) {
    return {
      match: false,
      reason: `"${trigger.event}" did not match its conditions`,
      failures: where.failures,
    };
  }
  if (trigger.firstTimeOnly) {
    const key = countKey(firstTimeQuery(trigger));
    const earlier = counts[key];
    if (earlier === undefined) {
      return { match: false, reason: `First-time check needs count ${key}, which was not loaded` };
    }
    if (earlier > 0) {
      return { match: false, reason: `Not the first "${trigger.event}" (${earlier} earlier)` };
    }
  }
  return {
    match: true,
    reason: `"${trigger.event}" matched${trigger.firstTimeOnly ? " for the first time" : ""}`,
  };
}

/** What the engine records on every segment entry and exit (lib/segments/). */
export const SEGMENT_ENTERED_EVENT = "Segment Entered";
export const SEGMENT_EXITED_EVENT = "Segment Exited";

export function segmentTransitionEvent(on: SegmentTrigger["on"]): string {
  return on === "entry" ? SEGMENT_ENTERED_EVENT : SEGMENT_EXITED_EVENT;
}

/**
 * A segment trigger fires on the event its segment recorded for the
 * transition, so each entry (or exit) fires it once, in live traffic and in
 * replays of the stored events alike.
 */
export function matchSegmentTrigger(trigger: SegmentTrigger, event: JourneyEvent): TriggerMatch {
  const name = segmentTransitionEvent(trigger.on);
  const verb = trigger.on === "entry" ? "entered" : "left";
  if (event.name !== name || event.properties.segmentId !== trigger.segmentId) {
    return { match: false, reason: `Not an ${trigger.on} of segment "${trigger.segmentId}"` };
  }
  return { match: true, reason: `Profile ${verb} segment "${trigger.segmentId}"` };
}

/** Whether the traits satisfy every condition of a trait-change trigger. */
export function traitsMatch(trigger: TraitChangeTrigger, traits: Record<string, unknown>): boolean {
  return matchesWhere(trigger.conditions, traits).pass;
}

/**
 * Fires only on the change from not matching to matching, so repeated
 * identifies with the same value do nothing. `wasMatching` is the stored
 * result of `traitsMatch` before this identify (false for a new profile);
 * the shell saves `traitsMatch(trigger, currentTraits)` after every identify.
 */
export function matchTraitChange(
  trigger: TraitChangeTrigger,
  wasMatching: boolean,
  currentTraits: Record<string, unknown>,
): TriggerMatch {
  const now = matchesWhere(trigger.conditions, currentTraits);
  if (!now.pass) {
    return { match: false, reason: "Traits do not match", failures: now.failures };
  }
  if (wasMatching) {
    return { match: false, reason: "Traits already matched before this change" };
  }
  return { match: true, reason: "Traits started matching" };
}

/**
 * When silence since `lastActivityAt` becomes long enough to fire. The shell
 * passes the last tracked event (of `trigger.event` when set), or the
 * profile's firstSeenAt when there is none, and can sweep at this instant.
 */
export function inactivityDueAt(trigger: InactivityTrigger, lastActivityAt: Date): Date {
  return new Date(lastActivityAt.getTime() + durationToMs(trigger.inactiveFor));
}

export function isInactive(trigger: InactivityTrigger, lastActivityAt: Date, now: Date): boolean {
  return now >= inactivityDueAt(trigger, lastActivityAt);
}

/**
 * Once per period of inactivity: after firing at `lastFiredAt`, it fires
 * again only once there has been activity since and a new silence is long
 * enough. `lastFiredAt` is the latest entry into this journey.
 */
export function matchInactivity(
  trigger: InactivityTrigger,
  lastActivityAt: Date,
  lastFiredAt: Date | null,
  now: Date,
): TriggerMatch {
  const subject = trigger.event ? `"${trigger.event}"` : "any event";
  if (!isInactive(trigger, lastActivityAt, now)) {
    return {
      match: false,
      reason: `Last ${subject} at ${lastActivityAt.toISOString()}: not yet inactive`,
    };
  }
  if (lastFiredAt && lastFiredAt >= lastActivityAt) {
    return { match: false, reason: "Already fired for this period of inactivity" };
  }
  const period = describeDuration(trigger.inactiveFor);
  return {
    match: true,
    reason: `No ${subject} for ${period} since ${lastActivityAt.toISOString()}`,
  };
}

export interface PreviousRun {
  enteredAt: Date;
  /** null while the run is still going. */
  endedAt: Date | null;
}

export type ReentryDecision = { allowed: true } | { allowed: false; reason: string; until?: Date };

/** A profile is in at most one run of a journey at a time, whatever the policy. */
export function checkReentry(
  policy: ReentryPolicy,
  previousRuns: readonly PreviousRun[],
  now: Date,
): ReentryDecision {
  if (previousRuns.some((run) => run.endedAt === null)) {
    return { allowed: false, reason: "Already in this journey" };
  }
  if (previousRuns.length === 0) return { allowed: true };
  switch (policy.mode) {
    case "always":
      return { allowed: true };
    case "once":
      return { allowed: false, reason: "Journey allows entry once per profile" };
    case "cooldown": {
      const last = Math.max(...previousRuns.map((run) => run.enteredAt.getTime()));
      const until = new Date(last + durationToMs(policy.cooldown));
      if (now >= until) return { allowed: true };
      const reason = `Re-entry cooldown of ${describeDuration(policy.cooldown)} runs until ${until.toISOString()}`;
      return { allowed: false, reason, until };
    }
    default:
      return assertNever(policy);
  }
}
