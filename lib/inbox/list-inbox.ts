import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { countInbox, emptyInboxCounts, type InboxCounts } from "./inbox-counts";
import { type InboxItemJson, toInboxItemJson } from "./inbox-item-json";
import type { ListInboxQuery } from "./inbox-schemas";

export interface InboxPage {
  items: InboxItemJson[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next_cursor: string | null;
  counts: InboxCounts;
}

/**
 * One page of a user's feed, newest first, by keyset on seq (stable while
 * items arrive), with the badge counts. Expired items are never listed.
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
  const where: Prisma.InboxItemWhereInput = {
    workspaceId,
    profileId,
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
  };
  if (query.cursor) where.seq = { lt: BigInt(query.cursor) };
  if (query.unread !== undefined) where.readAt = query.unread ? null : { not: null };
  if (query.unseen !== undefined) where.seenAt = query.unseen ? null : { not: null };
  if (query.archived === "exclude") where.archivedAt = null;
  if (query.archived === "only") where.archivedAt = { not: null };
  if (query.kind) where.kind = { in: query.kind };

  const [rows, counts] = await Promise.all([
    prisma.inboxItem.findMany({ where, orderBy: { seq: "desc" }, take: query.page_size + 1 }),
    countInbox({ workspaceId, profileId, now }),
  ]);
  const page = rows.slice(0, query.page_size);
  const last = page.at(-1);
  return {
    items: page.map(toInboxItemJson),
    next_cursor: rows.length > query.page_size && last ? last.seq.toString() : null,
    counts,
  };
}
