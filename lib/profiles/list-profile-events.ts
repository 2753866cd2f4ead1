import "server-only";
import { readPrisma } from "@/lib/db/client";
import { decodeCursor, encodeCursor } from "@/lib/events/keyset-cursor";
import { toEventItem } from "@/lib/events/list-events";

import type { ListProfileEventsQuery } from "./list-profile-events-query";

export {
  type ListProfileEventsQuery,
  listProfileEventsQuerySchema,
} from "./list-profile-events-query";

/**
 * A profile's events, newest first. Keyset pagination on (timestamp, id):
 * stable while new events arrive, and served by the (profileId, timestamp)
 * index. The cursor is opaque to callers.
 */
export async function listProfileEvents(input: {
  workspaceId: string;
  profileId: string;
  query: ListProfileEventsQuery;
}) {
  const { workspaceId, profileId, query } = input;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await readPrisma.event.findMany({
    where: {
      workspaceId,
      profileId,
      ...(after && {
        OR: [{ timestamp: { lt: after.at } }, { timestamp: after.at, id: { lt: after.id } }],
      }),
    },
    orderBy: [{ timestamp: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    events: page.map(toEventItem),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.timestamp, last.id) : null,
  };
}
