// "What if they triggered now": simulator input that makes the journey's
// trigger fire at `now` for a real profile, so the core walks the path they
// would take. Nothing is bypassed: the synthetic signal still goes through
// decideEntry (its `where`, first-time and re-entry checks) like any other.
//
// - Event trigger: a track call named like the trigger, with the properties
//   of their latest such event, and every equality in `where` filled in.
// - Trait change: the trigger's traits are set now (kept when they already
//   hold), starting from traits that do not match yet, so it is a change.
// - Inactivity: their history is cut at now − period with a last activity
//   exactly then, so the silence ends now.

import { assertNever } from "@/lib/journey-core/assert-never";
import type {
  JourneyDefinition,
  PropertyCondition,
  TraitCondition,
} from "@/lib/journey-core/definition";
import { describeDuration, durationToMs } from "@/lib/journey-core/definition";
import { matchesWhere } from "@/lib/journey-core/evaluate-condition";
import type { JourneyEvent, ProfileFacts } from "@/lib/journey-core/facts";
import { indexJourney } from "@/lib/journey-core/journey-graph";
import { segmentTransitionEvent } from "@/lib/journey-core/match-trigger";
import type { SimEvent } from "@/lib/journey-core/simulate";

export interface SyntheticTrigger {
  events: SimEvent[];
  priorEvents: JourneyEvent[];
  profile: ProfileFacts;
  /** What was pretended, in words. */
  assumption: string;
}

/** Stands in for "any activity" when an inactivity trigger names no event. */
export const ACTIVITY_MARKER = "(last activity)";

/** A value that satisfies the condition, when one can be read off it. */
function satisfyingValue(condition: PropertyCondition | TraitCondition): unknown {
  const { operator, value } = condition;
  switch (operator) {
    case "eq":
      return value;
    case "in":
      return Array.isArray(value) ? value[0] : undefined;
    case "is_true":
      return true;
    case "is_false":
      return false;
    default:
      return undefined;
  }
}

/** `base` with each unmet condition's satisfying value set (under its full path). */
function satisfy(
  base: Record<string, unknown>,
  conditions: readonly (PropertyCondition | TraitCondition)[],
): Record<string, unknown> {
  const out = { ...base };
  for (const condition of conditions) {
    if (matchesWhere([condition], out).pass) continue;
    const value = satisfyingValue(condition);
    if (value !== undefined) out[condition.path] = value;
  }
  return out;
}

export function syntheticTrigger(
  definition: JourneyDefinition,
  profile: ProfileFacts,
  history: readonly JourneyEvent[],
  now: Date,
): SyntheticTrigger {
  const past = history.filter((e) => e.timestamp <= now);
  const trigger = indexJourney(definition).trigger?.trigger;
  const stamp = now.toISOString();
  if (!trigger) {
    return { events: [], priorEvents: past, profile, assumption: "The journey has no trigger" };
  }
  switch (trigger.kind) {
    case "event": {
      const latest = past.findLast((e) => e.name === trigger.event);
      const properties = satisfy(latest?.properties ?? {}, trigger.where ?? []);
      return {
        events: [{ type: "track", name: trigger.event, properties, at: now }],
        priorEvents: past,
        profile,
        assumption: `A "${trigger.event}" event at ${stamp} with ${JSON.stringify(properties)}`,
      };
    }
    case "trait_change": {
      const before = { ...profile.traits };
      for (const condition of trigger.conditions) delete before[condition.path];
      const traits = satisfy(profile.traits, trigger.conditions);
      const changed = Object.fromEntries(
        trigger.conditions
          .filter((c) => Object.hasOwn(traits, c.path))
          .map((c) => [c.path, traits[c.path]]),
      );
      return {
        events: [{ type: "identify", traits: changed, at: now }],
        priorEvents: past,
        profile: { ...profile, traits: before },
        assumption: `Their traits changed at ${stamp} to ${JSON.stringify(changed)}`,
      };
    }
    case "inactivity": {
      const since = new Date(now.getTime() - durationToMs(trigger.inactiveFor));
      const name = trigger.event ?? ACTIVITY_MARKER;
      const counts = (e: JourneyEvent) => !trigger.event || e.name === trigger.event;
      const kept = past.filter((e) => e.timestamp <= since || !counts(e));
      return {
        events: [],
        priorEvents: [...kept, { name, properties: {}, timestamp: since }],
        profile: {
          ...profile,
          firstSeenAt: new Date(Math.min(profile.firstSeenAt.getTime(), since.getTime())),
        },
        assumption: `No ${trigger.event ? `"${trigger.event}"` : "activity"} for ${describeDuration(trigger.inactiveFor)} until ${stamp}`,
      };
    }
    case "segment": {
      const name = segmentTransitionEvent(trigger.on);
      const properties = { segmentId: trigger.segmentId };
      return {
        events: [{ type: "track", name, properties, at: now }],
        priorEvents: past,
        profile,
        assumption: `They ${trigger.on === "entry" ? "entered" : "left"} segment "${trigger.segmentId}" at ${stamp}`,
      };
    }
    default:
      return assertNever(trigger);
  }
}
