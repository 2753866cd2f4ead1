// GET /api/v1/segments/:id/explain – why is / isn't this user in it (?profile=) (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { explainMembershipResponse } from "@/lib/segments/segments-api";

type Params = { id: string };

export const GET = withSecretKey<Params>(({ request, params, workspace }) =>
  explainMembershipResponse(workspace.id, params.id, request),
);
