// A journey's lifecycle. Publishing (draft → live) freezes the definition as
// an immutable version; runs keep the version they entered with.
//
// - live: profiles enter; runs advance.
// - paused: nobody enters; runs hold where they are (the shell does not step
//   them) and due timers fire on resume.
// - archived: final; the shell cancels runs still in flight.

export const JOURNEY_STATUSES = ["draft", "live", "paused", "archived"] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

export const JOURNEY_STATUS_TRANSITIONS: Record<JourneyStatus, readonly JourneyStatus[]> = {
  draft: ["live", "archived"],
  live: ["paused", "archived"],
  paused: ["live", "archived"],
  archived: [],
};

export function canTransitionJourney(from: JourneyStatus, to: JourneyStatus): boolean {
  return JOURNEY_STATUS_TRANSITIONS[from].includes(to);
}

export function acceptsEntries(status: JourneyStatus): boolean {
  return status === "live";
}

export function advancesRuns(status: JourneyStatus): boolean {
  return status === "live";
}
