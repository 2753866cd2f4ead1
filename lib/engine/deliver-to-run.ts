import { assertNever } from "@/lib/journey-core/assert-never";
import type { StepInput } from "@/lib/journey-core/run-state";
import type { EngineBatch, RunRecord } from "./engine-batch";
import type { BatchProfile } from "./prepare-batch";

// What a journey's status does to a run in flight (see lib/engine/README.md):
// - live: the run advances, as of `now` (the input's event time).
// - paused: the run holds where it is and nothing is sent. Its timer is
//   disarmed and its events are kept (held_events); resuming wakes it to
//   catch up on them in the order they happened, interleaved with its timers,
//   so a goal reached or a wait's event during the pause still counts.
// - archived: the run is cancelled (trace "exited": "Cancelled: …") the next
//   time the engine meets it; archiving cancels open runs at once as well.

export async function deliverToRun(
  batch: EngineBatch,
  profile: BatchProfile,
  run: RunRecord,
  input: StepInput,
  now: Date,
  eventId?: string,
): Promise<boolean> {
  if (profile.missing) {
    const cancel = { kind: "cancel", reason: "The profile no longer exists" } as const;
    return batch.stepRun(profile, run, cancel, now);
  }
  const status = run.journey.status;
  switch (status) {
    case "live":
      return batch.stepRun(profile, run, input, now, eventId);
    case "paused":
      // Writing the row again with the journey paused disarms its timer.
      if (input.kind === "wake") batch.touch(run);
      if (input.kind === "event" && eventId) batch.hold(run, eventId);
      return false;
    case "archived":
    case "draft":
      return batch.stepRun(profile, run, { kind: "cancel", reason: `Journey is ${status}` }, now);
    default:
      return assertNever(status);
  }
}
