import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";

export const listProfileEventsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).optional(),
});
export type ListProfileEventsQuery = z.output<typeof listProfileEventsQuerySchema>;

// Keyset pagination, newest first, on (timestamp, id): stable while new
// events arrive, and served by the (profileId, timestamp) index. The cursor
// is opaque to callers.
interface Cursor {
  timestamp: Date;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.timestamp.toISOString(), cursor.id])).toString(
    "base64url",
  );
}

const cursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

function decodeCursor(value: string): Cursor {
  try {
    const [timestamp, id] = cursorSchema.parse(
      JSON.parse(Buffer.from(value, "base64url").toString("utf8")),
    );
    return { timestamp: new Date(timestamp), id };
  } catch {
    throw new ApiError("validation_failed", "cursor: not a cursor this API returned.", {
      details: { issues: [{ field: "cursor", message: "Invalid cursor." }] },
    });
  }
}

export async function listProfileEvents(input: {
  workspaceId: string;
  profileId: string;
  query: ListProfileEventsQuery;
}) {
  const { workspaceId, profileId, query } = input;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await prisma.event.findMany({
    where: {
      workspaceId,
      profileId,
      ...(after && {
        OR: [
          { timestamp: { lt: after.timestamp } },
          { timestamp: after.timestamp, id: { lt: after.id } },
        ],
      }),
    },
    orderBy: [{ timestamp: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    events: page.map((event) => ({
      id: event.id,
      messageId: event.messageId,
      type: event.type,
      name: event.name,
      userId: event.userId,
      anonymousId: event.anonymousId,
      properties: event.properties,
      traits: event.traits,
      context: event.context,
      extra: event.extra,
      timestamp: event.timestamp,
      sentAt: event.sentAt,
      receivedAt: event.receivedAt,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}
