import "server-only";
import { type RawDb, sqlTransaction } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimedEmail } from "./claim-due-emails";
import type { SendOutcome } from "./retry-policy";

// Writing down what happened to one claimed email, with its timeline event,
// in one transaction. Every write except "sent" is guarded by the lease
// (status "sending" and this claim's leaseId), so a worker that outlived
// its lease cannot overwrite the work of the one that took over.

export type DeliveryResult = "sent" | "retried" | "rateLimited" | "failed" | "skipped" | "outbox";

export async function recordSendOutcome(
  message: ClaimedEmail,
  outcome: SendOutcome,
  now: Date,
): Promise<DeliveryResult> {
  switch (outcome.kind) {
    case "sent":
      await sqlTransaction(async (tx) => {
        // Not guarded by the lease: the provider accepted it, so it is sent
        // whoever records it; a webhook may already have moved it further.
        await tx.$executeRaw`
          UPDATE messages SET "providerId" = ${outcome.providerId},
            "sentAt" = COALESCE("sentAt", ${now}::timestamp(3)), "nextAttemptAt" = NULL, error = NULL,
            "leaseId" = NULL,
            status = CASE WHEN status IN ('sending', 'queued') THEN 'sent'::"MessageStatus" ELSE status END,
            "updatedAt" = ${now}::timestamp(3)
          WHERE id = ${message.id} AND "workspaceId" = ${message.workspaceId}`;
        await insertEvent(tx, message, "sent", now, {
          providerId: outcome.providerId,
          attempt: message.attempts,
        });
      });
      return "sent";
    case "retry":
      await sqlTransaction(async (tx) => {
        const count = await updateLeased(tx, message, {
          status: "queued",
          nextAttemptAt: outcome.at,
          error: outcome.reason,
        });
        if (count === 0) return;
        await insertEvent(tx, message, "retry", now, {
          attempt: message.attempts,
          reason: outcome.reason,
          nextAttemptAt: outcome.at.toISOString(),
        });
      });
      return "retried";
    case "rate_limited":
      // Not an attempt: the claim's increment is given back.
      await sqlTransaction(async (tx) => {
        const count = await tx.$executeRaw`
          UPDATE messages SET status = 'queued', attempts = attempts - 1,
            "rateLimited" = "rateLimited" + 1, "leaseId" = NULL,
            "nextAttemptAt" = ${outcome.at}::timestamp(3), error = ${outcome.reason},
            "updatedAt" = ${new Date()}::timestamp(3)
          WHERE id = ${message.id} AND "workspaceId" = ${message.workspaceId}
            AND status = 'sending' AND "leaseId" = ${message.leaseId}`;
        if (count === 0) return;
        await insertEvent(tx, message, "rate_limited", now, {
          retryAfterMs: outcome.retryAfterMs,
          nextAttemptAt: outcome.at.toISOString(),
        });
      });
      return "rateLimited";
    case "failed":
      return finishDelivery(message, now, "failed", outcome.reason, { attempt: message.attempts });
    default: {
      const unknown: never = outcome;
      throw new Error(`Unknown outcome ${JSON.stringify(unknown)}`);
    }
  }
}

/** A final state; only the worker holding the lease (same leaseId) may write it. */
export async function finishDelivery(
  message: ClaimedEmail,
  now: Date,
  status: "failed" | "skipped" | "outbox",
  reason: string | null,
  data: Prisma.InputJsonObject = {},
): Promise<DeliveryResult> {
  await sqlTransaction(async (tx) => {
    const count = await updateLeased(tx, message, { status, nextAttemptAt: null, error: reason });
    if (count === 0) return;
    await insertEvent(tx, message, status, now, reason ? { ...data, reason } : data);
  });
  return status;
}

/** The lease guard: still "sending" under this claim's leaseId. */
function updateLeased(
  tx: RawDb,
  message: ClaimedEmail,
  set: { status: string; nextAttemptAt: Date | null; error: string | null },
): PromiseLike<number> {
  return tx.$executeRaw`
    UPDATE messages SET status = ${set.status}::"MessageStatus",
      "nextAttemptAt" = ${set.nextAttemptAt}::timestamp(3), error = ${set.error},
      "leaseId" = NULL, "updatedAt" = ${new Date()}::timestamp(3)
    WHERE id = ${message.id} AND "workspaceId" = ${message.workspaceId}
      AND status = 'sending' AND "leaseId" = ${message.leaseId}`;
}

function insertEvent(
  tx: RawDb,
  message: ClaimedEmail,
  type: string,
  at: Date,
  data: Prisma.InputJsonObject,
): PromiseLike<number> {
  return tx.$executeRaw`
    INSERT INTO message_events ("messageId", type, at, data)
    VALUES (${message.id}, ${type}, ${at}::timestamp(3), ${JSON.stringify(data)}::jsonb)`;
}
