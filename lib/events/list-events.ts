import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { readPrisma } from "@/lib/db/client";
import type { Event, Prisma } from "@/lib/generated/prisma/client";
import { MESSAGE_TYPES } from "@/lib/ingest/schemas";
import { decodeCursor, encodeCursor } from "./keyset-cursor";

export const listEventsQuerySchema = z.object({
  /** Exact event name (track event, page or screen name). */
  name: z.string().trim().min(1).max(200).optional(),
  /** A userId or anonymousId: the events of the profile that holds it. */
  user: z.string().trim().min(1).max(200).optional(),
  type: z.enum(MESSAGE_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Older than this cursor (the `nextCursor` of a page). */
  cursor: z.string().min(1).optional(),
  /** Newer than this cursor (the `latestCursor` of a page): live polling. */
  after: z.string().min(1).optional(),
});
export type ListEventsQuery = z.output<typeof listEventsQuerySchema>;

export interface EventItem {
  id: string;
  profileId: string;
  messageId: string;
  type: string;
  name: string | null;
  userId: string | null;
  anonymousId: string | null;
  properties: Prisma.JsonValue;
  traits: Prisma.JsonValue | null;
  context: Prisma.JsonValue | null;
  extra: Prisma.JsonValue | null;
  timestamp: string;
  sentAt: string | null;
  receivedAt: string;
}

export interface EventsPage {
  /** Newest first. */
  events: EventItem[];
  /** Older events (cursor=…), null at the end. */
  nextCursor: string | null;
  /** Poll with after=… for newer events; null while nothing matched yet. */
  latestCursor: string | null;
  /** With `after`: more new events than `limit` arrived; the page holds the newest ones. */
  truncated: boolean;
}

// An ingestion request stamps receivedAt when it arrives and commits a little
// later, so an event can become visible after a later-received one already
// was. `after` therefore re-reads this much before the cursor; callers merge
// by id.
export const LATE_COMMIT_WINDOW_MS = 5_000;

/**
 * A workspace's events, newest received first, keyset-paginated on
 * (receivedAt, id): `cursor` pages back in time, `after` polls for new ones.
 */
export async function listEvents(input: {
  workspaceId: string;
  query: ListEventsQuery;
}): Promise<EventsPage> {
  const { workspaceId, query } = input;
  if (query.cursor && query.after) {
    throw new ApiError("validation_failed", "Send either cursor or after, not both.", {
      details: { issues: [{ field: "after", message: "Cannot be combined with cursor." }] },
    });
  }
  const before = query.cursor ? decodeCursor(query.cursor) : null;
  const after = query.after ? decodeCursor(query.after, "after") : null;

  const and: Prisma.EventWhereInput[] = [];
  if (query.name) and.push({ name: query.name });
  if (query.type) and.push({ type: query.type });
  if (query.user) and.push(await userFilter(workspaceId, query.user));
  if (before) {
    and.push({
      OR: [{ receivedAt: { lt: before.at } }, { receivedAt: before.at, id: { lt: before.id } }],
    });
  }
  if (after) {
    and.push({ receivedAt: { gt: new Date(after.at.getTime() - LATE_COMMIT_WINDOW_MS) } });
  }

  const rows = await readPrisma.event.findMany({
    where: { workspaceId, AND: and },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const first = page[0];
  const last = page.at(-1);
  const more = rows.length > query.limit;
  return {
    events: page.map(toEventItem),
    nextCursor: more && last ? encodeCursor(last.receivedAt, last.id) : null,
    latestCursor: first ? encodeCursor(first.receivedAt, first.id) : (query.after ?? null),
    truncated: after !== null && more,
  };
}

/** Events stored under the profile that holds this userId/anonymousId, or sent with it. */
async function userFilter(workspaceId: string, user: string): Promise<Prisma.EventWhereInput> {
  const identities = await readPrisma.profileIdentity.findMany({
    where: { workspaceId, value: user },
    select: { profileId: true },
  });
  const profileIds = [...new Set(identities.map((identity) => identity.profileId))];
  return {
    OR: [
      { userId: user },
      { anonymousId: user },
      ...(profileIds.length > 0 ? [{ profileId: { in: profileIds } }] : []),
    ],
  };
}

/** A stored event as the admin APIs show it (dates as ISO strings). */
export function toEventItem(event: Pick<Event, keyof EventItem>): EventItem {
  return {
    id: event.id,
    profileId: event.profileId,
    messageId: event.messageId,
    type: event.type,
    name: event.name,
    userId: event.userId,
    anonymousId: event.anonymousId,
    properties: event.properties,
    traits: event.traits,
    context: event.context,
    extra: event.extra,
    timestamp: event.timestamp.toISOString(),
    sentAt: event.sentAt?.toISOString() ?? null,
    receivedAt: event.receivedAt.toISOString(),
  };
}
