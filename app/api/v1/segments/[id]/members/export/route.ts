// GET /api/v1/segments/:id/members/export – every member as CSV (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { exportMembersResponse } from "@/lib/segments/segments-api";

type Params = { id: string };

export const GET = withSecretKey<Params>(({ params, workspace }) =>
  exportMembersResponse(workspace.id, params.id),
);
