// GET /api/w/:workspaceId/journeys/:journeyId/diff?from=&to= – readable diff of two versions or the draft (viewer)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { diffVersionsResponse } from "@/lib/journeys/journey-versions-api";

type Params = { workspaceId: string; journeyId: string };

export const GET = withWorkspace<Params>(({ request, params, workspace, member }) =>
  diffVersionsResponse(
    { workspaceId: workspace.id, memberId: member.id },
    params.journeyId,
    request,
  ),
);
