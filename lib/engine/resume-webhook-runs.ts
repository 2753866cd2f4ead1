import "server-only";
import { type RawDb, sqlTransaction } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StepInput } from "@/lib/journey-core/run-state";
import { deliverToRun } from "./deliver-to-run";
import { disarmOrphans, prepareBatch } from "./prepare-batch";
import { tryLockProfiles } from "./profile-locks";
import type { RunRow } from "./run-rows";

// A webhook step whose delivery is over (journey_webhook_calls.status
// succeeded or failed, not yet resumed) moves its run on through the normal
// engine path: the run row is locked, its profile's lock taken, the batch
// prepared as for a timer, and the core stepped with `webhook_result` as of
// the step's start (`stepAt`: the run's event-time clock did not move while
// the request was in flight). `resumedAt` is set in the same transaction,
// so a resume happens once; a run whose journey is paused waits (its call
// is picked again after the resume), one whose profile is busy is left for
// the next round.

const BATCH = 100;

interface FinishedCall {
  id: string;
  idempotencyKey: string;
  status: "succeeded" | "failed";
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  responseBody: string | null;
  stepAt: Date;
  runId: string;
}

async function claimFinished(
  tx: RawDb,
  limit: number,
): Promise<(FinishedCall & { run: RunRow })[]> {
  return tx.$queryRaw`
    SELECT c.id, c."idempotencyKey", c.status, c.attempts, c."lastStatus", c."lastError",
           c."responseBody", c."stepAt", c."runId",
           json_build_object('id', r.id, 'workspaceId', r."workspaceId", 'journeyId', r."journeyId",
             'versionId', r."versionId", 'profileId', r."profileId"::text, 'state', r.state) AS run
    FROM journey_webhook_calls c
    JOIN journey_runs r ON r.id = c."runId" AND r."workspaceId" = c."workspaceId"
    JOIN journeys j ON j.id = r."journeyId" AND j."workspaceId" = r."workspaceId"
    WHERE c.status <> 'pending' AND c."resumedAt" IS NULL AND j.status <> 'paused'
    ORDER BY c."updatedAt"
    LIMIT ${limit}
    FOR UPDATE OF c, r SKIP LOCKED`;
}

/** Resumes runs whose webhook delivery ended; returns how many calls were settled. */
export async function resumeWebhookRuns(
  options: { now?: Date; log?: (line: string) => void } = {},
): Promise<number> {
  const log = options.log ?? ((line: string) => console.error(`[cue] ${line}`));
  return sqlTransaction(async (tx) => {
    const now = options.now ?? new Date();
    const claimed = await claimFinished(tx, BATCH);
    if (claimed.length === 0) return 0;
    const locked = await tryLockProfiles(
      tx,
      claimed.map((c) => c.run.profileId),
    );
    const calls = claimed.filter((c) => locked.has(c.run.profileId));
    if (calls.length === 0) return 0;
    const historySince = new Map<string, Date>();
    for (const call of calls) {
      const known = historySince.get(call.run.profileId);
      const stepAt = new Date(call.stepAt);
      if (!known || stepAt < known) historySince.set(call.run.profileId, stepAt);
    }
    const earliest = new Date(Math.min(...calls.map((c) => new Date(c.stepAt).getTime())));
    const prepared = await prepareBatch(tx, now, {
      refs: calls.map((c) => ({ workspaceId: c.run.workspaceId, profileId: c.run.profileId })),
      runRows: calls.map((c) => c.run),
      entryJourneys: [],
      sendsFrom: earliest,
      historySince,
      log,
    });
    await disarmOrphans(tx, prepared.orphans, log);
    for (const call of calls) {
      const profile = prepared.profiles.get(call.run.profileId);
      const run = profile?.runs.find((r) => r.state.runId === call.runId);
      if (!profile || !run) continue;
      const input: StepInput = {
        kind: "webhook_result",
        key: call.idempotencyKey,
        outcome: call.status,
        statusCode: call.lastStatus,
        body: call.responseBody ?? "",
        error: call.lastError,
        attempts: call.attempts,
      };
      await deliverToRun(prepared.batch, profile, run, input, new Date(call.stepAt));
    }
    await prepared.batch.flush([
      Prisma.sql`UPDATE journey_webhook_calls SET "resumedAt" = ${now}::timestamp(3)
        WHERE id = ANY(${calls.map((c) => c.id)}::text[])`,
    ]);
    return calls.length;
  });
}
