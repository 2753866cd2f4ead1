// GET /api/v1/profiles/{userId} – a profile; DELETE erases it and its events (GDPR)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { eraseProfile } from "@/lib/profiles/erase-profile";
import { findProfileIdOrThrow } from "@/lib/profiles/find-profile";
import { getProfile } from "@/lib/profiles/get-profile";

export const GET = withSecretKey<{ userId: string }>(async ({ params, workspace }) => {
  const profileId = await findProfileIdOrThrow({
    workspaceId: workspace.id,
    identifier: params.userId,
  });
  return Response.json({ profile: await getProfile({ workspaceId: workspace.id, profileId }) });
});

export const DELETE = withSecretKey<{ userId: string }>(async ({ params, workspace }) => {
  const profileId = await findProfileIdOrThrow({
    workspaceId: workspace.id,
    identifier: params.userId,
  });
  const erased = await eraseProfile({ workspaceId: workspace.id, profileId });
  return Response.json({ success: true, deleted: { profiles: 1, events: erased.events } });
});
