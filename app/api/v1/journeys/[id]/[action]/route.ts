// POST /api/v1/journeys/:id/{validate,publish,pause,resume,archive,duplicate} – lifecycle actions (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { journeyActionResponse } from "@/lib/journeys/journey-api";

type Params = { id: string; action: string };

export const POST = withSecretKey<Params>(({ request, params, workspace }) =>
  journeyActionResponse(
    { workspaceId: workspace.id, memberId: null },
    params.id,
    params.action,
    request,
  ),
);
