// GET /api/w/:workspaceId/journeys/:journeyId/runs – the journey's runs, newest first (viewer)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { listRunsResponse } from "@/lib/journeys/journey-api";

type Params = { workspaceId: string; journeyId: string };

export const GET = withWorkspace<Params>(({ request, params, workspace, member }) =>
  listRunsResponse({ workspaceId: workspace.id, memberId: member.id }, params.journeyId, request),
);
