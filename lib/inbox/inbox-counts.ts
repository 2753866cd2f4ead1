import "server-only";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  type CountPair,
  emptyInboxCounts,
  type InboxCounts,
  readCounts,
  sameCounts,
} from "./inbox-counts-shape";
import type { IN_APP_KINDS } from "./inbox-schemas";

type Kind = (typeof IN_APP_KINDS)[number];

// The counts as values live in inbox-counts-shape.ts, which has no database
// (the stream's state machine compares them); this module reads them.
export { type CountPair, emptyInboxCounts, type InboxCounts, readCounts, sameCounts };

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
