// GET /api/w/:workspaceId/profiles/:profileId – one profile: traits, identities, groups
import { withWorkspace } from "@/lib/auth/with-workspace";
import { getProfile } from "@/lib/profiles/get-profile";
import { requireProfileId } from "@/lib/profiles/require-profile-id";

export const GET = withWorkspace<{ workspaceId: string; profileId: string }>(
  async ({ params, workspace }) => {
    const profileId = await requireProfileId({
      workspaceId: workspace.id,
      profileId: params.profileId,
    });
    return Response.json(await getProfile({ workspaceId: workspace.id, profileId }));
  },
);
