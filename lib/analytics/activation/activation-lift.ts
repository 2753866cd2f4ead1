// How much a journey moved activation. Pure: the counts come from
// load-activation.ts; the comparison is the journey lift's own
// (computeLift in ../lift.ts: rates, Newcombe's interval, the sample rule).
//
// Who counts: each profile once per journey, at its first entry, if at that
// moment it had not activated yet and its activation window was still open
// (it could still be moved). It activated when it did an activation event
// within its window; a window still open counts what happened so far. The
// messaged group is the entrants the journey did not hold out; the holdout is
// the rest. Assignment at entry is random (a hash), so both groups have the
// same mix of entry times and open windows, and the difference between their
// activated shares is what the journey did.

import { computeLift, type GroupCounts, type LiftResult, MIN_GROUP, MIN_OUTCOMES } from "../lift";

export interface JourneyActivationCounts {
  journeyId: string;
  name: string;
  status: string;
  messaged: GroupCounts;
  holdout: GroupCounts;
}

export interface JourneyActivationLift {
  journeyId: string;
  name: string;
  status: string;
  lift: LiftResult;
  /** One sentence about activation a marketer can read. */
  sentence: string;
}

export const ACTIVATION_LIFT_METHOD =
  "Each profile counts once per journey, from its first entry, if it had not activated yet and its activation window was still open; a window still open counts what happened so far, in both groups alike. " +
  "The 95% range for the difference of the two shares is Newcombe's hybrid score interval, the same as the journey's conversion lift; " +
  `it is shown once each group has at least ${MIN_GROUP} profiles, ${MIN_OUTCOMES} who activated and ${MIN_OUTCOMES} who did not.`;

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const points = (value: number) => `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)} pts`;
const people = (n: number) => (n === 1 ? "1 profile" : `${n.toLocaleString("en-US")} profiles`);

function shortfall(name: string, group: GroupCounts): string | null {
  if (group.entered < MIN_GROUP) return `the ${name} has ${people(group.entered)}`;
  if (group.converted < MIN_OUTCOMES) return `only ${group.converted} in the ${name} activated`;
  if (group.entered - group.converted < MIN_OUTCOMES) {
    return `only ${group.entered - group.converted} in the ${name} did not activate`;
  }
  return null;
}

export function activationSentence(counts: JourneyActivationCounts, lift: LiftResult): string {
  const { messaged, holdout } = counts;
  const rates = () =>
    `${percent(lift.treatment.rate ?? 0)} of messaged profiles activated vs ${percent(lift.holdout.rate ?? 0)} held out`;
  switch (lift.verdict) {
    case "no_data":
      return "None of its entrants could still activate when they entered (they had activated already, or their activation window had passed), so there is nothing to compare.";
    case "no_holdout":
      return holdout.entered === 0
        ? "Nobody who could still activate was held out, so its effect cannot be measured. Give the journey a holdout."
        : "Everyone who could still activate was held out, so there is nothing to compare.";
    case "too_small": {
      const why = shortfall("messaged group", messaged) ?? shortfall("holdout", holdout) ?? "";
      return `Too few profiles to tell yet (${why}): ${rates()}.`;
    }
    case "positive":
    case "negative":
    case "inconclusive": {
      const interval = lift.interval;
      const range = interval
        ? `, likely between ${points(interval.lower)} and ${points(interval.upper)}`
        : "";
      const diff = points(lift.absoluteLift ?? 0);
      if (lift.verdict === "positive") return `Raises activation by ${diff}${range}: ${rates()}.`;
      if (lift.verdict === "negative") return `Lowers activation by ${diff}${range}: ${rates()}.`;
      return `No clear effect on activation (${diff}${range}, which includes no change): ${rates()}.`;
    }
  }
}

export function journeyActivationLift(counts: JourneyActivationCounts): JourneyActivationLift {
  const lift = computeLift(counts.messaged, counts.holdout);
  return {
    journeyId: counts.journeyId,
    name: counts.name,
    status: counts.status,
    lift,
    sentence: activationSentence(counts, lift),
  };
}
