import "server-only";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  type CountPair,
  countsSql,
  emptyInboxCounts,
  type InboxCounts,
  readCounts,
} from "./inbox-counts";
import { type InboxItemJson, type InboxItemRow, toInboxItemJson } from "./inbox-item-json";
import type { ListInboxQuery } from "./inbox-schemas";
import { markInAppDelivered } from "./sync-message-status";

export interface InboxPage {
  items: InboxItemJson[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next_cursor: string | null;
  counts: InboxCounts;
}

/** The page's filters beyond owner and expiry; each combination is one prepared statement. */
function filterSql(query: ListInboxQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (query.cursor) parts.push(Prisma.sql`seq < ${query.cursor}::bigint`);
  if (query.unread !== undefined)
    parts.push(query.unread ? Prisma.sql`"readAt" IS NULL` : Prisma.sql`"readAt" IS NOT NULL`);
  if (query.unseen !== undefined)
    parts.push(query.unseen ? Prisma.sql`"seenAt" IS NULL` : Prisma.sql`"seenAt" IS NOT NULL`);
  if (query.archived === "exclude") parts.push(Prisma.sql`"archivedAt" IS NULL`);
  if (query.archived === "only") parts.push(Prisma.sql`"archivedAt" IS NOT NULL`);
  if (query.kind) parts.push(Prisma.sql`kind = ANY(${query.kind}::"InAppKind"[])`);
  return parts.length > 0 ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

type PageRow = { by_kind: Partial<Record<InboxItemRow["kind"], CountPair>> | null } & (
  | InboxItemRow
  | { [K in keyof InboxItemRow]: null }
);

/**
 * One page of a user's feed, newest first, by keyset on seq (stable while
 * items arrive), with the badge counts, in one statement: the counts row
 * joined to the page's rows (one row with a null item when the page is
 * empty). Expired items are never listed.
 */
export async function listInbox(input: {
  workspaceId: string;
  profileId: string | null;
  query: ListInboxQuery;
  now?: Date;
}): Promise<InboxPage> {
  const { workspaceId, profileId, query } = input;
  if (!profileId) return { items: [], next_cursor: null, counts: emptyInboxCounts() };
  const now = input.now ?? new Date();
  const rows = await queryRows<PageRow>(Prisma.sql`
    SELECT c.by_kind, p.*
    FROM (${countsSql(workspaceId, profileId, now)}) AS c
    LEFT JOIN (
      SELECT * FROM inbox_items
      WHERE "workspaceId" = ${workspaceId}
        AND "profileId" = ${profileId}::uuid
        AND ("expiresAt" IS NULL OR "expiresAt" > ${now.toISOString()}::timestamp)
        ${filterSql(query)}
      ORDER BY seq DESC
      LIMIT ${query.page_size + 1}
    ) AS p ON true
    ORDER BY p.seq DESC`);
  const items = rows.filter((row): row is PageRow & InboxItemRow => row.id !== null);
  const page = items.slice(0, query.page_size);
  const last = page.at(-1);
  await markInAppDelivered(
    workspaceId,
    page.filter((item) => !item.seenAt && item.messageId).map((item) => item.messageId as string),
  );
  return {
    items: page.map(toInboxItemJson),
    next_cursor: items.length > query.page_size && last ? String(last.seq) : null,
    counts: readCounts(rows[0]?.by_kind ?? null),
  };
}
