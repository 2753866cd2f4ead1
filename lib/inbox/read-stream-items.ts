import "server-only";
import { prisma } from "@/lib/db/client";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { countsSql, type InboxCounts, readCounts } from "./inbox-counts";
import { type InboxItemRow, toInboxItemJson } from "./inbox-item-json";
import type { StreamItem } from "./inbox-stream-types";

// The reads of an inbox stream, always by workspaceId AND profileId.

/** An item (or, when none is new, nulls) with the user's counts beside it. */
type ItemWithCounts = (InboxItemRow | { [K in keyof InboxItemRow]: null }) & {
  countsByKind: Parameters<typeof readCounts>[0];
};

/**
 * Items with seq > after or in late (commits that came after a later seq),
 * oldest first, and the counts read in the same snapshot: one statement per
 * push, on the hot path of every new item.
 */
export async function readNewItems(input: {
  workspaceId: string;
  profileId: string;
  after: bigint;
  late: readonly bigint[];
  limit: number;
}): Promise<{ items: StreamItem[]; counts: InboxCounts }> {
  const { workspaceId, profileId } = input;
  const rows = await queryRows<ItemWithCounts>(Prisma.sql`
    WITH items AS (
      SELECT * FROM inbox_items
      WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${profileId}::uuid
        AND "archivedAt" IS NULL
        AND (seq > ${input.after}::bigint OR seq = ANY(${[...input.late]}::bigint[]))
        AND ("expiresAt" IS NULL OR "expiresAt" > ${new Date()}::timestamp(3))
      ORDER BY seq LIMIT ${input.limit}
    )
    SELECT i.*, c.by_kind AS "countsByKind"
    FROM (SELECT 1) AS one
    LEFT JOIN items i ON true
    CROSS JOIN (${countsSql(workspaceId, profileId, new Date())}) AS c
    ORDER BY i.seq`);
  const items = rows.filter((row) => row.id !== null) as (InboxItemRow & { seq: bigint })[];
  return {
    items: items.map((row) => ({ seq: row.seq, item: toInboxItemJson(row) })),
    counts: readCounts(rows[0]?.countsByKind ?? null),
  };
}

/** The newest visible seqs of a profile, newest first. */
export async function readNewestSeqs(input: {
  workspaceId: string;
  profileId: string;
  limit: number;
}): Promise<bigint[]> {
  const visible = await prisma.inboxItem.findMany({
    where: { workspaceId: input.workspaceId, profileId: input.profileId },
    orderBy: { seq: "desc" },
    select: { seq: true },
    take: input.limit,
  });
  return visible.map((row) => row.seq);
}
