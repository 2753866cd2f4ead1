import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { sql, sqlTransaction } from "@/lib/db/sql";
import { notifyWorkers } from "@/lib/worker/run-worker";
import { EMAIL_DELIVERY_TASK } from "./email-task";
import { RETRY_WINDOW_MS } from "./retry-policy";

// The dead-letter queue's re-drive: failed emails go back to "queued" with
// a fresh retry budget. Inside the key's lifetime (first sent less than
// 23 h ago, the retry window) the retry reuses the Idempotency-Key, so if
// the first try did reach Resend it is not sent twice. Outside it Resend
// has forgotten the key: re-driving could send a second copy, so it is
// refused unless the caller confirms with `newKey: true`, which gives the
// message a new key (keyGeneration + 1).
//
// An email that failed in a batch (form-email-batches.ts) was last tried
// under the batch's key, which Resend may have accepted (a timeout, then
// giving up). Inside the key's lifetime it is re-driven with its whole batch:
// every failed mate goes back to the queue with the batch key kept, and the
// claim sends the identical batch again, so Resend answers with the first
// answer if it did go out. The mates are listed in `requeued` too. Outside
// the key's lifetime (newKey: true) the batch key is dropped with the old
// key: the email is new to Resend and may join a new batch.

export const redriveInputSchema = z
  .strictObject({
    ids: z.array(z.string().min(1).max(100)).min(1).max(1000).optional(),
    /** Every failed email whose last attempt is at or after this time. */
    failedSince: z.iso.datetime({ offset: true }).optional(),
    /** Confirms sending messages whose key expired with a new key. */
    newKey: z.boolean().optional(),
  })
  .refine((input) => (input.ids ? !input.failedSince : Boolean(input.failedSince)), {
    message: "Give either ids (a selection) or failedSince (all failed since a time).",
    path: ["ids"],
  });
export type RedriveInput = z.infer<typeof redriveInputSchema>;

export interface RedriveResult {
  /** Queued again with their original key. */
  requeued: string[];
  /** Queued again with a new key (newKey: true). */
  newKeys: string[];
  /** Asked for but not a failed email of this workspace. */
  skipped: string[];
}

interface FailedRow {
  id: string;
  keyExpired: boolean;
  batchKey: string | null;
}

export async function redriveFailedEmails(
  workspaceId: string,
  input: RedriveInput,
  now = new Date(),
): Promise<RedriveResult> {
  const keyCutoff = new Date(now.getTime() - RETRY_WINDOW_MS);
  const rows = input.ids
    ? await sql.$queryRaw<FailedRow[]>`
        SELECT id, ("firstAttemptAt" IS NOT NULL AND "firstAttemptAt" < ${keyCutoff}::timestamp(3)) AS "keyExpired",
          "batchKey"
        FROM messages
        WHERE "workspaceId" = ${workspaceId} AND channel = 'email' AND status = 'failed'
          AND id = ANY(${input.ids}::text[])`
    : await sql.$queryRaw<FailedRow[]>`
        SELECT id, ("firstAttemptAt" IS NOT NULL AND "firstAttemptAt" < ${keyCutoff}::timestamp(3)) AS "keyExpired",
          "batchKey"
        FROM messages
        WHERE "workspaceId" = ${workspaceId} AND channel = 'email' AND status = 'failed'
          AND "updatedAt" >= ${new Date(input.failedSince as string)}::timestamp(3)`;
  // The failed mates of batches still inside their key's lifetime come along.
  const batchKeys = [
    ...new Set(rows.filter((r) => r.batchKey && !r.keyExpired).map((r) => r.batchKey as string)),
  ];
  if (batchKeys.length > 0) {
    const asked = new Set(rows.map((r) => r.id));
    const mates = await sql.$queryRaw<FailedRow[]>`
      SELECT id, ("firstAttemptAt" IS NOT NULL AND "firstAttemptAt" < ${keyCutoff}::timestamp(3)) AS "keyExpired",
        "batchKey"
      FROM messages
      WHERE "workspaceId" = ${workspaceId} AND channel = 'email' AND status = 'failed'
        AND "batchKey" = ANY(${batchKeys}::text[])
      ORDER BY id`;
    rows.push(...mates.filter((m) => !asked.has(m.id) && !m.keyExpired));
  }
  const found = new Set(rows.map((r) => r.id));
  const skipped = (input.ids ?? []).filter((id) => !found.has(id));
  const expired = rows.filter((r) => r.keyExpired).map((r) => r.id);
  if (expired.length > 0 && !input.newKey) {
    throw new ApiError(
      "conflict",
      `${expired.length} of these emails were first sent more than 23 hours ago. Resend no longer remembers their idempotency key, so if the first attempt did go out, a retry sends a second copy. Retry them with newKey: true to confirm.`,
      { details: { keyExpired: expired } },
    );
  }
  const keep = rows.filter((r) => !r.keyExpired).map((r) => r.id);
  if (rows.length > 0) {
    await sqlTransaction(async (tx) => {
      await tx.$executeRaw`
        UPDATE messages SET status = 'queued', attempts = 0, error = NULL, "nextAttemptAt" = NULL,
          "leaseId" = NULL, "updatedAt" = ${now}::timestamp(3),
          "keyGeneration" = CASE WHEN id = ANY(${expired}::text[]) THEN "keyGeneration" + 1 ELSE "keyGeneration" END,
          "firstAttemptAt" = CASE WHEN id = ANY(${expired}::text[]) THEN NULL ELSE "firstAttemptAt" END,
          "batchKey" = CASE WHEN id = ANY(${expired}::text[]) THEN NULL ELSE "batchKey" END
        WHERE "workspaceId" = ${workspaceId} AND status = 'failed'
          AND id = ANY(${rows.map((r) => r.id)}::text[])`;
      await tx.$executeRaw`
        INSERT INTO message_events ("messageId", type, at, data)
        SELECT id, 'redriven', ${now}::timestamp(3),
          jsonb_build_object('newKey', id = ANY(${expired}::text[]))
        FROM unnest(${rows.map((r) => r.id)}::text[]) AS id`;
      await notifyWorkers(tx, EMAIL_DELIVERY_TASK);
    });
  }
  return { requeued: keep, newKeys: expired, skipped };
}
