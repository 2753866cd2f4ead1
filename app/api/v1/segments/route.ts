// GET /api/v1/segments – list segments with their size; POST creates one (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { createSegmentResponse, listSegmentsResponse } from "@/lib/segments/segments-api";

export const GET = withSecretKey(({ workspace }) => listSegmentsResponse(workspace.id));
export const POST = withSecretKey(({ request, workspace }) =>
  createSegmentResponse(workspace.id, request),
);
