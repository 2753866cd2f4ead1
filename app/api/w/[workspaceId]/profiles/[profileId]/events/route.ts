// GET /api/w/:workspaceId/profiles/:profileId/events – a profile's timeline, newest first (cursor)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { readQuery } from "@/lib/events/read-query";
import {
  listProfileEvents,
  listProfileEventsQuerySchema,
} from "@/lib/profiles/list-profile-events";
import { requireProfileId } from "@/lib/profiles/require-profile-id";

export const GET = withWorkspace<{ workspaceId: string; profileId: string }>(
  async ({ request, params, workspace }) => {
    const query = readQuery(request, listProfileEventsQuerySchema);
    const profileId = await requireProfileId({
      workspaceId: workspace.id,
      profileId: params.profileId,
    });
    return Response.json(await listProfileEvents({ workspaceId: workspace.id, profileId, query }));
  },
);
