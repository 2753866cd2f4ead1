import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimedEmail } from "./claim-due-emails";
import type { SendOutcome } from "./retry-policy";

// Writing down what happened to one claimed email, with its timeline event,
// in one transaction. Every write except "sent" is guarded by the lease
// (status "sending" and this claim's attempt number), so a worker that
// outlived its lease cannot overwrite the work of the one that took over.

export type DeliveryResult = "sent" | "retried" | "failed" | "skipped" | "outbox";

export async function recordSendOutcome(
  message: ClaimedEmail,
  outcome: SendOutcome,
  now: Date,
): Promise<DeliveryResult> {
  switch (outcome.kind) {
    case "sent":
      await prisma.$transaction([
        // Not guarded by the lease: the provider accepted it, so it is sent
        // whoever records it; a webhook may already have moved it further.
        prisma.$executeRaw`
          UPDATE messages SET "providerId" = ${outcome.providerId},
            "sentAt" = COALESCE("sentAt", ${now}::timestamp(3)), "nextAttemptAt" = NULL, error = NULL,
            status = CASE WHEN status IN ('sending', 'queued') THEN 'sent'::"MessageStatus" ELSE status END,
            "updatedAt" = ${now}::timestamp(3)
          WHERE id = ${message.id} AND "workspaceId" = ${message.workspaceId}`,
        prisma.messageEvent.create({
          data: {
            messageId: message.id,
            type: "sent",
            at: now,
            data: { providerId: outcome.providerId, attempt: message.attempts },
          },
        }),
      ]);
      return "sent";
    case "retry":
      await prisma.$transaction(async (tx) => {
        const { count } = await tx.message.updateMany({
          where: leased(message),
          data: { status: "queued", nextAttemptAt: outcome.at, error: outcome.reason },
        });
        if (count === 0) return;
        await tx.messageEvent.create({
          data: {
            messageId: message.id,
            type: "retry",
            at: now,
            data: {
              attempt: message.attempts,
              reason: outcome.reason,
              nextAttemptAt: outcome.at.toISOString(),
            },
          },
        });
      });
      return "retried";
    case "failed":
      return finishDelivery(message, now, "failed", outcome.reason, { attempt: message.attempts });
    default: {
      const unknown: never = outcome;
      throw new Error(`Unknown outcome ${JSON.stringify(unknown)}`);
    }
  }
}

/** A final state; only the worker holding the lease (same attempt number) may write it. */
export async function finishDelivery(
  message: ClaimedEmail,
  now: Date,
  status: "failed" | "skipped" | "outbox",
  reason: string | null,
  data: Prisma.InputJsonObject = {},
): Promise<DeliveryResult> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.message.updateMany({
      where: leased(message),
      data: { status, nextAttemptAt: null, error: reason },
    });
    if (count === 0) return;
    await tx.messageEvent.create({
      data: {
        messageId: message.id,
        type: status,
        at: now,
        data: reason ? { ...data, reason } : data,
      },
    });
  });
  return status;
}

function leased(message: ClaimedEmail): Prisma.MessageWhereInput {
  return {
    id: message.id,
    workspaceId: message.workspaceId,
    status: "sending",
    attempts: message.attempts,
  };
}
