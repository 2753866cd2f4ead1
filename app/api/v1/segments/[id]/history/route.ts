// GET /api/v1/segments/:id/history – size at the end of each day (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { sizeHistoryResponse } from "@/lib/segments/segments-api";

type Params = { id: string };

export const GET = withSecretKey<Params>(({ request, params, workspace }) =>
  sizeHistoryResponse(workspace.id, params.id, request),
);
