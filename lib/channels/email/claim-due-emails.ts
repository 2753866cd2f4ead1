import "server-only";
import { sql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";

// Claiming is a lease: due rows (queued, or "sending" whose lease ran out
// because its worker died) go to "sending" with nextAttemptAt = end of the
// lease, under FOR UPDATE SKIP LOCKED, so any number of workers on any
// number of machines each take different rows.

const LEASE_MARGIN_MS = 60_000;

export interface ClaimedEmail {
  id: string;
  workspaceId: string;
  profileId: string;
  idempotencyKey: string;
  toAddress: string | null;
  transactional: boolean;
  attempts: number;
  rendered: Prisma.JsonValue;
}

export async function claimDueEmails(
  now: Date,
  limit: number,
  timeoutMs: number,
): Promise<ClaimedEmail[]> {
  // Longer than any request can take, so only a dead worker's row is reclaimed.
  const leaseUntil = new Date(now.getTime() + timeoutMs + LEASE_MARGIN_MS);
  return sql.$queryRaw<ClaimedEmail[]>`
    WITH due AS (
      SELECT id FROM messages
      WHERE channel = 'email' AND status IN ('queued', 'sending')
        AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now}::timestamp(3))
      ORDER BY "nextAttemptAt" ASC NULLS FIRST, "createdAt" ASC
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE messages m
    SET status = 'sending', attempts = m.attempts + 1,
        "nextAttemptAt" = ${leaseUntil}::timestamp(3), "updatedAt" = ${now}::timestamp(3)
    FROM due WHERE m.id = due.id
    RETURNING m.id, m."workspaceId", m."profileId"::text AS "profileId", m."idempotencyKey",
              m."toAddress", m.transactional, m.attempts, m.rendered`;
}

/** When the next email is due (null: none pending); the worker sleeps until then. */
export async function nextEmailDueAt(): Promise<Date | null> {
  const [next] = await sql.$queryRaw<{ nextAttemptAt: Date | null }[]>`
    SELECT "nextAttemptAt" FROM messages
    WHERE channel = 'email' AND status IN ('queued', 'sending')
    ORDER BY "nextAttemptAt" ASC NULLS FIRST
    LIMIT 1`;
  if (!next) return null;
  return next.nextAttemptAt ?? new Date(0);
}
