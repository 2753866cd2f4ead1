import "server-only";
import { randomUUID } from "node:crypto";
import { type RawDb, sql, sqlTransaction } from "@/lib/db/sql";
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
//
// Batches (form-email-batches.ts) are claimed whole, in one transaction:
// 1. Batches already formed (a batchKey is set: a retry, or a worker died
//    with it) come first, up to `limit`, each as one unit. A batch is taken
//    only under pg_try_advisory_xact_lock(hashtextextended(batchKey, 0)),
//    and only if every mate still in flight (queued or sending) is due and
//    could be locked; otherwise it waits for the next round. So two workers
//    never each hold part of a batch, and its mates stay in step: they are
//    always claimed, renewed and written together.
// 2. Then single rows (no batchKey), as before, up to what is left of
//    `limit`. A row never claimed before (firstAttemptAt IS NULL: no
//    provider key of it was ever used) is "fresh".
// 3. For each workspace with a fresh row among them, more fresh due rows of
//    that workspace are claimed with it, up to MAX_BATCH_SIZE in all, so a
//    burst leaves in requests of up to 100 emails.

/** Resend's batch endpoint takes at most 100 emails per request. */
export const MAX_BATCH_SIZE = 100;

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
  /** The batch it goes out in (null: a single send). */
  batchKey: string | null;
  /** Never claimed before this claim: it may join a new batch. */
  fresh: boolean;
}

/** A formed batch, claimed whole: every mate in flight, under one leaseId. */
export interface ClaimedBatch {
  workspaceId: string;
  batchKey: string;
  leaseId: string;
  /** The mates this claim leased, by id. */
  messages: ClaimedEmail[];
}

export interface ClaimedWork {
  batches: ClaimedBatch[];
  singles: ClaimedEmail[];
}

/** Claims up to `limit` units of work (a batch or a single email each). */
export async function claimDueEmails(
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<ClaimedWork> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return sqlTransaction(async (tx) => {
    const batches = await claimFormedBatches(tx, now, leaseUntil, limit);
    const room = limit - batches.length;
    const singles = room > 0 ? await claimSingles(tx, now, leaseUntil, room) : [];
    const topUp = await claimFreshMates(tx, now, leaseUntil, singles);
    return { batches, singles: [...singles, ...topUp] };
  });
}

async function claimFormedBatches(
  tx: RawDb,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedBatch[]> {
  const due = await tx.$queryRaw<{ workspaceId: string; batchKey: string }[]>`
    SELECT "workspaceId", "batchKey" FROM messages
    WHERE "batchKey" IS NOT NULL AND channel = 'email' AND status IN ('queued', 'sending')
      AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now}::timestamp(3))
      AND NOT EXISTS (
        SELECT 1 FROM email_pacers p
        WHERE p."workspaceId" = messages."workspaceId"
          AND p."nextSlotAt" > (clock_timestamp() AT TIME ZONE 'UTC')::timestamp(3)
                               + make_interval(secs => ${PACER_HORIZON_MS / 1000}::float8))
    GROUP BY "workspaceId", "batchKey"
    ORDER BY min(COALESCE("nextAttemptAt", "createdAt")), "batchKey"
    LIMIT ${limit}`;
  if (due.length === 0) return [];
  const workspaceIds = due.map((d) => d.workspaceId);
  const batchKeys = due.map((d) => d.batchKey);
  // Every mate in flight, locked without waiting, with the number there are:
  // a batch is taken only when all of them are due and now ours.
  const rows = await tx.$queryRaw<
    { id: string; batchKey: string; isDue: boolean; inFlight: number }[]
  >`
    WITH mine AS (
      SELECT b."workspaceId", b."batchKey" FROM unnest(${workspaceIds}::text[], ${batchKeys}::text[])
        AS b("workspaceId", "batchKey")
      WHERE pg_try_advisory_xact_lock(hashtextextended(b."batchKey", 0))
    ),
    counted AS (
      SELECT m."batchKey", count(*)::int AS "inFlight" FROM messages m
      JOIN mine USING ("workspaceId", "batchKey")
      WHERE m.status IN ('queued', 'sending')
      GROUP BY m."batchKey"
    ),
    locked AS (
      SELECT m.id, m."batchKey",
        (m."nextAttemptAt" IS NULL OR m."nextAttemptAt" <= ${now}::timestamp(3)) AS "isDue"
      FROM messages m
      WHERE (m."workspaceId", m."batchKey") IN (SELECT "workspaceId", "batchKey" FROM mine)
        AND m.status IN ('queued', 'sending')
      ORDER BY m.id
      FOR UPDATE SKIP LOCKED
    )
    SELECT locked.id, locked."batchKey", locked."isDue", counted."inFlight"
    FROM locked JOIN counted USING ("batchKey")`;
  const byKey = new Map<string, { ids: string[]; whole: boolean; inFlight: number }>();
  for (const row of rows) {
    const entry = byKey.get(row.batchKey) ?? { ids: [], whole: true, inFlight: row.inFlight };
    entry.ids.push(row.id);
    entry.whole &&= row.isDue;
    byKey.set(row.batchKey, entry);
  }
  const takenKeys: string[] = [];
  const leases: string[] = [];
  for (const [key, entry] of byKey) {
    if (!entry.whole || entry.ids.length !== entry.inFlight) continue;
    takenKeys.push(key);
    leases.push(randomUUID());
  }
  if (takenKeys.length === 0) return [];
  const claimed = await tx.$queryRaw<ClaimedEmail[]>`
    UPDATE messages m
    SET status = 'sending', attempts = m.attempts + 1, "leaseId" = b.lease,
        "firstAttemptAt" = COALESCE(m."firstAttemptAt", ${now}::timestamp(3)),
        "nextAttemptAt" = ${leaseUntil}::timestamp(3), "updatedAt" = ${now}::timestamp(3)
    FROM unnest(${takenKeys}::text[], ${leases}::text[]) AS b("batchKey", lease)
    WHERE m."batchKey" = b."batchKey" AND m.status IN ('queued', 'sending')
      AND m."workspaceId" = ANY(${workspaceIds}::text[])
    RETURNING m.id, m."workspaceId", m."profileId"::text AS "profileId", m."idempotencyKey",
              m."keyGeneration", m."leaseId", m."toAddress", m.transactional, m.attempts,
              m."firstAttemptAt", m.rendered, m."batchKey", false AS fresh`;
  const batches = new Map<string, ClaimedBatch>();
  for (const message of claimed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const key = message.batchKey as string;
    const batch = batches.get(key) ?? {
      workspaceId: message.workspaceId,
      batchKey: key,
      leaseId: message.leaseId,
      messages: [],
    };
    batch.messages.push(message);
    batches.set(key, batch);
  }
  return [...batches.values()];
}

async function claimSingles(
  tx: RawDb,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedEmail[]> {
  return tx.$queryRaw<ClaimedEmail[]>`
    WITH due AS (
      SELECT id, "firstAttemptAt" IS NULL AS fresh FROM messages
      WHERE channel = 'email' AND status IN ('queued', 'sending') AND "batchKey" IS NULL
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
              m."firstAttemptAt", m.rendered, m."batchKey", due.fresh`;
}

/** More fresh due rows of each workspace that has a fresh row in this claim. */
async function claimFreshMates(
  tx: RawDb,
  now: Date,
  leaseUntil: Date,
  singles: ClaimedEmail[],
): Promise<ClaimedEmail[]> {
  const freshPer = new Map<string, number>();
  for (const m of singles) {
    if (m.fresh) freshPer.set(m.workspaceId, (freshPer.get(m.workspaceId) ?? 0) + 1);
  }
  const wanted = [...freshPer].filter(([, n]) => n < MAX_BATCH_SIZE);
  if (wanted.length === 0) return [];
  return tx.$queryRaw<ClaimedEmail[]>`
    WITH want AS (
      SELECT * FROM unnest(${wanted.map(([w]) => w)}::text[], ${wanted.map(([, n]) => MAX_BATCH_SIZE - n)}::int[])
        AS w("workspaceId", n)
    ),
    due AS (
      SELECT pick.id FROM want CROSS JOIN LATERAL (
        SELECT id FROM messages
        WHERE "workspaceId" = want."workspaceId" AND channel = 'email' AND status = 'queued'
          AND "batchKey" IS NULL AND "firstAttemptAt" IS NULL
          AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now}::timestamp(3))
        ORDER BY COALESCE("nextAttemptAt", "createdAt") ASC, id ASC
        LIMIT want.n
        FOR UPDATE SKIP LOCKED
      ) pick
    )
    UPDATE messages m
    SET status = 'sending', attempts = m.attempts + 1, "leaseId" = gen_random_uuid()::text,
        "firstAttemptAt" = ${now}::timestamp(3),
        "nextAttemptAt" = ${leaseUntil}::timestamp(3), "updatedAt" = ${now}::timestamp(3)
    FROM due WHERE m.id = due.id
    RETURNING m.id, m."workspaceId", m."profileId"::text AS "profileId", m."idempotencyKey",
              m."keyGeneration", m."leaseId", m."toAddress", m.transactional, m.attempts,
              m."firstAttemptAt", m.rendered, m."batchKey", true AS fresh`;
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
