import "server-only";
import { prisma } from "@/lib/db/client";
import { IN_APP_KINDS } from "./inbox-schemas";

type Kind = (typeof IN_APP_KINDS)[number];

export interface CountPair {
  unread: number;
  unseen: number;
}

/**
 * What a badge shows. Totals cover every kind; by_kind lets a client badge
 * only the feed (cards) while banners and modals come and go. Archived and
 * expired items never count.
 */
export interface InboxCounts extends CountPair {
  by_kind: Record<Kind, CountPair>;
}

export function emptyInboxCounts(): InboxCounts {
  const byKind = Object.fromEntries(IN_APP_KINDS.map((k) => [k, { unread: 0, unseen: 0 }]));
  return { unread: 0, unseen: 0, by_kind: byKind as Record<Kind, CountPair> };
}

/**
 * One aggregate over the user's rows of the (workspaceId, profileId, seq)
 * index. Time is compared as UTC wall time, as Prisma stores it.
 */
export async function countInbox(input: {
  workspaceId: string;
  profileId: string | null;
  now?: Date;
}): Promise<InboxCounts> {
  const counts = emptyInboxCounts();
  if (!input.profileId) return counts;
  const now = (input.now ?? new Date()).toISOString();
  const rows = await prisma.$queryRaw<{ kind: Kind; unread: number; unseen: number }[]>`
    SELECT kind::text AS kind,
           (count(*) FILTER (WHERE "readAt" IS NULL))::int AS unread,
           (count(*) FILTER (WHERE "seenAt" IS NULL))::int AS unseen
    FROM inbox_items
    WHERE "workspaceId" = ${input.workspaceId}
      AND "profileId" = ${input.profileId}::uuid
      AND "archivedAt" IS NULL
      AND ("expiresAt" IS NULL OR "expiresAt" > ${now}::timestamp)
    GROUP BY kind`;
  for (const row of rows) {
    counts.by_kind[row.kind] = { unread: row.unread, unseen: row.unseen };
    counts.unread += row.unread;
    counts.unseen += row.unseen;
  }
  return counts;
}

export function sameCounts(a: InboxCounts, b: InboxCounts): boolean {
  return (
    a.unread === b.unread &&
    a.unseen === b.unseen &&
    IN_APP_KINDS.every(
      (k) =>
        a.by_kind[k].unread === b.by_kind[k].unread && a.by_kind[k].unseen === b.by_kind[k].unseen,
    )
  );
}
