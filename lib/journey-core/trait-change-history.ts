// When a profile's traits last started to match a trait-change trigger: the
// identify after which they match and just before which they did not,
// replaying the profile's identifies in event-time order with the one merge
// (profile-merge.ts), as the engine judges each identify. "Why not?" dates a
// trait-change entry by it, so the pause rule and the first publish judge the
// change itself, not a later identify that only repeated the traits.

import type { TraitChangeTrigger } from "./definition";
import { traitsMatch } from "./match-trigger";
import { applyProfileCall, emptyProfileValue, type ProfileCall } from "./profile-merge";

/**
 * The time of the latest change to matching at or before `at`, or null when
 * the calls never made the traits match. `calls` are the profile's calls from
 * its first, in event-time order (equal times in the order Cue stored them).
 */
export function lastChangeToMatching(
  trigger: TraitChangeTrigger,
  calls: readonly ProfileCall[],
  at: Date,
): Date | null {
  let value = emptyProfileValue();
  let matching = false;
  let last: Date | null = null;
  for (const call of calls) {
    if (call.at > at) break;
    value = applyProfileCall(value, call);
    const now = traitsMatch(trigger, value.traits);
    if (now && !matching) last = call.at;
    matching = now;
  }
  return last;
}
