// GET /api/w/:workspaceId/profiles/:profileId/journey-runs – the profile's journey runs with their traces (viewer)
import { parseOrThrow } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import { listProfileRuns, profileRunsQuerySchema } from "@/lib/journeys/list-profile-runs";

type Params = { workspaceId: string; profileId: string };

export const GET = withWorkspace<Params>(async ({ request, params, workspace }) => {
  const query = parseOrThrow(
    profileRunsQuerySchema,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  return Response.json(
    await listProfileRuns({ workspaceId: workspace.id, profileId: params.profileId, ...query }),
  );
});
