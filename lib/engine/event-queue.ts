import type { RawDb } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProfileRef } from "./load-facts";

// The engine's work queue: ingestion adds one engine_queue row per event a
// live journey can react to (lib/ingest/insert-events.ts), in the same
// transaction as the event; the engine's event task claims them in id order
// with SKIP LOCKED and deletes them in the transaction that evaluates them.

export interface QueuedEvent {
  queueId: bigint;
  workspaceId: string;
  eventId: string | null;
  profileId: string | null;
  type: string | null;
  name: string | null;
  properties: Prisma.JsonValue;
  timestamp: Date | null;
  receivedAt: Date | null;
}

/**
 * An event waits while its profile has a timer due before it that is not yet
 * final (due after `finalBefore`, i.e. within the allowed lateness of now): an
 * event that happened before that timer may still arrive, and must reach the
 * run first. The timer fires once final (process-due-runs.ts), and the event
 * is claimed in the worker's next round. An event never waits longer than the
 * allowed lateness, and only one that came right after one of its profile's timers.
 */
function notWaitingForTimer(finalBefore: Date) {
  return Prisma.sql`NOT EXISTS (
    SELECT 1 FROM journey_runs r
    WHERE r."workspaceId" = q."workspaceId" AND r."profileId" = q."profileId"
      AND r."wakeAt" < q."timestamp" AND r."wakeAt" > ${finalBefore}::timestamp(3))`;
}

export async function claimQueuedEvents(
  tx: RawDb,
  limit: number,
  finalBefore: Date,
): Promise<QueuedEvent[]> {
  return tx.$queryRaw<QueuedEvent[]>`
    SELECT i.id AS "queueId", i."workspaceId", e.id::text AS "eventId", e."profileId"::text AS "profileId",
           e.type, e.name, e.properties, e."timestamp", e."receivedAt"
    FROM (SELECT q.id, q."workspaceId", q."eventId" FROM engine_queue q
          WHERE ${notWaitingForTimer(finalBefore)}
          ORDER BY q.id LIMIT ${limit} FOR UPDATE OF q SKIP LOCKED) i
    LEFT JOIN events e ON e.id = i."eventId" AND e."workspaceId" = i."workspaceId"
    ORDER BY i.id`;
}

/**
 * Profiles that another worker still holds an earlier event of: it claimed
 * first but may lock later, and each profile's events must be evaluated in
 * order. Run after taking the profiles' locks, in its own statement, so that
 * it sees what the lock holder committed. An earlier event waiting for a
 * timer (notWaitingForTimer) is held by nobody: it does not hold the profile up.
 */
export async function profilesWithEarlierEvents(
  tx: RawDb,
  claimed: readonly QueuedEvent[],
  finalBefore: Date,
): Promise<Set<string>> {
  const profileIds = uniqueRefs(claimed).map((r) => r.profileId);
  if (profileIds.length === 0) return new Set();
  const ids = claimed.map((r) => r.queueId);
  const max = claimed[claimed.length - 1]?.queueId ?? 0n; // claimed in id order
  const rows = await tx.$queryRaw<{ profileId: string }[]>`
    SELECT DISTINCT e."profileId"::text AS "profileId"
    FROM engine_queue q JOIN events e ON e.id = q."eventId" AND e."workspaceId" = q."workspaceId"
    WHERE q.id < ${max} AND q.id <> ALL(${ids}::bigint[])
      AND e."profileId" = ANY(${profileIds}::uuid[])
      AND ${notWaitingForTimer(finalBefore)}`;
  return new Set(rows.map((r) => r.profileId));
}

export function uniqueRefs(rows: readonly QueuedEvent[]): ProfileRef[] {
  const seen = new Map<string, ProfileRef>();
  for (const row of rows) {
    if (row.profileId)
      seen.set(row.profileId, { workspaceId: row.workspaceId, profileId: row.profileId });
  }
  return [...seen.values()];
}
