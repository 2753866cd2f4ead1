import "server-only";
import { sql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import { errorText } from "@/lib/log/error-text";
import { callProvider } from "./call-provider";
import type { ClaimedBatch, ClaimedEmail } from "./claim-due-emails";
import { OUTBOX_NOTE } from "./email-policy";
import { emailRequest } from "./email-request";
import type { Sender } from "./form-email-batches";
import { holdSendSlots, waitForSendSlot } from "./pace-sends";
import { recordBatchOutcome, recordBatchSplit } from "./record-batch-outcome";
import { type DeliveryResult, finishDelivery } from "./record-send-outcome";
import { batchIdempotencyKey, createResendClient, resolveResendApiKey } from "./resend-client";
import { type BatchAnswer, classifyBatchAnswer } from "./retry-policy";

// One attempt of a formed batch: one pacer slot, one POST /emails/batch
// under the batch's Idempotency-Key, one record for all mates. The request
// is rebuilt from every member of the batch (by id: the same members, the
// same order, the same content on every attempt), so a retry after a
// timeout or a dead worker is the identical request and Resend answers it
// with the first answer instead of sending again.

export interface DeliveryContext {
  clock: () => Date;
  timeoutMs: number;
  maxAttempts: number;
  random: () => number;
}

interface Member {
  id: string;
  workspaceId: string;
  idempotencyKey: string;
  toAddress: string | null;
  rendered: Prisma.JsonValue;
}

/** Each leased mate's result; a split hands every mate to `sendAlone`. */
export async function deliverBatch(
  batch: ClaimedBatch,
  workspace: Sender | undefined,
  ctx: DeliveryContext,
  sendAlone: (message: ClaimedEmail) => Promise<DeliveryResult>,
): Promise<DeliveryResult[]> {
  const each = (status: "failed" | "outbox", reason: string | null, data = {}) =>
    Promise.all(batch.messages.map((m) => finishDelivery(m, ctx.clock(), status, reason, data)));
  if (!workspace) return each("failed", "The workspace no longer exists.");
  const apiKey = resolveResendApiKey(workspace);
  if (!apiKey) return each("outbox", null, { note: OUTBOX_NOTE });

  // Every member, also one a webhook already moved on (the batch went out
  // before): leaving it out would make a different request.
  const members = await sql.$queryRaw<Member[]>`
    SELECT id, "workspaceId", "idempotencyKey", "toAddress", rendered FROM messages
    WHERE "workspaceId" = ${batch.workspaceId} AND "batchKey" = ${batch.batchKey}
    ORDER BY id`;
  let payloads: ReturnType<typeof emailRequest>["payload"][];
  try {
    payloads = members.map((m) => emailRequest(m, workspace).payload);
  } catch (error) {
    // Cannot happen for a batch formed here (each mate's request was built then).
    const failed = { kind: "failed", reason: errorText(error) } as const;
    const result = await recordBatchOutcome(batch, [], failed, ctx.clock());
    return batch.messages.map(() => result);
  }
  await waitForSendSlot(workspace.id, workspace.emailRatePerSecond);

  const answer: BatchAnswer = await callProvider(ctx.timeoutMs, async (signal) => {
    const response = await createResendClient(apiKey).batch.send(payloads, {
      idempotencyKey: batchIdempotencyKey(batch.workspaceId, batch.batchKey),
      signal,
    });
    return { ...response, data: response.data as BatchAnswer["data"] };
  });
  const answeredAt = ctx.clock();
  const outcome = classifyBatchAnswer(answer, members.length, {
    attempt: Math.max(...batch.messages.map((m) => m.attempts)),
    maxAttempts: ctx.maxAttempts,
    now: answeredAt,
    firstAttemptAt: earliest(batch.messages.map((m) => m.firstAttemptAt)),
    random: ctx.random,
  });
  if (outcome.kind === "rate_limited") await holdSendSlots(workspace.id, outcome.retryAfterMs);
  if (outcome.kind === "split") {
    const alone = new Set(await recordBatchSplit(batch, outcome.reason, answeredAt));
    return Promise.all(
      batch.messages
        .filter((m) => alone.has(m.id))
        .map((m) => sendAlone({ ...m, batchKey: null, fresh: false })),
    );
  }
  const result = await recordBatchOutcome(
    batch,
    members.map((m) => m.id),
    outcome,
    answeredAt,
  );
  return batch.messages.map(() => result);
}

function earliest(dates: (Date | null)[]): Date | null {
  const times = dates.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}
