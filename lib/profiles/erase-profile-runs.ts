import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * GDPR erasure of the engine's data about one profile, inside the caller's
 * transaction (lib/profiles/erase-profile.ts): its runs with their traces
 * (trigger properties live in run state), trait-trigger states and
 * inactivity fires. Messages belong to the channels and are not touched here.
 */
export async function eraseProfileRuns(
  tx: Prisma.TransactionClient,
  input: { workspaceId: string; profileId: string },
): Promise<{ runs: number }> {
  const { workspaceId, profileId } = input;
  await tx.$executeRaw`
    DELETE FROM run_traces t USING journey_runs r
    WHERE t."runId" = r.id AND t."workspaceId" = ${workspaceId}
      AND r."workspaceId" = ${workspaceId} AND r."profileId" = ${profileId}::uuid`;
  const runs = await tx.journeyRun.deleteMany({ where: { workspaceId, profileId } });
  await tx.inactivityFire.deleteMany({ where: { workspaceId, profileId } });
  // trait_trigger_states has no workspaceId; its journeys must be this workspace's.
  const journeys = await tx.journey.findMany({ where: { workspaceId }, select: { id: true } });
  await tx.traitTriggerState.deleteMany({
    where: { profileId, journeyId: { in: journeys.map((j) => j.id) } },
  });
  return { runs: runs.count };
}
