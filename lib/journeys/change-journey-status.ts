import "server-only";
import { ApiError } from "@/lib/api/errors";
import { type RawDb, sqlTransaction } from "@/lib/db/sql";
import { ENGINE_TIMERS_TASK } from "@/lib/engine/process-due-runs";
import type { Journey } from "@/lib/generated/prisma/client";
import { journeyDefinitionSchema } from "@/lib/journey-core/definition";
import { canTransitionJourney, type JourneyStatus } from "@/lib/journey-core/journey-status";
import { notifyWorkers } from "@/lib/worker/run-worker";
import type { JourneyJson } from "./journey-schemas";
import { findVersion, journeyViewIn, lockJourneyOrThrow, setJourneyStatus } from "./journey-sql";
import { installTrigger, removeTrigger } from "./journey-trigger-row";

// Pause and resume (archive is in archive-journey.ts). What they do to runs
// in flight is documented in lib/engine/README.md:
// - pause: no new entries (the live trigger row goes), and every run holds
//   where it is: its timer is disarmed (wakeAt NULL; the state keeps the
//   time) and its events are not delivered.
// - resume: the trigger comes back for the current version and timers are
//   re-armed from the state; those that came due during the pause fire at once.

export interface StatusChangeInput {
  workspaceId: string;
  id: string;
  /** Who made the change (the list's "last edit"); null for the secret key, left as is when omitted. */
  memberId?: string | null;
}

export async function pauseJourney(input: StatusChangeInput): Promise<JourneyJson> {
  return sqlTransaction(async (tx) => {
    const journey = await transition(tx, input, "paused");
    await removeTrigger(tx, journey);
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
    await tx.$executeRaw`
      UPDATE journey_runs
      SET "wakeAt" = ((state->>'wakeAt')::timestamptz AT TIME ZONE 'UTC')
      WHERE "journeyId" = ${journey.id} AND "workspaceId" = ${journey.workspaceId}
        AND status = 'waiting' AND state->>'wakeAt' IS NOT NULL`;
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
  return setJourneyStatus(tx, journey, to, input.memberId);
}
