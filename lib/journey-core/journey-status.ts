// A journey's lifecycle. Publishing (draft → live) freezes the definition as
// an immutable version; runs keep the version they entered with.
//
// - live: profiles enter; runs advance.
// - paused: nobody enters; runs hold where they are (the shell does not step
//   them) and due timers fire on resume.
// - archived: final; the shell cancels runs still in flight.

/**
 * What pausing and resuming mean, in the words the README and the API
 * description use (the journey pages show them on the buttons).
 */
export const PAUSE_MEANING =
  "Triggers (tracked events and trait changes) that happen while paused never enter, however late Cue sees them. Runs in flight hold and send nothing; on resume they catch up in the order things happened.";
export const RESUME_MEANING =
  "Triggers from now on enter. Runs in flight catch up in the order things happened, each event at its own time; timers that came due during the pause fire now.";

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

/** One entry of a journey's status history (journey_status_changes). */
export interface StatusChange {
  status: JourneyStatus;
  /** The version that went live (publish, resume); null otherwise. */
  versionId: string | null;
  at: Date;
}

export interface StatusAt {
  status: JourneyStatus;
  /** The version live at that moment, or the last one that was (null before any publish). */
  versionId: string | null;
}

/**
 * The journey's status at `at`, read off its history (oldest first). A
 * change takes effect at its own instant. Before the first change a journey
 * is a draft. Entries are decided with this at the trigger's event time, so
 * how late the engine gets to an event never changes whether it enters.
 */
export function statusAt(changes: readonly StatusChange[], at: Date): StatusAt {
  let status: JourneyStatus = "draft";
  let versionId: string | null = null;
  for (const change of changes) {
    if (change.at > at) break;
    status = change.status;
    if (change.versionId !== null) versionId = change.versionId;
  }
  return { status, versionId };
}
