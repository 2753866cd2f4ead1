// GET /api/w/:workspaceId/segments/:segmentId/members – members now, searchable and paged
import { withWorkspace } from "@/lib/auth/with-workspace";
import { listMembersResponse } from "@/lib/segments/segments-api";

type Params = { workspaceId: string; segmentId: string };

export const GET = withWorkspace<Params>(({ request, params, workspace }) =>
  listMembersResponse(workspace.id, params.segmentId, request),
);
