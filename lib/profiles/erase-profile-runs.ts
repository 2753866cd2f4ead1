import type { RawDb } from "@/lib/db/sql";

/**
 * GDPR erasure of the engine's data about one profile, inside the caller's
 * transaction (lib/profiles/erase-profile.ts): its runs with their traces
 * (trigger properties live in run state), trait-trigger states and
 * inactivity fires. Messages belong to the channels and are not touched here.
 */
export async function eraseProfileRuns(
  tx: RawDb,
  input: { workspaceId: string; profileId: string },
): Promise<{ runs: number }> {
  const { workspaceId, profileId } = input;
  await tx.$executeRaw`
    DELETE FROM run_traces t USING journey_runs r
    WHERE t."runId" = r.id AND t."workspaceId" = ${workspaceId}
      AND r."workspaceId" = ${workspaceId} AND r."profileId" = ${profileId}::uuid`;
  const runs = await tx.$executeRaw`
    DELETE FROM journey_runs WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${profileId}::uuid`;
  await tx.$executeRaw`
    DELETE FROM inactivity_fires WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${profileId}::uuid`;
  return { runs };
}
