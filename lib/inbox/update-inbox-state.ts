import "server-only";
import { notFound } from "@/lib/api/errors";
import { queryRows, sql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { countInbox, emptyInboxCounts, type InboxCounts } from "./inbox-counts";
import { type InboxItemJson, type InboxItemRow, toInboxItemJson } from "./inbox-item-json";
import type { InboxAction } from "./inbox-schemas";
import { notifyInbox } from "./inbox-signal";
import { type InboxStateRow, recordInboxEvents } from "./record-inbox-events";
import { syncMessageStatus } from "./sync-message-status";

// Seen, read, clicked and archived are timestamps. Going forward keeps the
// first time (COALESCE), so repeating an action changes nothing; read and
// clicked imply the steps before them. The undo actions clear one column.
function setClause(action: InboxAction, now: Prisma.Sql): Prisma.Sql {
  const first = (column: string) =>
    Prisma.sql`${Prisma.raw(`"${column}"`)} = COALESCE(i.${Prisma.raw(`"${column}"`)}, ${now})`;
  switch (action) {
    case "seen":
      return first("seenAt");
    case "read":
      return Prisma.join([first("readAt"), first("seenAt")]);
    case "clicked":
      return Prisma.join([first("clickedAt"), first("readAt"), first("seenAt")]);
    case "archived":
      return first("archivedAt");
    case "unread":
      return Prisma.sql`"readAt" = NULL`;
    case "unarchived":
      return Prisma.sql`"archivedAt" = NULL`;
    default: {
      const never: never = action;
      throw new Error(`Unknown inbox action ${String(never)}`);
    }
  }
}

interface Owner {
  workspaceId: string;
  profileId: string;
  userId: string;
}

interface RawStateRow {
  id: string;
  kind: InboxStateRow["kind"];
  messageId: string | null;
  journeyId: string | null;
  seenAt: Date | null;
  readAt: Date | null;
  clickedAt: Date | null;
  archivedAt: Date | null;
  prevSeenAt: Date | null;
  prevReadAt: Date | null;
  prevClickedAt: Date | null;
  prevArchivedAt: Date | null;
}

/**
 * Applies an action to the owner's rows picked by `target` and returns them
 * with their previous state. The WHERE always names the workspace and the
 * profile, so another user's id is simply not found. Rows are locked while
 * read, so the "previous" state is exact under concurrent clicks.
 */
async function applyAction(
  owner: Owner,
  action: InboxAction,
  target: Prisma.Sql,
  at: Date = new Date(),
) {
  const now = Prisma.sql`${at.toISOString()}::timestamp`;
  const rows = await sql.$queryRaw<RawStateRow[]>`
    UPDATE inbox_items AS i SET ${setClause(action, now)}
    FROM (
      SELECT id, "seenAt", "readAt", "clickedAt", "archivedAt" FROM inbox_items
      WHERE "workspaceId" = ${owner.workspaceId} AND "profileId" = ${owner.profileId}::uuid
        AND ${target}
      ORDER BY id
      FOR UPDATE
    ) AS prev
    WHERE i.id = prev.id
    RETURNING i.id, i.kind::text AS kind, i."messageId", i.data->>'journeyId' AS "journeyId",
      i."seenAt", i."readAt", i."clickedAt", i."archivedAt",
      prev."seenAt" AS "prevSeenAt", prev."readAt" AS "prevReadAt",
      prev."clickedAt" AS "prevClickedAt", prev."archivedAt" AS "prevArchivedAt"`;
  const changed = rows.some(
    (r) =>
      !sameTime(r.seenAt, r.prevSeenAt) ||
      !sameTime(r.readAt, r.prevReadAt) ||
      !sameTime(r.clickedAt, r.prevClickedAt) ||
      !sameTime(r.archivedAt, r.prevArchivedAt),
  );
  // Other tabs and devices of the same user update their badge.
  if (changed) await notifyInbox(sql, { ...owner, seq: null });
  // The message's status follows the item (Messages, analytics).
  if (changed) await syncMessageStatus(owner.workspaceId, rows);
  // Events follow the state (not the transition), with ids derived from the
  // item, so a retry after a failure here records what was missed, once.
  await recordInboxEvents({ ...owner, action, rows });
  return rows;
}

function sameTime(a: Date | null, b: Date | null): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}

/** POST /api/v1/inbox/{id}/{action}: the item after the change, and the counts. */
export async function updateInboxItem(input: {
  workspaceId: string;
  profileId: string | null;
  userId: string;
  id: string;
  action: InboxAction;
  /** When the user acted (default now); the demo seed plays its history with it. */
  at?: Date;
}): Promise<{ item: InboxItemJson; counts: InboxCounts }> {
  const { workspaceId, profileId, userId, id, action } = input;
  if (!profileId) throw notFound("Inbox item");
  const rows = await applyAction(
    { workspaceId, profileId, userId },
    action,
    Prisma.sql`id = ${id}`,
    input.at,
  );
  if (rows.length === 0) throw notFound("Inbox item");
  const [[item], counts] = await Promise.all([
    queryRows<InboxItemRow>(Prisma.sql`
      SELECT * FROM inbox_items
      WHERE id = ${id} AND "workspaceId" = ${workspaceId} AND "profileId" = ${profileId}::uuid`),
    countInbox({ workspaceId, profileId }),
  ]);
  if (!item) throw notFound("Inbox item");
  return { item: toInboxItemJson(item), counts };
}

/** Bulk: ids that are not the user's are skipped and listed, never an error about them. */
export async function updateInboxItems(input: {
  workspaceId: string;
  profileId: string | null;
  userId: string;
  ids: string[];
  action: InboxAction;
}): Promise<{ updated: number; not_found: string[]; counts: InboxCounts }> {
  const { workspaceId, profileId, userId, action } = input;
  const ids = [...new Set(input.ids)];
  if (!profileId) return { updated: 0, not_found: ids, counts: emptyInboxCounts() };
  const rows = await applyAction(
    { workspaceId, profileId, userId },
    action,
    Prisma.sql`id = ANY(${ids})`,
  );
  const found = new Set(rows.map((r) => r.id));
  return {
    updated: rows.length,
    not_found: ids.filter((id) => !found.has(id)),
    counts: await countInbox({ workspaceId, profileId }),
  };
}

/** Mark-all touches only the visible rows that need the change. */
export async function markAllInbox(input: {
  workspaceId: string;
  profileId: string | null;
  userId: string;
  action: "seen" | "read" | "archived";
  kind?: InboxStateRow["kind"][];
}): Promise<{ updated: number; counts: InboxCounts }> {
  const { workspaceId, profileId, userId, action, kind } = input;
  if (!profileId) return { updated: 0, counts: emptyInboxCounts() };
  const visible = Prisma.sql`("expiresAt" IS NULL OR "expiresAt" > ${new Date().toISOString()}::timestamp)`;
  const needs: Record<typeof action, Prisma.Sql> = {
    seen: Prisma.sql`"seenAt" IS NULL AND "archivedAt" IS NULL`,
    read: Prisma.sql`"readAt" IS NULL AND "archivedAt" IS NULL`,
    archived: Prisma.sql`"archivedAt" IS NULL`,
  };
  const kinds = kind ? Prisma.sql`AND kind::text = ANY(${kind})` : Prisma.empty;
  const rows = await applyAction(
    { workspaceId, profileId, userId },
    action,
    Prisma.sql`${needs[action]} AND ${visible} ${kinds}`,
  );
  return { updated: rows.length, counts: await countInbox({ workspaceId, profileId }) };
}
