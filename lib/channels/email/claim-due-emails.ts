import "server-only";
import { sql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PACER_HORIZON_MS } from "./pace-sends";

// Claiming is a lease (email-lease.ts): due rows (queued, or "sending" whose
// lease ran out because its worker died) go to "sending" with a fresh
// leaseId and nextAttemptAt = end of the lease, under FOR UPDATE SKIP
// LOCKED, so any number of workers on any number of machines each take
// different rows.
//
// Fairness: rows are taken in order of when they became due,
// COALESCE(nextAttemptAt, createdAt), so a retry that is due competes with
// new mail by its due time and is never starved by a stream of new
// messages. A workspace whose pacer is already booked more than
// PACER_HORIZON_MS ahead is skipped, so one slow workspace's backlog cannot
// fill a worker's pool while others wait.

export interface ClaimedEmail {
  id: string;
  workspaceId: string;
  profileId: string;
  idempotencyKey: string;
  keyGeneration: number;
  leaseId: string;
  toAddress: string | null;
  transactional: boolean;
  attempts: number;
  firstAttemptAt: Date | null;
  rendered: Prisma.JsonValue;
}

export async function claimDueEmails(
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<ClaimedEmail[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return sql.$queryRaw<ClaimedEmail[]>`
    WITH due AS (
      SELECT id FROM messages
      WHERE channel = 'email' AND status IN ('queued', 'sending')
        AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now}::timestamp(3))
        AND NOT EXISTS (
          SELECT 1 FROM email_pacers p
          WHERE p."workspaceId" = messages."workspaceId"
            AND p."nextSlotAt" > (clock_timestamp() AT TIME ZONE 'UTC')::timestamp(3)
                                 + make_interval(secs => ${PACER_HORIZON_MS / 1000}::float8))
      ORDER BY COALESCE("nextAttemptAt", "createdAt") ASC, id ASC
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE messages m
    SET status = 'sending', attempts = m.attempts + 1, "leaseId" = gen_random_uuid()::text,
        "firstAttemptAt" = COALESCE(m."firstAttemptAt", ${now}::timestamp(3)),
        "nextAttemptAt" = ${leaseUntil}::timestamp(3), "updatedAt" = ${now}::timestamp(3)
    FROM due WHERE m.id = due.id
    RETURNING m.id, m."workspaceId", m."profileId"::text AS "profileId", m."idempotencyKey",
              m."keyGeneration", m."leaseId", m."toAddress", m.transactional, m.attempts,
              m."firstAttemptAt", m.rendered`;
}

/** When the next email is due (null: none pending); the worker sleeps until then. */
export async function nextEmailDueAt(): Promise<Date | null> {
  const [next] = await sql.$queryRaw<{ dueAt: Date | null }[]>`
    SELECT "nextAttemptAt" AS "dueAt" FROM messages
    WHERE channel = 'email' AND status IN ('queued', 'sending')
    ORDER BY "nextAttemptAt" ASC NULLS FIRST
    LIMIT 1`;
  if (!next) return null;
  return next.dueAt ?? new Date(0);
}
