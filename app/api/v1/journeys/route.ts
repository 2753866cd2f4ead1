// GET /api/v1/journeys – list journeys; POST creates a draft from JSON or a template (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { createJourneyResponse, listJourneysResponse } from "@/lib/journeys/journey-api";

export const GET = withSecretKey(({ request, workspace }) =>
  listJourneysResponse({ workspaceId: workspace.id, memberId: null }, request),
);

export const POST = withSecretKey(({ request, workspace }) =>
  createJourneyResponse({ workspaceId: workspace.id, memberId: null }, request),
);
