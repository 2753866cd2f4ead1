import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "@/lib/db/sql";
import { type ClaimedBatch, type ClaimedEmail, MAX_BATCH_SIZE } from "./claim-due-emails";
import { deliveryGates } from "./delivery-gates";
import { emailRequest } from "./email-request";
import { type DeliveryResult, finishDelivery } from "./record-send-outcome";
import { type EmailSettings, resolveResendApiKey } from "./resend-client";

// Forming batches from a claim (Resend's POST /emails/batch: up to 100
// emails, one Idempotency-Key for the whole request).
//
// Exactly once rests on one rule: a batch, once formed, is only ever sent as
// the identical request (the same mates, in id order, with the same content,
// under the same key), because Resend answers a repeated key + body with the
// first answer and sends nothing again. So:
// - only fresh messages form a batch (never claimed before: no key of theirs
//   was ever used), two or more of one workspace from one claim, and only
//   for a workspace that sends through Resend;
// - the send-time gates (suppression, unsubscribe) are checked here, once: a
//   retry of a formed batch resends it unchanged, even if a mate unsubscribed
//   meanwhile (Resend may already have sent it);
// - the batchKey is written under the lease, in one statement for all mates,
//   before the first request; from then on the claim takes the batch whole.

export type Sender = EmailSettings & { id: string; emailRatePerSecond: number };

export type EmailSend =
  | { kind: "single"; message: ClaimedEmail }
  | { kind: "batch"; batch: ClaimedBatch };

export interface FormedSends {
  sends: EmailSend[];
  /** Messages a gate stopped while forming (recorded as skipped). */
  finished: { message: ClaimedEmail; result: DeliveryResult }[];
}

export async function formEmailBatches(
  singles: ClaimedEmail[],
  senders: Map<string, Sender>,
  now: Date,
): Promise<FormedSends> {
  const sends: EmailSend[] = [];
  const finished: FormedSends["finished"] = [];
  const groups = new Map<string, ClaimedEmail[]>();
  for (const message of singles) {
    const sender = senders.get(message.workspaceId);
    if (message.fresh && sender && resolveResendApiKey(sender) && buildable(message, sender)) {
      groups.set(message.workspaceId, [...(groups.get(message.workspaceId) ?? []), message]);
    } else {
      sends.push({ kind: "single", message });
    }
  }
  const planned: {
    workspaceId: string;
    batchKey: string;
    leaseId: string;
    mates: ClaimedEmail[];
  }[] = [];
  for (const [workspaceId, group] of groups) {
    if (group.length < 2) {
      for (const message of group) sends.push({ kind: "single", message });
      continue;
    }
    const blocked = await deliveryGates(workspaceId, group);
    const open: ClaimedEmail[] = [];
    for (const message of group) {
      const reason = blocked.get(message.id);
      if (reason) {
        finished.push({ message, result: await finishDelivery(message, now, "skipped", reason) });
      } else open.push(message);
    }
    open.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let i = 0; i < open.length; i += MAX_BATCH_SIZE) {
      const mates = open.slice(i, i + MAX_BATCH_SIZE);
      if (mates.length < 2) {
        for (const message of mates) sends.push({ kind: "single", message });
        continue;
      }
      planned.push({ workspaceId, batchKey: randomUUID(), leaseId: randomUUID(), mates });
    }
  }
  if (planned.length > 0) sends.push(...(await writeBatchKeys(planned, now)));
  return { sends, finished };
}

function buildable(message: ClaimedEmail, sender: Sender): boolean {
  try {
    emailRequest(message, sender);
    return true;
  } catch {
    return false; // it goes alone and fails with its reason there
  }
}

/**
 * One statement for every planned batch: each mate gets its batchKey and the
 * batch's leaseId, only while this claim still holds it. A mate whose lease
 * was lost meanwhile is not in the batch; the batch is what was written.
 */
async function writeBatchKeys(
  planned: { workspaceId: string; batchKey: string; leaseId: string; mates: ClaimedEmail[] }[],
  now: Date,
): Promise<EmailSend[]> {
  const rows = planned.flatMap((p) =>
    p.mates.map((m) => ({ id: m.id, lease: m.leaseId, batchKey: p.batchKey, newLease: p.leaseId })),
  );
  const written = await sql.$queryRaw<{ id: string }[]>`
    UPDATE messages m SET "batchKey" = w."batchKey", "leaseId" = w."newLease",
      "updatedAt" = ${now}::timestamp(3)
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.lease)}::text[],
                ${rows.map((r) => r.batchKey)}::text[], ${rows.map((r) => r.newLease)}::text[])
      AS w(id, lease, "batchKey", "newLease")
    WHERE m.id = w.id AND m."leaseId" = w.lease AND m.status = 'sending' AND m."batchKey" IS NULL
    RETURNING m.id`;
  const ok = new Set(written.map((r) => r.id));
  return planned.flatMap((p): EmailSend[] => {
    const mates = p.mates
      .filter((m) => ok.has(m.id))
      .map((m) => ({ ...m, batchKey: p.batchKey, leaseId: p.leaseId }));
    if (mates.length === 0) return [];
    return [
      {
        kind: "batch",
        batch: {
          workspaceId: p.workspaceId,
          batchKey: p.batchKey,
          leaseId: p.leaseId,
          messages: mates,
        },
      },
    ];
  });
}
