import "server-only";
import { ApiError } from "@/lib/api/errors";
import { type RawDb, sqlTransaction } from "@/lib/db/sql";
import { ENGINE_TIMERS_TASK } from "@/lib/engine/process-due-runs";
import type { Journey } from "@/lib/generated/prisma/client";
import { journeyDefinitionSchema } from "@/lib/journey-core/definition";
import { canTransitionJourney, type JourneyStatus } from "@/lib/journey-core/journey-status";
import { notifyWorkers } from "@/lib/worker/run-worker";
import type { JourneyJson } from "./journey-schemas";
import {
  findVersion,
  journeyViewIn,
  lockJourneyOrThrow,
  recordStatusChange,
  setJourneyStatus,
} from "./journey-sql";
import { installTrigger } from "./journey-trigger-row";

// Pause and resume (archive is in archive-journey.ts). What they do to runs
// in flight is documented in lib/engine/README.md:
// - pause: no new entries for triggers that happen from now on (the engine
//   reads the status history at the trigger's event time; the trigger row
//   stays so that a trigger from before the pause, evaluated late, still
//   enters), and every run holds where it is: its timer is disarmed (wakeAt
//   NULL; the state keeps the time) and its events are kept (held_events).
// - resume: timers are re-armed from the state, and runs with held events are
//   woken at once to catch up on them in the order they happened.

export interface StatusChangeInput {
  workspaceId: string;
  id: string;
  /** Who made the change (the list's "last edit"); null for the secret key, left as is when omitted. */
  memberId?: string | null;
  /** When it takes effect, for the status history (default now; tests pass their clock). */
  at?: Date;
}

export async function pauseJourney(input: StatusChangeInput): Promise<JourneyJson> {
  return sqlTransaction(async (tx) => {
    const journey = await transition(tx, input, "paused");
    await tx.$executeRaw`
      UPDATE journey_runs SET "wakeAt" = NULL
      WHERE "journeyId" = ${journey.id} AND "workspaceId" = ${journey.workspaceId}
        AND "wakeAt" IS NOT NULL`;
    return journeyViewIn(tx, journey);
  });
}

export async function resumeJourney(input: StatusChangeInput): Promise<JourneyJson> {
  return sqlTransaction(async (tx) => {
    const journey = await transition(tx, input, "live", ["paused"]);
    const version = journey.currentVersionId
      ? await findVersion(tx, journey, { id: journey.currentVersionId })
      : null;
    if (!version) throw new ApiError("conflict", "The journey has no published version to resume.");
    const definition = journeyDefinitionSchema.parse(version.definition);
    await installTrigger(tx, journey, { id: version.id, definition });
    const at = input.at ?? new Date();
    await recordStatusChange(tx, journey, { status: "live", versionId: version.id, at });
    // Timers come back as they were; a run with events held during the
    // pause, or created during it and not yet entered, wakes now to catch up
    // (the timer task enters it as of its trigger and reads held_events).
    await tx.$executeRaw`
      UPDATE journey_runs r
      SET "wakeAt" = CASE
        WHEN status = 'active' OR EXISTS (SELECT 1 FROM held_events h WHERE h."runId" = r.id)
          THEN ${at}::timestamp(3)
        ELSE ((state->>'wakeAt')::timestamptz AT TIME ZONE 'UTC') END
      WHERE "journeyId" = ${journey.id} AND "workspaceId" = ${journey.workspaceId}
        AND status IN ('active', 'waiting')
        AND (state->>'wakeAt' IS NOT NULL OR status = 'active'
             OR EXISTS (SELECT 1 FROM held_events h WHERE h."runId" = r.id))`;
    await notifyWorkers(tx, ENGINE_TIMERS_TASK);
    return journeyViewIn(tx, journey);
  });
}

/** Locks the journey, checks the transition, and writes the new status. */
export async function transition(
  tx: RawDb,
  input: StatusChangeInput,
  to: JourneyStatus,
  from?: readonly JourneyStatus[],
): Promise<Journey> {
  const journey = await lockJourneyOrThrow(tx, input);
  if (!canTransitionJourney(journey.status, to) || (from && !from.includes(journey.status))) {
    throw new ApiError("conflict", `A ${journey.status} journey cannot become ${to}.`, {
      details: { status: journey.status },
    });
  }
  const changed = await setJourneyStatus(tx, journey, to, input.memberId);
  if (to !== "live") {
    // Going live records its version (resume does it with the version it resumes on).
    await recordStatusChange(tx, journey, {
      status: to,
      versionId: null,
      at: input.at ?? new Date(),
    });
  }
  return changed;
}
