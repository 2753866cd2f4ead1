import { type JsonPart, jsonPart, jsonTimestamp } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { KnownRun } from "./batch-records";
import type { ProfileRef } from "./load-facts";
import type { RunRow } from "./run-rows";

// Run rows a batch reads, for many profiles in one statement each.

/**
 * Runs the profiles' events must be delivered to, locked for this
 * transaction: every run in progress, and completed runs still inside their
 * goal window (a late conversion). The timer task skips rows locked here.
 */
export function listeningRunsPart(refs: readonly ProfileRef[], now: Date): JsonPart<RunRow[]> {
  const sql =
    refs.length === 0
      ? null
      : Prisma.sql`
    SELECT r.id, r."workspaceId", r."journeyId", r."versionId", r."profileId"::text AS "profileId", r.state
    FROM unnest(${refs.map((r) => r.workspaceId)}::text[], ${refs.map((r) => r.profileId)}::uuid[])
      AS ref(ws, pid)
    -- Per profile by (workspaceId, profileId), whatever the plan (OFFSET 0: not flattened).
    CROSS JOIN LATERAL (
      SELECT r.id, r."workspaceId", r."journeyId", r."versionId", r."profileId", r.state, r."enteredAt"
      FROM journey_runs r
      WHERE r."workspaceId" = ref.ws AND r."profileId" = ref.pid
        AND (r.status IN ('active', 'waiting') OR r."goalUntil" >= ${now}::timestamp(3))
      OFFSET 0
    ) r
    ORDER BY r."enteredAt", r.id
    FOR UPDATE OF r`;
  return jsonPart<RunRow, RunRow[]>(sql, (rows) => rows);
}

/**
 * What re-entry decisions need (checkReentry): per profile and journey, every
 * run in progress (one, unless a merge brought two profiles' runs together)
 * and the latest one entered, however many times the profile has been
 * through the journey.
 */
export function previousRunsPart(
  refs: readonly ProfileRef[],
  journeyIds: readonly string[],
): JsonPart<Map<string, Map<string, KnownRun[]>>> {
  const sql =
    refs.length === 0 || journeyIds.length === 0
      ? null
      : Prisma.sql`
    SELECT id, "journeyId", "profileId", "enteredAt", "endedAt" FROM (
      SELECT r.id, r."journeyId", r."profileId"::text AS "profileId", r."enteredAt", r."endedAt",
             row_number() OVER (PARTITION BY r."profileId", r."journeyId"
                                ORDER BY r."enteredAt" DESC) AS recency
      FROM unnest(${refs.map((r) => r.workspaceId)}::text[], ${refs.map((r) => r.profileId)}::uuid[])
        AS ref(ws, pid)
      -- Per profile by (workspaceId, profileId), not per journey (OFFSET 0: not flattened).
      CROSS JOIN LATERAL (
        SELECT r.id, r."journeyId", r."profileId", r."enteredAt", r."endedAt" FROM journey_runs r
        WHERE r."workspaceId" = ref.ws AND r."profileId" = ref.pid
          AND r."journeyId" = ANY(${[...journeyIds]}::text[])
        OFFSET 0
      ) r
    ) runs
    WHERE "endedAt" IS NULL OR recency = 1`;
  return jsonPart<
    { id: string; journeyId: string; profileId: string; enteredAt: string; endedAt: string | null },
    Map<string, Map<string, KnownRun[]>>
  >(sql, (rows) => {
    const out = new Map<string, Map<string, KnownRun[]>>();
    for (const row of rows) {
      const byJourney = out.get(row.profileId) ?? new Map<string, KnownRun[]>();
      out.set(row.profileId, byJourney);
      const list = byJourney.get(row.journeyId) ?? [];
      list.push({
        runId: row.id,
        enteredAt: jsonTimestamp(row.enteredAt),
        endedAt: jsonTimestamp(row.endedAt),
      });
      byJourney.set(row.journeyId, list);
    }
    return out;
  });
}
