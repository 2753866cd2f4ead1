import "server-only";
import type { RawDb } from "@/lib/db/sql";

/**
 * What follows a committed write that queued engine_inbox rows:
 * `NOTIFY cue_events, '<workspaceId>'`, the engine's wake-up call, in its own
 * statement committed without waiting for the WAL flush (synchronous_commit
 * off for that statement only). PostgreSQL serialises every notifying
 * transaction through its commit, WAL flush included, so a NOTIFY inside the
 * events' statement would cap ingestion at one commit per flush. A lost
 * wake-up (crash right here) only delays the engine until its next poll of
 * engine_inbox. Most traffic queues nothing (journey_event_names) and costs
 * no statement here.
 *
 * A failure is logged, not returned: the events are stored, and a client
 * retry would only be skipped as duplicates.
 */
export async function runAfterCommit(
  db: RawDb,
  input: { workspaceId: string; notify: boolean },
): Promise<void> {
  const { workspaceId, notify } = input;
  if (!notify) return;
  try {
    await db.$queryRaw`
      WITH async_commit AS MATERIALIZED (
        SELECT set_config('synchronous_commit', 'off', true)
      )
      SELECT count(pg_notify('cue_events', ${workspaceId}))::int AS notified FROM async_commit`;
  } catch (error) {
    console.error("[cue] after-commit engine wake-up failed", { workspaceId, error });
  }
}
