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
      AND r."wakeAt" < q."timestamp" AND r."wakeAt" > ${finalBefore}::timestamp(3)
    -- OFFSET 0: a probe per queued row by (workspace, profile), never a join
    -- that a plan made while journey_runs looked empty would make a scan.
    OFFSET 0)`;
}

/**
 * Claims up to `limit` queued events. By default in commit order, as soon as
 * they are committed. In strict order (allowed-lateness.ts) only events whose
 * lateness has passed (event time ≤ `finalBefore`), in event-time order: by
 * then every event of the profile that happened before them has arrived.
 */
export async function claimQueuedEvents(
  tx: RawDb,
  limit: number,
  finalBefore: Date,
  strict = false,
): Promise<QueuedEvent[]> {
  const ready = strict
    ? Prisma.sql`AND (q."timestamp" IS NULL OR q."timestamp" <= ${finalBefore}::timestamp(3))`
    : Prisma.empty;
  const order = strict ? Prisma.sql`q."timestamp" NULLS FIRST, q.id` : Prisma.sql`q.id`;
  return tx.$queryRaw<QueuedEvent[]>`
    SELECT i.id AS "queueId", i."workspaceId", e.id::text AS "eventId", e."profileId"::text AS "profileId",
           e.type, e.name, e.properties, e."timestamp", e."receivedAt"
    FROM (SELECT q.id, q."workspaceId", q."eventId", q."timestamp" FROM engine_queue q
          WHERE ${notWaitingForTimer(finalBefore)} ${ready}
          ORDER BY ${order} LIMIT ${limit} FOR UPDATE OF q SKIP LOCKED) i
    -- Each claimed row's event by its id (OFFSET 0: a probe per row, pruned to its
    -- partition; as a join, a plan made while events was small scanned all of it).
    LEFT JOIN LATERAL (
      SELECT e.id, e."profileId", e.type, e.name, e.properties, e."timestamp", e."receivedAt"
      FROM events e WHERE e.id = i."eventId" AND e."workspaceId" = i."workspaceId"
      OFFSET 0
    ) e ON true
    ORDER BY ${strict ? Prisma.sql`i."timestamp" NULLS FIRST, i.id` : Prisma.sql`i.id`}`;
}

/** In strict order: when the earliest queued event's lateness passes (null: none queued). */
export async function nextQueuedEventDueAt(db: RawDb, latenessMs: number): Promise<Date | null> {
  const rows = await db.$queryRaw<{ at: Date | null }[]>`
    SELECT min("timestamp") AS at FROM engine_queue`;
  const at = rows[0]?.at ?? null;
  return at && new Date(at.getTime() + latenessMs);
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
  strict = false,
): Promise<Set<string>> {
  const profileIds = uniqueRefs(claimed).map((r) => r.profileId);
  if (profileIds.length === 0) return new Set();
  const ids = claimed.map((r) => r.queueId);
  const last = claimed[claimed.length - 1]; // claimed in id order (strict: in event-time order)
  // Strict: an unclaimed event of the profile that happened before the last claimed one.
  const earlier =
    strict && last?.timestamp
      ? Prisma.sql`q."timestamp" < ${last.timestamp}::timestamp(3)`
      : Prisma.sql`q.id < ${last?.queueId ?? 0n}`;
  const rows = await tx.$queryRaw<{ profileId: string }[]>`
    SELECT DISTINCT e."profileId"::text AS "profileId"
    FROM engine_queue q
    CROSS JOIN LATERAL (
      SELECT e."profileId" FROM events e
      WHERE e.id = q."eventId" AND e."workspaceId" = q."workspaceId"
      OFFSET 0 -- a probe per queued row (see claimQueuedEvents)
    ) e
    WHERE ${earlier} AND q.id <> ALL(${ids}::bigint[])
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
