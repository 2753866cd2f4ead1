// POST /api/w/:workspaceId/journeys/validate – validate a definition without saving (viewer: it writes nothing)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { validateDefinitionResponse } from "@/lib/journeys/journey-api";

export const POST = withWorkspace(({ request }) => validateDefinitionResponse(request), {
  requiredRole: "viewer",
});
