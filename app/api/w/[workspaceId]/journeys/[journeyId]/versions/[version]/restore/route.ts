// POST /api/w/:workspaceId/journeys/:journeyId/versions/:version/restore – copy a version into the draft (editor)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { restoreVersionResponse } from "@/lib/journeys/journey-versions-api";

type Params = { workspaceId: string; journeyId: string; version: string };

export const POST = withWorkspace<Params>(({ request, params, workspace, member }) =>
  restoreVersionResponse(
    { workspaceId: workspace.id, memberId: member.id },
    params.journeyId,
    params.version,
    request,
  ),
);
