// GET /api/w/:workspaceId/journeys/:journeyId/versions/:version – one version with its definition (viewer)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { getVersionResponse } from "@/lib/journeys/journey-versions-api";

type Params = { workspaceId: string; journeyId: string; version: string };

export const GET = withWorkspace<Params>(({ params, workspace, member }) =>
  getVersionResponse(
    { workspaceId: workspace.id, memberId: member.id },
    params.journeyId,
    params.version,
  ),
);
