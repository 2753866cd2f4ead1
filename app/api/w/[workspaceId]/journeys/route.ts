// GET /api/w/:workspaceId/journeys – list journeys; POST creates a draft (editor)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { createJourneyResponse, listJourneysResponse } from "@/lib/journeys/journey-api";

export const GET = withWorkspace(({ request, workspace, member }) =>
  listJourneysResponse({ workspaceId: workspace.id, memberId: member.id }, request),
);

export const POST = withWorkspace(({ request, workspace, member }) =>
  createJourneyResponse({ workspaceId: workspace.id, memberId: member.id }, request),
);
