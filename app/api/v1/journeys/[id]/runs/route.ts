// GET /api/v1/journeys/:id/runs – the journey's runs, newest first, keyset-paginated (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { listRunsResponse } from "@/lib/journeys/journey-api";

export const GET = withSecretKey<{ id: string }>(({ request, params, workspace }) =>
  listRunsResponse({ workspaceId: workspace.id, memberId: null }, params.id, request),
);
