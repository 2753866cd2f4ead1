// GET /api/w/:workspaceId/journeys/:journeyId/versions – published versions, newest first (viewer)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { listVersionsResponse } from "@/lib/journeys/journey-versions-api";

type Params = { workspaceId: string; journeyId: string };

export const GET = withWorkspace<Params>(({ params, workspace, member }) =>
  listVersionsResponse({ workspaceId: workspace.id, memberId: member.id }, params.journeyId),
);
