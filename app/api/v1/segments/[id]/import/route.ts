// POST /api/v1/segments/:id/import – a manual segment's members from CSV (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { importMembersResponse } from "@/lib/segments/segments-api";

type Params = { id: string };

export const POST = withSecretKey<Params>(({ request, params, workspace }) =>
  importMembersResponse(workspace.id, params.id, request),
);
