import "server-only";
import { type RawDb, sqlTransaction } from "@/lib/db/sql";
import type { Clock } from "./clock";
import type { ProfileRef } from "./load-facts";
import { prepareBatch } from "./prepare-batch";
import type { RunRow } from "./run-rows";

// Cancels every run in flight of a journey through the core
// ({ kind: "cancel" }), which records "exited: Cancelled: <reason>" in each
// trace. Batches of runs, one transaction each; a run locked by a worker at
// that moment is skipped here and cancelled by that worker (or the next one
// to meet it), because the engine cancels every run of an archived journey
// it steps.

const CANCEL_BATCH = 500;

export async function cancelJourneyRuns(
  journey: { id: string; workspaceId: string },
  options: { now: Clock; reason: string; log?: (line: string) => void },
): Promise<number> {
  const log = options.log ?? (() => {});
  let cancelled = 0;
  for (;;) {
    const n = await sqlTransaction((tx) =>
      cancelBatch(tx, journey, options.now(), options.reason, log),
    );
    cancelled += n;
    if (n < CANCEL_BATCH) return cancelled;
  }
}

async function cancelBatch(
  tx: RawDb,
  journey: { id: string; workspaceId: string },
  now: Date,
  reason: string,
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
    await tx.$executeRaw`
      UPDATE journey_runs
      SET status = 'exited', "endedAt" = ${now}::timestamp(3), "wakeAt" = NULL, "updatedAt" = ${now}::timestamp(3)
      WHERE id = ANY(${prepared.orphans.map((o) => o.id)}::text[])
        AND "workspaceId" = ${journey.workspaceId}`;
  }
  for (const profile of prepared.profiles.values()) {
    for (const run of profile.runs) {
      await prepared.batch.stepRun(profile, run, { kind: "cancel", reason }, now);
    }
  }
  await prepared.batch.flush();
  return runRows.length;
}
