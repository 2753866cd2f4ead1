import type { RawDb } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
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

export async function claimQueuedEvents(tx: RawDb, limit: number): Promise<QueuedEvent[]> {
  return tx.$queryRaw<QueuedEvent[]>`
    SELECT i.id AS "queueId", i."workspaceId", e.id::text AS "eventId", e."profileId"::text AS "profileId",
           e.type, e.name, e.properties, e."timestamp", e."receivedAt"
    FROM (SELECT id, "workspaceId", "eventId" FROM engine_queue
          ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED) i
    LEFT JOIN events e ON e.id = i."eventId" AND e."workspaceId" = i."workspaceId"
    ORDER BY i.id`;
}

/**
 * Profiles that another worker still holds an earlier event of: it claimed
 * first but may lock later, and each profile's events must be evaluated in
 * order. Run after taking the profiles' locks, in its own statement, so that
 * it sees what the lock holder committed.
 */
export async function profilesWithEarlierEvents(
  tx: RawDb,
  claimed: readonly QueuedEvent[],
): Promise<Set<string>> {
  const profileIds = uniqueRefs(claimed).map((r) => r.profileId);
  if (profileIds.length === 0) return new Set();
  const ids = claimed.map((r) => r.queueId);
  const max = claimed[claimed.length - 1]?.queueId ?? 0n; // claimed in id order
  const rows = await tx.$queryRaw<{ profileId: string }[]>`
    SELECT DISTINCT e."profileId"::text AS "profileId"
    FROM engine_queue i JOIN events e ON e.id = i."eventId" AND e."workspaceId" = i."workspaceId"
    WHERE i.id < ${max} AND i.id <> ALL(${ids}::bigint[])
      AND e."profileId" = ANY(${profileIds}::uuid[])`;
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
