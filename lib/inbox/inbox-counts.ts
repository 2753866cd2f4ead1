import "server-only";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
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
 * The counts of one user as a single json column, `by_kind`: an object of
 * kind → {unread, unseen}, or null when nothing counts. Only unread or unseen
 * rows contribute, so the aggregate reads just those, from the partial index
 * inbox_items_badge_idx (index-only). Time is compared as UTC wall time, as
 * Prisma stores it.
 */
export function countsSql(workspaceId: string, profileId: string, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT json_object_agg(kind, json_build_object('unread', unread, 'unseen', unseen)) AS by_kind
    FROM (
      SELECT kind,
        (count(*) FILTER (WHERE "readAt" IS NULL))::int AS unread,
        (count(*) FILTER (WHERE "seenAt" IS NULL))::int AS unseen
      FROM inbox_items
      WHERE "workspaceId" = ${workspaceId}
        AND "profileId" = ${profileId}::uuid
        AND "archivedAt" IS NULL
        AND ("readAt" IS NULL OR "seenAt" IS NULL)
        AND ("expiresAt" IS NULL OR "expiresAt" > ${now.toISOString()}::timestamp)
      GROUP BY kind
    ) AS by_kind`;
}

/** InboxCounts from countsSql's `by_kind`, with every kind present and the totals. */
export function readCounts(byKind: Partial<Record<Kind, CountPair>> | null): InboxCounts {
  const counts = emptyInboxCounts();
  for (const kind of IN_APP_KINDS) {
    const pair = byKind?.[kind];
    if (!pair) continue;
    counts.by_kind[kind] = { unread: pair.unread, unseen: pair.unseen };
    counts.unread += pair.unread;
    counts.unseen += pair.unseen;
  }
  return counts;
}

/** A user's badge counts, in one statement. */
export async function countInbox(input: {
  workspaceId: string;
  profileId: string | null;
  now?: Date;
}): Promise<InboxCounts> {
  if (!input.profileId) return emptyInboxCounts();
  const [row] = await queryRows<{ by_kind: Partial<Record<Kind, CountPair>> | null }>(
    countsSql(input.workspaceId, input.profileId, input.now ?? new Date()),
  );
  return readCounts(row?.by_kind ?? null);
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
