// GET /api/v1/journeys/:id – one journey; PATCH (or PUT) saves its draft, checking draftRevision (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { getJourneyResponse, updateJourneyResponse } from "@/lib/journeys/journey-api";

type Params = { id: string };

export const GET = withSecretKey<Params>(({ params, workspace }) =>
  getJourneyResponse({ workspaceId: workspace.id, memberId: null }, params.id),
);

export const PATCH = withSecretKey<Params>(({ request, params, workspace }) =>
  updateJourneyResponse({ workspaceId: workspace.id, memberId: null }, params.id, request),
);

export const PUT = PATCH;
