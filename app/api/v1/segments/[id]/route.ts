// GET/PATCH/DELETE /api/v1/segments/:id – one segment (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import {
  deleteSegmentResponse,
  getSegmentResponse,
  updateSegmentResponse,
} from "@/lib/segments/segments-api";

type Params = { id: string };

export const GET = withSecretKey<Params>(({ params, workspace }) =>
  getSegmentResponse(workspace.id, params.id),
);
export const PATCH = withSecretKey<Params>(({ request, params, workspace }) =>
  updateSegmentResponse(workspace.id, params.id, request),
);
export const DELETE = withSecretKey<Params>(({ params, workspace }) =>
  deleteSegmentResponse(workspace.id, params.id),
);
