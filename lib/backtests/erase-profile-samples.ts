import "server-only";
import type { RawDb } from "@/lib/db/sql";

/**
 * GDPR erasure, inside the caller's transaction (lib/profiles/erase-profile.ts):
 * drops the profile's sample paths from its workspace's backtests. Counts are
 * aggregates and stay.
 */
export async function eraseProfileSamples(
  tx: RawDb,
  input: { workspaceId: string; profileId: string },
): Promise<number> {
  const match = JSON.stringify([{ profileId: input.profileId }]);
  return tx.$executeRaw`
    UPDATE backtests SET "samplePaths" = (
      SELECT coalesce(jsonb_agg(path), '[]'::jsonb)
      FROM jsonb_array_elements("samplePaths") AS path
      WHERE path->>'profileId' <> ${input.profileId})
    WHERE "workspaceId" = ${input.workspaceId} AND "samplePaths" @> ${match}::jsonb`;
}
