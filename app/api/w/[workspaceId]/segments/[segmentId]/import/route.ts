// POST /api/w/:workspaceId/segments/:segmentId/import – a manual segment's members from CSV
import { withWorkspace } from "@/lib/auth/with-workspace";
import { importMembersResponse } from "@/lib/segments/segments-api";

type Params = { workspaceId: string; segmentId: string };

export const POST = withWorkspace<Params>(({ request, params, workspace }) =>
  importMembersResponse(workspace.id, params.segmentId, request),
);
