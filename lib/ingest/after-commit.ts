import "server-only";
import { reportDatabaseError } from "@/lib/db/availability";
import type { RawDb } from "@/lib/db/sql";
import type { NormalizedMessage } from "./types";
import { type CatalogCount, collectCatalogEntries } from "./update-catalog";

/**
 * What follows a committed write, in one statement committed without waiting
 * for the WAL flush (synchronous_commit off for that statement only):
 *
 * - the event catalog's counts and property keys. Every batch of a workspace
 *   updates the same few catalog rows; inside the events' transaction each
 *   batch would hold those row locks through the ~5 ms fsync and all batches
 *   would queue behind one another. The catalog is a picker aid: a crash may
 *   lose its last few increments, never an event.
 * - `NOTIFY cue_events, '<workspaceId>'`, the engine's wake-up call for the
 *   rows already committed to engine_queue. PostgreSQL serialises every
 *   notifying transaction through its commit, WAL flush included, so a
 *   NOTIFY inside the events' transaction would cap ingestion at one commit
 *   per fsync. A lost wake-up (crash right here) only delays the engine
 *   until its next poll of engine_queue.
 *
 * A failure is logged, not returned: the events are stored, and a client
 * retry would only be skipped as duplicates.
 */
export async function runAfterCommit(
  db: RawDb,
  input: {
    workspaceId: string;
    messages: readonly NormalizedMessage[];
    catalog: readonly CatalogCount[];
    notify: boolean;
  },
): Promise<void> {
  const { workspaceId, catalog, notify } = input;
  if (catalog.length === 0 && !notify) return;
  const keys = new Map(collectCatalogEntries(input.messages).map((e) => [e.name, e.keys]));
  const rows = JSON.stringify(catalog.map((c) => ({ ...c, keys: keys.get(c.name) ?? {} })));
  try {
    await db.$queryRaw`
      WITH async_commit AS MATERIALIZED (
        SELECT set_config('synchronous_commit', 'off', true)
      ), catalog AS (
        INSERT INTO event_catalog AS c ("workspaceId", name, "propertyKeys", count, "lastSeenAt")
        SELECT ${workspaceId}, r.name, r.keys, r.count, r."lastSeenAt"
        FROM jsonb_to_recordset(${rows}::jsonb)
          AS r(name text, keys jsonb, count int, "lastSeenAt" timestamp(3)), async_commit
        ORDER BY r.name
        ON CONFLICT ("workspaceId", name) DO UPDATE SET
          "propertyKeys" = c."propertyKeys" || excluded."propertyKeys",
          count = c.count + excluded.count,
          "lastSeenAt" = greatest(c."lastSeenAt", excluded."lastSeenAt")
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM catalog)::int AS catalog,
             (SELECT count(pg_notify('cue_events', ${workspaceId}))
                FROM async_commit WHERE ${notify})::int AS notified`;
  } catch (error) {
    if (reportDatabaseError(error)) return; // the engine's poll finds the events later
    console.error("[cue] after-commit update failed (catalog, engine wake-up)", {
      workspaceId,
      error,
    });
  }
}
