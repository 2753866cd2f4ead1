import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * For the email worker (lib/channels/email/): when a journey's message
 * finally fails at the provider (or bounces), add a "failed" decision to its
 * run's trace, so the explainer shows why the user never got it. Call it in
 * the transaction that records the failure; a message not sent by a journey
 * is left alone.
 */
export async function traceSendFailure(
  tx: Prisma.TransactionClient,
  input: { workspaceId: string; messageId: string; reason: string; at: Date },
): Promise<void> {
  const message = await tx.message.findFirst({
    where: { id: input.messageId, workspaceId: input.workspaceId, source: "journey" },
    select: { runId: true, journeyId: true, nodeId: true, channel: true, idempotencyKey: true },
  });
  if (!message?.runId || !message.journeyId) return;
  await tx.runTrace.create({
    data: {
      workspaceId: input.workspaceId,
      journeyId: message.journeyId,
      runId: message.runId,
      nodeId: message.nodeId,
      decision: "failed",
      reason: `Not delivered: ${input.reason}`,
      data: {
        channel: message.channel,
        messageId: input.messageId,
        idempotencyKey: message.idempotencyKey,
      },
      at: input.at,
    },
  });
}
