import "server-only";
import { sql } from "@/lib/db/sql";

// An in-app message's status follows its inbox item: sent (in the inbox)
// → delivered (the user's client fetched it) → seen → read → clicked, or
// archived, from the item's timestamps, and
// back again when the user undoes (unread, unarchive). Each first time the
// item gains a stamp is a message event at that stamp's time, so the
// Messages timeline and analytics show when it was seen, read, clicked
// and archived.

export interface InboxStampRow {
  messageId: string | null;
  seenAt: Date | null;
  readAt: Date | null;
  clickedAt: Date | null;
  archivedAt: Date | null;
  prevSeenAt: Date | null;
  prevReadAt: Date | null;
  prevClickedAt: Date | null;
  prevArchivedAt: Date | null;
}

const STAMPS = [
  ["seen", "seenAt", "prevSeenAt"],
  ["read", "readAt", "prevReadAt"],
  ["clicked", "clickedAt", "prevClickedAt"],
  ["archived", "archivedAt", "prevArchivedAt"],
] as const;

export function inboxStatus(row: Omit<InboxStampRow, `prev${string}`>) {
  if (row.archivedAt) return "archived";
  if (row.clickedAt) return "clicked";
  if (row.readAt) return "read";
  if (row.seenAt) return "seen";
  return "delivered";
}

export async function syncMessageStatus(workspaceId: string, rows: InboxStampRow[]): Promise<void> {
  const linked = rows.filter((r): r is InboxStampRow & { messageId: string } => !!r.messageId);
  if (linked.length === 0) return;
  const events = linked.flatMap((row) =>
    STAMPS.filter(([, now, prev]) => row[now] && !row[prev]).map(([type, now]) => ({
      messageId: row.messageId,
      type,
      at: (row[now] as Date).toISOString(),
    })),
  );
  await sql.$executeRaw`
    WITH next AS (
      SELECT * FROM unnest(${linked.map((r) => r.messageId)}::text[],
                           ${linked.map((r) => inboxStatus(r))}::text[]) AS n(id, status)
    ), updated AS (
      UPDATE messages m SET status = next.status::"MessageStatus", "updatedAt" = ${new Date()}::timestamp(3)
      FROM next
      WHERE m.id = next.id AND m."workspaceId" = ${workspaceId} AND m.channel = 'in_app'
        AND m.status::text <> next.status
      RETURNING m.id
    )
    INSERT INTO message_events ("messageId", type, at, data)
    SELECT e.id, e.type, e.at::timestamp(3), '{}'::jsonb
    FROM unnest(${events.map((e) => e.messageId)}::text[], ${events.map((e) => e.type)}::text[],
                ${events.map((e) => e.at)}::text[]) AS e(id, type, at)
    WHERE EXISTS (SELECT 1 FROM messages m WHERE m.id = e.id AND m."workspaceId" = ${workspaceId})`;
}

/**
 * The user's client fetched these items: their messages, still "sent" (in
 * the inbox, never fetched), become "delivered", with a timeline event.
 * Only unseen items are passed, so a feed that was seen costs nothing.
 */
export async function markInAppDelivered(workspaceId: string, messageIds: string[]): Promise<void> {
  if (messageIds.length === 0) return;
  const now = new Date();
  await sql.$executeRaw`
    WITH delivered AS (
      UPDATE messages SET status = 'delivered', "updatedAt" = ${now}::timestamp(3)
      WHERE "workspaceId" = ${workspaceId} AND id = ANY(${messageIds}::text[])
        AND channel = 'in_app' AND status = 'sent'
      RETURNING id
    )
    INSERT INTO message_events ("messageId", type, at, data)
    SELECT id, 'delivered', ${now}::timestamp(3), '{}'::jsonb FROM delivered`;
}
