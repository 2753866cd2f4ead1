import { randomUUID } from "node:crypto";
import type { Channel, MessageStatus, Prisma } from "@/lib/generated/prisma/client";
import type { RenderedMessage } from "./render-content";

export interface NewMessage {
  id: string;
  workspaceId: string;
  profileId: string;
  channel: Channel;
  status: MessageStatus;
  idempotencyKey: string;
  source: string;
  journeyId?: string | null;
  runId?: string | null;
  nodeId?: string | null;
  templateId?: string | null;
  transactional: boolean;
  toAddress?: string | null;
  subject?: string | null;
  rendered: RenderedMessage;
  error?: string | null;
  sentAt?: Date | null;
  /** Defaults to the database's now; the engine passes its own clock. */
  createdAt?: Date;
}

export interface StoredMessageRef {
  messageId: string;
  created: boolean;
  status: MessageStatus;
  /** Why it was skipped or failed, when it was. */
  error: string | null;
}

/** Message ids are also Resend tag values, which allow only [A-Za-z0-9_-]. */
export function newMessageId(): string {
  return randomUUID();
}

export async function findMessageByKey(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  idempotencyKey: string,
): Promise<StoredMessageRef | null> {
  const row = await tx.message.findUnique({
    where: { workspaceId_idempotencyKey: { workspaceId, idempotencyKey } },
    select: { id: true, status: true, error: true },
  });
  return row ? { messageId: row.id, created: false, status: row.status, error: row.error } : null;
}

/**
 * Inserts the message unless one with the same (workspace, idempotency key)
 * exists — INSERT … ON CONFLICT DO NOTHING, so two concurrent enqueues of
 * the same logical send agree on one row — and records its first event.
 */
export async function insertMessage(
  tx: Prisma.TransactionClient,
  message: NewMessage,
  event: { type: string; data?: Prisma.InputJsonValue },
): Promise<StoredMessageRef> {
  const { count } = await tx.message.createMany({
    data: [{ ...message, rendered: message.rendered as unknown as Prisma.InputJsonValue }],
    skipDuplicates: true,
  });
  if (count === 0) {
    const existing = await findMessageByKey(tx, message.workspaceId, message.idempotencyKey);
    if (!existing) throw new Error("Message insert conflicted but no message was found.");
    return existing;
  }
  await tx.messageEvent.create({
    data: { messageId: message.id, type: event.type, data: event.data, at: message.createdAt },
  });
  return {
    messageId: message.id,
    created: true,
    status: message.status,
    error: message.error ?? null,
  };
}
