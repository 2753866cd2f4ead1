// GET /api/w/:workspaceId/segments – list segments with their size; POST creates one
import { withWorkspace } from "@/lib/auth/with-workspace";
import { createSegmentResponse, listSegmentsResponse } from "@/lib/segments/segments-api";

export const GET = withWorkspace(({ workspace }) => listSegmentsResponse(workspace.id));
export const POST = withWorkspace(({ request, workspace }) =>
  createSegmentResponse(workspace.id, request),
);
