// POST /api/w/:workspaceId/journeys/:journeyId/{validate,publish,pause,resume,archive,duplicate} – lifecycle (editor)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { journeyActionResponse } from "@/lib/journeys/journey-api";

type Params = { workspaceId: string; journeyId: string; action: string };

export const POST = withWorkspace<Params>(({ request, params, workspace, member }) =>
  journeyActionResponse(
    { workspaceId: workspace.id, memberId: member.id },
    params.journeyId,
    params.action,
    request,
  ),
);
