import "server-only";
import { eraseProfileSamples } from "@/lib/backtests/erase-profile-samples";
import { sqlTransaction } from "@/lib/db/sql";
import { eraseProfileRuns } from "@/lib/profiles/erase-profile-runs";
import { eraseProfileSegments } from "@/lib/segments/erase-profile-segments";

/**
 * GDPR erasure: the profile, its identities and memberships (cascade), every
 * event stored under it (including history merged in from anonymous
 * profiles) and its event rollups, the engine's pending work, journey runs and traces, and every
 * message and inbox item sent to it, the outbound webhooks about it, and its backtest sample paths, in one transaction. Later calls with the same ids create a new, empty profile.
 */
export async function eraseProfile(input: {
  workspaceId: string;
  profileId: string;
}): Promise<{ events: number }> {
  const { workspaceId, profileId } = input;
  return sqlTransaction(async (tx) => {
    // Lock the row first so a concurrent ingestion cannot add events to a
    // profile that is being erased (it waits, then sees the profile gone).
    await tx.$queryRaw`SELECT id FROM profiles WHERE id = ${profileId}::uuid AND "workspaceId" = ${workspaceId} FOR UPDATE`;
    await tx.$executeRaw`
      DELETE FROM engine_queue i USING events e
      WHERE i."eventId" = e.id AND i."workspaceId" = ${workspaceId}
        AND e."workspaceId" = ${workspaceId} AND e."profileId" = ${profileId}::uuid`;
    // Every partition of events (the profile's index in each), and the
    // events' dedupe keys: a later call with the same messageId is new.
    const erased = await tx.$queryRaw<{ events: number }[]>`
      WITH gone AS (
        DELETE FROM events WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${profileId}::uuid
        RETURNING "messageId"
      ), keys AS (
        DELETE FROM event_dedupe d USING gone
        WHERE d."workspaceId" = ${workspaceId} AND d."messageId" = gone."messageId"
      )
      SELECT count(*)::int AS events FROM gone`;
    const events = erased[0]?.events ?? 0;
    await tx.$executeRaw`
      DELETE FROM event_rollups WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${profileId}::uuid`;

    await eraseProfileRuns(tx, { workspaceId, profileId });
    await eraseProfileSegments(tx, { workspaceId, profileId });
    await eraseProfileSamples(tx, { workspaceId, profileId });
    await tx.$executeRaw`
      DELETE FROM inbox_items WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${profileId}::uuid`;
    await tx.$executeRaw`
      DELETE FROM messages WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${profileId}::uuid`;
    await tx.$executeRaw`
      WITH gone AS (
        DELETE FROM webhook_messages WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${profileId}::uuid
        RETURNING id
      )
      DELETE FROM webhook_attempts a USING gone WHERE a."messageId" = gone.id`;
    await tx.$executeRaw`
      DELETE FROM profiles WHERE "workspaceId" = ${workspaceId} AND id = ${profileId}::uuid`;
    return { events };
  });
}
