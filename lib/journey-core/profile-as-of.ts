// The profile as it was at a moment of event time: what a decision at that
// moment must see, however late the engine gets to it. A live profile holds
// the latest state; the shell loads the calls from the batch's earliest
// moment on (and what the keys they touched held before), and this folds
// them back up to the moment with the one merge (profile-merge.ts).

import type { ProfileFacts } from "./facts";
import {
  applyProfileCall,
  normalizeEmail,
  type ProfileCall,
  type ProfileValue,
} from "./profile-merge";
import { validTimezone } from "./valid-timezone";

export interface ProfileHistory {
  /** The profile's calls at or after `since`, in event-time order (timestamp, then id). */
  later: (ProfileCall & { id: string })[];
  /** For each trait key those calls write: what it held before `since` (null: not set). */
  priorTraits: Record<string, { value: unknown } | null>;
  /** The device timezone before `since`, when a later call reports one (else: as stored). */
  priorContextTimezone?: string | null;
}

/**
 * The profile's facts at `at`: the calls before it applied, those after it
 * not. A call at exactly `at` counts when its id is at most `throughId` (the
 * event being decided, which counts itself), or always without one (a timer
 * at that instant comes after the events at it).
 */
export function factsAsOf(
  current: ProfileFacts,
  history: ProfileHistory | undefined,
  at: Date,
  throughId?: string,
  /** Leave out the call `throughId` itself: the profile just before it. */
  options: { before?: boolean } = {},
): ProfileFacts {
  if (!history || history.later.length === 0) return current;
  const traits: Record<string, unknown> = { ...current.traits };
  for (const [key, prior] of Object.entries(history.priorTraits)) {
    if (prior === null || prior.value === null) delete traits[key];
    else
      Object.defineProperty(traits, key, {
        value: prior.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  const traitTimezone = validTimezone(traits.timezone);
  const contextTimezone =
    history.priorContextTimezone !== undefined
      ? history.priorContextTimezone
      : (current.contextTimezone ?? (traitTimezone === null ? current.timezone : null));
  let value: ProfileValue = {
    traits,
    traitTimes: {},
    email: normalizeEmail(traits.email),
    traitTimezone,
    contextTimezone,
    contextTimezoneAt: null,
    timezone: traitTimezone ?? contextTimezone,
    firstSeenAt: null,
    lastSeenAt: null,
    groups: {},
  };
  const t = at.getTime();
  for (const call of history.later) {
    const callAt = call.at.getTime();
    if (callAt > t) break;
    if (callAt === t && throughId !== undefined) {
      if (call.id > throughId || (options.before && call.id === throughId)) break;
    }
    value = applyProfileCall(value, call);
  }
  return {
    ...current,
    traits: value.traits,
    email: value.email,
    timezone: value.timezone,
    contextTimezone: value.contextTimezone,
  };
}
