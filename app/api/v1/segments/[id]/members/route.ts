// GET /api/v1/segments/:id/members – members now, searchable and paged (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { listMembersResponse } from "@/lib/segments/segments-api";

type Params = { id: string };

export const GET = withSecretKey<Params>(({ request, params, workspace }) =>
  listMembersResponse(workspace.id, params.id, request),
);
