import { randomUUID } from "node:crypto";
import type { RawDb } from "@/lib/db/sql";
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
  /** Defaults to now; the engine passes its own clock. */
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
  db: RawDb,
  workspaceId: string,
  idempotencyKey: string,
): Promise<StoredMessageRef | null> {
  const [row] = await db.$queryRaw<{ id: string; status: MessageStatus; error: string | null }[]>`
    SELECT id, status::text AS status, error FROM messages
    WHERE "workspaceId" = ${workspaceId} AND "idempotencyKey" = ${idempotencyKey}`;
  return row ? { messageId: row.id, created: false, status: row.status, error: row.error } : null;
}

/**
 * Inserts the message unless one with the same (workspace, idempotency key)
 * exists — INSERT … ON CONFLICT DO NOTHING, so two concurrent enqueues of
 * the same logical send agree on one row — and records its first event.
 */
export async function insertMessage(
  tx: RawDb,
  message: NewMessage,
  event: { type: string; data?: Prisma.InputJsonValue },
): Promise<StoredMessageRef> {
  const now = new Date();
  const createdAt = message.createdAt ?? now;
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    WITH inserted AS (
      INSERT INTO messages (id, "workspaceId", "profileId", channel, status, "idempotencyKey",
        source, "journeyId", "runId", "nodeId", "templateId", transactional, "toAddress", subject,
        rendered, error, "sentAt", "createdAt", "updatedAt")
      VALUES (${message.id}, ${message.workspaceId}, ${message.profileId}::uuid,
        ${message.channel}::"Channel", ${message.status}::"MessageStatus", ${message.idempotencyKey},
        ${message.source}, ${message.journeyId ?? null}, ${message.runId ?? null},
        ${message.nodeId ?? null}, ${message.templateId ?? null}, ${message.transactional},
        ${message.toAddress ?? null}, ${message.subject ?? null},
        ${JSON.stringify(message.rendered)}::jsonb, ${message.error ?? null},
        ${message.sentAt ?? null}::timestamp(3), ${createdAt}::timestamp(3), ${now}::timestamp(3))
      ON CONFLICT DO NOTHING
      RETURNING id
    ), events AS (
      INSERT INTO message_events ("messageId", type, data, at)
      SELECT id, ${event.type}, ${event.data === undefined ? null : JSON.stringify(event.data)}::jsonb,
        ${createdAt}::timestamp(3)
      FROM inserted
    )
    SELECT id FROM inserted`;
  if (inserted.length === 0) {
    const existing = await findMessageByKey(tx, message.workspaceId, message.idempotencyKey);
    if (!existing) throw new Error("Message insert conflicted but no message was found.");
    return existing;
  }
  return {
    messageId: message.id,
    created: true,
    status: message.status,
    error: message.error ?? null,
  };
}
