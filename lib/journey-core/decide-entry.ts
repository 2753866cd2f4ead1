// Whether a signal (an event, a trait change, a period of silence) puts a
// profile into a journey: the trigger must match and re-entry must allow it.
// The refusal reason is kept for the explainer ("not entered: cooldown").

import { assertNever } from "./assert-never";
import type { JourneyDefinition } from "./definition";
import type { ConditionFailure } from "./evaluate-condition";
import type { EventCounts, JourneyEvent } from "./facts";
import { indexJourney } from "./journey-graph";
import {
  checkReentry,
  matchEventTrigger,
  matchInactivity,
  matchSegmentTrigger,
  matchTraitChange,
  type PreviousRun,
  type TriggerMatch,
} from "./match-trigger";

export type EntrySignal =
  | { kind: "event"; event: JourneyEvent }
  | {
      kind: "trait_change";
      /** `traitsMatch` before this identify, as stored by the shell (false if never computed). */
      wasMatching: boolean;
      currentTraits: Record<string, unknown>;
    }
  | {
      kind: "inactivity";
      /** Last tracked event (of the trigger's event, if named), else firstSeenAt. */
      lastActivityAt: Date;
      /** When this trigger last fired for the profile, entered or not; null if never. */
      lastFiredAt: Date | null;
    };

export interface EntryContext {
  /** Needs the trigger's first-time count when `firstTimeOnly` (see requiredCounts). */
  counts: EventCounts;
  /** This profile's runs of this journey, any version. */
  previousRuns: readonly PreviousRun[];
  now: Date;
  /** The profile's segments at `now`; needed when the journey has an exclusion segment. */
  segmentIds?: readonly string[];
}

export type EntryDecision =
  | { enter: true; triggerEvent: JourneyEvent | null; reason: string }
  | { enter: false; reason: string; failures?: ConditionFailure[] };

function matchSignal(
  definition: JourneyDefinition,
  signal: EntrySignal,
  now: Date,
  counts: EventCounts,
): TriggerMatch {
  const node = indexJourney(definition).trigger;
  if (!node) return { match: false, reason: "The journey has no trigger" };
  const trigger = node.trigger;
  // A segment trigger fires on the event its segment recorded (match-trigger.ts).
  const signalKind =
    trigger.kind === "segment" && signal.kind === "event" ? "segment" : signal.kind;
  if (signalKind !== trigger.kind) {
    return { match: false, reason: `Journey is triggered by ${trigger.kind}, not ${signal.kind}` };
  }
  switch (signal.kind) {
    case "event":
      if (trigger.kind === "segment") return matchSegmentTrigger(trigger, signal.event);
      return trigger.kind === "event"
        ? matchEventTrigger(trigger, signal.event, counts)
        : mismatch();
    case "trait_change":
      return trigger.kind === "trait_change"
        ? matchTraitChange(trigger, signal.wasMatching, signal.currentTraits)
        : mismatch();
    case "inactivity":
      return trigger.kind === "inactivity"
        ? matchInactivity(trigger, signal.lastActivityAt, signal.lastFiredAt, now)
        : mismatch();
    default:
      return assertNever(signal);
  }
}

function mismatch(): TriggerMatch {
  return { match: false, reason: "Trigger kind mismatch" };
}

export function decideEntry(
  definition: JourneyDefinition,
  signal: EntrySignal,
  ctx: EntryContext,
): EntryDecision {
  const matched = matchSignal(definition, signal, ctx.now, ctx.counts);
  if (!matched.match) return { enter: false, reason: matched.reason, failures: matched.failures };
  const excluded = checkExclusion(definition.settings.exclusionSegmentId, ctx.segmentIds);
  if (excluded) return { enter: false, reason: excluded };
  const reentry = checkReentry(definition.settings.reentry, ctx.previousRuns, ctx.now);
  if (!reentry.allowed) return { enter: false, reason: reentry.reason };
  const triggerEvent = signal.kind === "event" ? signal.event : null;
  return { enter: true, triggerEvent, reason: matched.reason };
}

/** The refusal when the profile is in the journey's exclusion segment (fails closed when unknown). */
export function checkExclusion(
  exclusionSegmentId: string | undefined,
  segmentIds: readonly string[] | undefined,
): string | null {
  if (!exclusionSegmentId) return null;
  if (!segmentIds) return `Exclusion segment "${exclusionSegmentId}": membership not loaded`;
  return segmentIds.includes(exclusionSegmentId)
    ? `In the exclusion segment "${exclusionSegmentId}"`
    : null;
}
