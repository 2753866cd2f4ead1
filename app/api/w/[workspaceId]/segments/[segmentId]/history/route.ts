// GET /api/w/:workspaceId/segments/:segmentId/history – size at the end of each day
import { withWorkspace } from "@/lib/auth/with-workspace";
import { sizeHistoryResponse } from "@/lib/segments/segments-api";

type Params = { workspaceId: string; segmentId: string };

export const GET = withWorkspace<Params>(({ request, params, workspace }) =>
  sizeHistoryResponse(workspace.id, params.segmentId, request),
);
