import { assertNever } from "@/lib/journey-core/assert-never";
import type { StepInput } from "@/lib/journey-core/run-state";
import type { EngineBatch, RunRecord } from "./engine-batch";
import type { BatchProfile } from "./prepare-batch";

// What a journey's status does to a run in flight (see lib/engine/README.md):
// - live: the run advances.
// - paused: the run holds where it is. Its events are not delivered (a wait
//   cannot end, a goal is not counted) and its timer is disarmed; resuming
//   re-arms it, and a timer that came due during the pause fires then.
// - archived: the run is cancelled (trace "exited": "Cancelled: …") the next
//   time the engine meets it; archiving cancels open runs at once as well.

export async function deliverToRun(
  batch: EngineBatch,
  profile: BatchProfile,
  run: RunRecord,
  input: StepInput,
): Promise<boolean> {
  if (profile.missing) {
    return batch.stepRun(profile, run, { kind: "cancel", reason: "The profile no longer exists" });
  }
  const status = run.journey.status;
  switch (status) {
    case "live":
      return batch.stepRun(profile, run, input);
    case "paused":
      // Writing the row again with the journey paused disarms its timer.
      if (input.kind === "wake") batch.touch(run);
      return false;
    case "archived":
    case "draft":
      return batch.stepRun(profile, run, { kind: "cancel", reason: `Journey is ${status}` });
    default:
      return assertNever(status);
  }
}
