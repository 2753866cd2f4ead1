// GET /api/w/:workspaceId/segments/:segmentId/members/export – every member as CSV
import { withWorkspace } from "@/lib/auth/with-workspace";
import { exportMembersResponse } from "@/lib/segments/segments-api";

type Params = { workspaceId: string; segmentId: string };

export const GET = withWorkspace<Params>(({ params, workspace }) =>
  exportMembersResponse(workspace.id, params.segmentId),
);
