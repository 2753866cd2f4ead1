import type { RawDb } from "@/lib/db/sql";

/**
 * GDPR erasure of a profile's segment data, inside the caller's transaction
 * (lib/profiles/erase-profile.ts): memberships, recorded entries and exits,
 * and pending window checks. Its Segment Entered/Exited events go with its events.
 */
export async function eraseProfileSegments(
  tx: RawDb,
  input: { workspaceId: string; profileId: string },
): Promise<void> {
  const { workspaceId, profileId } = input;
  await tx.$executeRaw`
    DELETE FROM segment_memberships WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${profileId}::uuid`;
  await tx.$executeRaw`
    DELETE FROM segment_membership_changes WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${profileId}::uuid`;
  await tx.$executeRaw`
    DELETE FROM segment_timers WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${profileId}::uuid`;
}
