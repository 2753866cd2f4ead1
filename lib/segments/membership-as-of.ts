import "server-only";
import type { RawDb } from "@/lib/db/sql";

// A profile's segments as of an instant, from the recorded entries and exits
// (segment_membership_changes): what "why not?" and preview decide on, so
// "was not in segment X at the time" is about that time, not about now.

export async function segmentIdsAsOf(
  db: RawDb,
  workspaceId: string,
  profileId: string,
  at: Date,
): Promise<string[]> {
  const rows = await db.$queryRaw<{ segmentId: string }[]>`
    SELECT "segmentId" FROM (
      SELECT DISTINCT ON ("segmentId") "segmentId", kind FROM segment_membership_changes
      WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${profileId}::uuid
        AND at <= ${at}::timestamp(3)
      ORDER BY "segmentId", at DESC, id DESC) latest
    WHERE kind = 'entry'`;
  return rows.map((row) => row.segmentId).sort();
}
