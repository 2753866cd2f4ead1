import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Clock, systemClock } from "../clock";
import type { ProfileRef } from "../load-facts";
import { prepareBatch } from "../prepare-batch";
import { ENGINE_TX } from "../process-events";
import type { RunRow } from "../run-rows";
import { type StatusChangeInput, transition } from "./change-journey-status";
import { journeyView } from "./get-journey-or-throw";
import type { JourneyJson } from "./journey-schemas";
import { removeTrigger } from "./journey-trigger-row";

// Archiving is final: no entries, and every run still in flight is
// cancelled through the core ({ kind: "cancel" }), which records
// "exited: Cancelled: Journey archived" in its trace. Completed runs stop
// listening for late goals. Runs are cancelled in batches after the status
// commits; a run locked by a worker at that moment is cancelled by that
// worker (or the next one to meet it), because the engine cancels every run
// of an archived journey it steps.

type Tx = Prisma.TransactionClient;
const CANCEL_BATCH = 500;

export async function archiveJourney(
  input: StatusChangeInput & {
    now?: Clock;
    log?: (line: string) => void;
  },
): Promise<JourneyJson & { cancelledRuns: number }> {
  const clock = input.now ?? systemClock;
  const journey = await prisma.$transaction(async (tx) => {
    const archived = await transition(tx, input, "archived");
    await removeTrigger(tx, archived);
    await tx.journeyRun.updateMany({
      where: {
        journeyId: archived.id,
        workspaceId: archived.workspaceId,
        goalUntil: { not: null },
      },
      data: { goalUntil: null },
    });
    return archived;
  });
  let cancelled = 0;
  for (;;) {
    const n = await prisma.$transaction(
      (tx) => cancelBatch(tx, journey, clock(), input.log ?? (() => {})),
      ENGINE_TX,
    );
    cancelled += n;
    if (n < CANCEL_BATCH) break;
  }
  return { ...(await journeyView(journey)), cancelledRuns: cancelled };
}

async function cancelBatch(
  tx: Tx,
  journey: { id: string; workspaceId: string },
  now: Date,
  log: (line: string) => void,
): Promise<number> {
  const runRows = await tx.$queryRaw<RunRow[]>`
    SELECT id, "workspaceId", "journeyId", "versionId", "profileId"::text AS "profileId", state
    FROM journey_runs
    WHERE "journeyId" = ${journey.id} AND "workspaceId" = ${journey.workspaceId}
      AND status IN ('active', 'waiting')
    ORDER BY id
    LIMIT ${CANCEL_BATCH}
    FOR UPDATE SKIP LOCKED`;
  if (runRows.length === 0) return 0;
  const refs = new Map<string, ProfileRef>();
  for (const row of runRows)
    refs.set(row.profileId, { workspaceId: row.workspaceId, profileId: row.profileId });
  const prepared = await prepareBatch(tx, now, {
    refs: [...refs.values()],
    runRows,
    entryJourneys: [],
    log,
  });
  if (prepared.orphans.length > 0) {
    // No readable version to step them with: end them directly.
    await tx.journeyRun.updateMany({
      where: { id: { in: prepared.orphans.map((o) => o.id) }, workspaceId: journey.workspaceId },
      data: { status: "exited", endedAt: now, wakeAt: null },
    });
  }
  for (const profile of prepared.profiles.values()) {
    for (const run of profile.runs) {
      await prepared.batch.stepRun(profile, run, { kind: "cancel", reason: "Journey archived" });
    }
  }
  await prepared.batch.flush();
  return runRows.length;
}
