import type { RunRecord } from "./batch-records";
import type { EngineBatch } from "./engine-batch";
import type { BatchProfile } from "./prepare-batch";

// A profile's inputs are evaluated in event-time order: each event at its
// timestamp, each timer at its due time, and a timer before an event that
// happened after it (at the same instant, the event first, as simulate.ts
// does). These helpers move a profile's runs along that timeline.

/** Runs that advance: a live journey's run that is waiting for a timer. */
function armed(run: RunRecord): boolean {
  return (
    run.journey.status === "live" && run.state.status === "waiting" && run.state.wakeAt !== null
  );
}

const MAX_WAKES = 10_000;

/**
 * Fires the profile's timers due strictly before `before` (or, with
 * `through`, at or before it), earliest first across runs, each at its own
 * due time, until none is left (a wake can arm another timer). Returns how
 * many fired.
 */
export async function wakeDue(
  batch: EngineBatch,
  profile: BatchProfile,
  bound: { before: Date } | { through: Date },
  only: (run: RunRecord) => boolean = () => true,
): Promise<number> {
  const due = (at: Date) => ("before" in bound ? at < bound.before : at <= bound.through);
  let fired = 0;
  for (let i = 0; i < MAX_WAKES; i++) {
    let next: RunRecord | null = null;
    for (const run of profile.runs) {
      if (!armed(run) || !only(run)) continue;
      const at = run.state.wakeAt as Date;
      if (!due(at)) continue;
      if (!next || at < (next.state.wakeAt as Date)) next = run;
    }
    if (!next) return fired;
    const at = next.state.wakeAt as Date;
    const moved = await batch.stepRun(profile, next, { kind: "wake" }, at);
    fired += 1;
    // A wake the core refuses leaves wakeAt as it was; stop rather than spin.
    if (!moved && next.state.wakeAt?.getTime() === at.getTime()) return fired;
  }
  return fired;
}

/** Whether one of the profile's live timers is due before `at` but not final yet. */
export function timerNotFinalBefore(profile: BatchProfile, at: Date, finalBefore: Date): boolean {
  return profile.runs.some((run) => {
    const wakeAt = run.state.wakeAt;
    if (run.journey.status !== "live" || run.state.status !== "waiting" || !wakeAt) return false;
    return wakeAt < at && wakeAt > finalBefore;
  });
}
