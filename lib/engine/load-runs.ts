import type { Prisma } from "@/lib/generated/prisma/client";
import type { KnownRun } from "./engine-batch";
import type { ProfileRef } from "./load-facts";
import type { RunRow } from "./run-rows";

// Run rows a batch reads, for many profiles in one statement each.

type Tx = Prisma.TransactionClient;

/**
 * Runs the profiles' events must be delivered to, locked for this
 * transaction: every run in progress, and completed runs still inside their
 * goal window (a late conversion). The timer task skips rows locked here.
 */
export async function loadListeningRuns(
  tx: Tx,
  refs: readonly ProfileRef[],
  now: Date,
): Promise<RunRow[]> {
  if (refs.length === 0) return [];
  return tx.$queryRaw<RunRow[]>`
    SELECT r.id, r."workspaceId", r."journeyId", r."versionId", r."profileId"::text AS "profileId", r.state
    FROM journey_runs r
    JOIN unnest(${refs.map((r) => r.workspaceId)}::text[], ${refs.map((r) => r.profileId)}::uuid[])
      AS ref(ws, pid) ON r."workspaceId" = ref.ws AND r."profileId" = ref.pid
    WHERE r.status IN ('active', 'waiting') OR r."goalUntil" >= ${now}::timestamp(3)
    ORDER BY r."enteredAt", r.id
    FOR UPDATE OF r`;
}

/** Each profile's runs of these journeys, ended or not, for re-entry decisions. */
export async function loadPreviousRuns(
  tx: Tx,
  refs: readonly ProfileRef[],
  journeyIds: readonly string[],
): Promise<Map<string, Map<string, KnownRun[]>>> {
  const out = new Map<string, Map<string, KnownRun[]>>();
  if (refs.length === 0 || journeyIds.length === 0) return out;
  const rows = await tx.$queryRaw<
    { id: string; journeyId: string; profileId: string; enteredAt: Date; endedAt: Date | null }[]
  >`
    SELECT r.id, r."journeyId", r."profileId"::text AS "profileId", r."enteredAt", r."endedAt"
    FROM journey_runs r
    JOIN unnest(${refs.map((r) => r.workspaceId)}::text[], ${refs.map((r) => r.profileId)}::uuid[])
      AS ref(ws, pid) ON r."workspaceId" = ref.ws AND r."profileId" = ref.pid
    WHERE r."journeyId" = ANY(${[...journeyIds]}::text[])`;
  for (const row of rows) {
    const byJourney = out.get(row.profileId) ?? new Map<string, KnownRun[]>();
    out.set(row.profileId, byJourney);
    const list = byJourney.get(row.journeyId) ?? [];
    list.push({ runId: row.id, enteredAt: row.enteredAt, endedAt: row.endedAt });
    byJourney.set(row.journeyId, list);
  }
  return out;
}
