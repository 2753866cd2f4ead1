// GET /api/w/:workspaceId/segments/:segmentId/explain?profile= – why is / isn't this user in it
import { withWorkspace } from "@/lib/auth/with-workspace";
import { explainMembershipResponse } from "@/lib/segments/segments-api";

type Params = { workspaceId: string; segmentId: string };

export const GET = withWorkspace<Params>(({ request, params, workspace }) =>
  explainMembershipResponse(workspace.id, params.segmentId, request),
);
