import "server-only";
import type { RawDb } from "@/lib/db/sql";
import type { NormalizedMessage } from "./types";

/**
 * The batch's messageIds already stored. A retried call is a duplicate and
 * must change nothing, identities included: resolved again, a retried alias
 * would merge a profile that did not exist when the original arrived.
 */
export async function storedMessageIds(
  db: RawDb,
  workspaceId: string,
  messages: readonly NormalizedMessage[],
): Promise<Set<string>> {
  if (messages.length === 0) return new Set();
  const rows = await db.$queryRaw<{ messageId: string }[]>`
    SELECT "messageId" FROM event_dedupe
    WHERE "workspaceId" = ${workspaceId}
      AND "messageId" = ANY(${messages.map((m) => m.messageId)}::text[])`;
  return new Set(rows.map((row) => row.messageId));
}
