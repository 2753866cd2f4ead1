// GET /api/w/:workspaceId/journeys/:journeyId – one journey; PATCH (or PUT) saves its draft (editor)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { getJourneyResponse, updateJourneyResponse } from "@/lib/journeys/journey-api";

type Params = { workspaceId: string; journeyId: string };

export const GET = withWorkspace<Params>(({ params, workspace, member }) =>
  getJourneyResponse({ workspaceId: workspace.id, memberId: member.id }, params.journeyId),
);

export const PATCH = withWorkspace<Params>(({ request, params, workspace, member }) =>
  updateJourneyResponse(
    { workspaceId: workspace.id, memberId: member.id },
    params.journeyId,
    request,
  ),
);

export const PUT = PATCH;
