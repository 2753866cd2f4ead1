import "server-only";
import { type RawDb, sqlTransaction } from "@/lib/db/sql";
import type { ClaimedBatch } from "./claim-due-emails";
import type { DeliveryResult } from "./record-send-outcome";
import type { BatchOutcome } from "./retry-policy";

// Writing down what one batch request did, for all its mates at once, in
// one transaction: the mates are always updated together, so they stay due
// together and the next claim takes them as the same batch. Like a single
// send's record (record-send-outcome.ts), every write except "sent" is
// guarded by the lease: still "sending" under this claim's leaseId.

export async function recordBatchOutcome(
  batch: ClaimedBatch,
  /** Every member of the batch, in request order (their ids). */
  memberIds: readonly string[],
  outcome: Exclude<BatchOutcome, { kind: "split" }>,
  now: Date,
): Promise<DeliveryResult> {
  const leased = batch.messages.map((m) => m.id);
  const attempt = Math.max(...batch.messages.map((m) => m.attempts));
  switch (outcome.kind) {
    case "sent":
      await sqlTransaction(async (tx) => {
        // Not guarded by the lease: Resend accepted the batch, so every
        // member is sent whoever records it (a member a webhook already
        // moved further keeps its status). The key has done its job.
        const rows = await tx.$queryRaw<{ id: string; providerId: string; was: string }[]>`
          WITH answer AS (
            SELECT * FROM unnest(${[...memberIds]}::text[], ${outcome.providerIds}::text[])
              AS a(id, "providerId")
          ),
          before AS (
            SELECT m.id, m.status FROM messages m JOIN answer USING (id)
            WHERE m."workspaceId" = ${batch.workspaceId}
            ORDER BY m.id FOR UPDATE
          )
          UPDATE messages m SET "providerId" = COALESCE(m."providerId", answer."providerId"),
            "sentAt" = COALESCE(m."sentAt", ${now}::timestamp(3)), "nextAttemptAt" = NULL,
            error = NULL, "leaseId" = NULL, "batchKey" = NULL,
            status = CASE WHEN m.status IN ('sending', 'queued', 'failed') THEN 'sent'::"MessageStatus"
                          ELSE m.status END,
            "updatedAt" = ${now}::timestamp(3)
          FROM answer JOIN before USING (id)
          WHERE m.id = answer.id
          RETURNING m.id, answer."providerId", before.status::text AS was`;
        const moved = rows.filter((r) => ["sending", "queued", "failed"].includes(r.was));
        await insertEvents(
          tx,
          moved.map((m) => m.id),
          "sent",
          now,
          moved.map((m) => ({
            providerId: m.providerId,
            attempt,
            batch: { key: batch.batchKey, size: memberIds.length },
          })),
        );
      });
      return "sent";
    case "retry":
      await sqlTransaction(async (tx) => {
        const ids = await updateLeased(
          tx,
          batch,
          leased,
          "queued",
          outcome.at,
          outcome.reason,
          false,
        );
        await insertEvents(
          tx,
          ids,
          "retry",
          now,
          ids.map(() => ({
            attempt,
            reason: outcome.reason,
            nextAttemptAt: outcome.at.toISOString(),
            batch: batch.batchKey,
          })),
        );
      });
      return "retried";
    case "rate_limited":
      // Not an attempt for any mate: the claim's increment is given back.
      await sqlTransaction(async (tx) => {
        const ids = await updateLeased(
          tx,
          batch,
          leased,
          "queued",
          outcome.at,
          outcome.reason,
          true,
        );
        await insertEvents(
          tx,
          ids,
          "rate_limited",
          now,
          ids.map(() => ({
            retryAfterMs: outcome.retryAfterMs,
            nextAttemptAt: outcome.at.toISOString(),
            batch: batch.batchKey,
          })),
        );
      });
      return "rateLimited";
    case "failed":
      // The key stays: a re-drive sends the same batch again (redrive-failed-emails.ts).
      await sqlTransaction(async (tx) => {
        const ids = await updateLeased(tx, batch, leased, "failed", null, outcome.reason, false);
        await insertEvents(
          tx,
          ids,
          "failed",
          now,
          ids.map(() => ({ attempt, reason: outcome.reason, batch: batch.batchKey })),
        );
      });
      return "failed";
    default: {
      const unknown: never = outcome;
      throw new Error(`Unknown outcome ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * A 4xx on the batch sent nothing: the leased mates leave the batch (its key
 * is cleared) and go on as single sends under the same lease and their own
 * keys. The claim's attempt now stands for each one's single attempt.
 */
export async function recordBatchSplit(
  batch: ClaimedBatch,
  reason: string,
  now: Date,
): Promise<string[]> {
  return sqlTransaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE messages SET "batchKey" = NULL, "updatedAt" = ${now}::timestamp(3)
      WHERE id = ANY(${batch.messages.map((m) => m.id)}::text[])
        AND "workspaceId" = ${batch.workspaceId} AND "batchKey" = ${batch.batchKey}
        AND status = 'sending' AND "leaseId" = ${batch.leaseId}
      RETURNING id`;
    const ids = rows.map((r) => r.id);
    await insertEvents(
      tx,
      ids,
      "unbatched",
      now,
      ids.map(() => ({ reason, batch: batch.batchKey })),
    );
    return ids;
  });
}

async function updateLeased(
  tx: RawDb,
  batch: ClaimedBatch,
  ids: string[],
  status: "queued" | "failed",
  nextAttemptAt: Date | null,
  error: string,
  giveBackAttempt: boolean,
): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE messages SET status = ${status}::"MessageStatus",
      "nextAttemptAt" = ${nextAttemptAt}::timestamp(3), error = ${error}, "leaseId" = NULL,
      attempts = attempts - ${giveBackAttempt ? 1 : 0}::int,
      "rateLimited" = "rateLimited" + ${giveBackAttempt ? 1 : 0}::int,
      "updatedAt" = ${new Date()}::timestamp(3)
    WHERE id = ANY(${ids}::text[]) AND "workspaceId" = ${batch.workspaceId}
      AND status = 'sending' AND "leaseId" = ${batch.leaseId}
    RETURNING id`;
  return rows.map((r) => r.id);
}

function insertEvents(
  tx: RawDb,
  ids: string[],
  type: string,
  at: Date,
  data: object[],
): PromiseLike<number> {
  if (ids.length === 0) return Promise.resolve(0);
  return tx.$executeRaw`
    INSERT INTO message_events ("messageId", type, at, data)
    SELECT e.id, ${type}, ${at}::timestamp(3), e.data
    FROM unnest(${ids}::text[], ${data.map((d) => JSON.stringify(d))}::jsonb[]) AS e(id, data)`;
}
