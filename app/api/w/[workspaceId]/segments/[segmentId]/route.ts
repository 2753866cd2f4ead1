// GET/PATCH/DELETE /api/w/:workspaceId/segments/:segmentId – one segment
import { withWorkspace } from "@/lib/auth/with-workspace";
import {
  deleteSegmentResponse,
  getSegmentResponse,
  updateSegmentResponse,
} from "@/lib/segments/segments-api";

type Params = { workspaceId: string; segmentId: string };

export const GET = withWorkspace<Params>(({ params, workspace }) =>
  getSegmentResponse(workspace.id, params.segmentId),
);
export const PATCH = withWorkspace<Params>(({ request, params, workspace }) =>
  updateSegmentResponse(workspace.id, params.segmentId, request),
);
export const DELETE = withWorkspace<Params>(({ params, workspace }) =>
  deleteSegmentResponse(workspace.id, params.segmentId),
);
