import type { EntrySignal } from "@/lib/journey-core/decide-entry";
import type { TraitChangeTrigger } from "@/lib/journey-core/definition";
import { traitsMatch } from "@/lib/journey-core/match-trigger";
import { factsAsOf } from "@/lib/journey-core/profile-as-of";
import type { ProfileWork } from "./batch-records";

// What an identify is to a trait-change trigger: the traits just before it and
// the ones it left, both read off the profile's history at its event time (not
// the latest: a later identify may be in the batch), so a change counts when
// it happened, however late the engine gets to it. The same signal whether the
// identify is decided when first evaluated (process-events.ts) or again after
// a run a pause left behind caught up (redecide-entry.ts).

export function traitChangeSignal(
  profile: ProfileWork,
  trigger: TraitChangeTrigger,
  at: Date,
  eventId: string | undefined,
): Extract<EntrySignal, { kind: "trait_change" }> {
  const before = factsAsOf(profile.facts, profile.history, at, eventId, { before: true });
  const currentTraits = factsAsOf(profile.facts, profile.history, at, eventId).traits;
  return { kind: "trait_change", wasMatching: traitsMatch(trigger, before.traits), currentTraits };
}

/**
 * The journey whose update-profile step made this identify, if one did: it
 * never enters that journey (journey-profile-updates.ts).
 */
export function stepSourceJourney(properties: unknown): string | null {
  const cue =
    properties && typeof properties === "object" ? (properties as { cue?: unknown }).cue : null;
  const journeyId =
    cue && typeof cue === "object" ? (cue as { journeyId?: unknown }).journeyId : null;
  return typeof journeyId === "string" ? journeyId : null;
}
