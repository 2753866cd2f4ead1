// GET /api/w/:workspaceId/journeys/templates – the shipped journey patterns for "start from a template" (viewer)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { listJourneyTemplates } from "@/lib/journeys/journey-templates";

export const GET = withWorkspace(async () => Response.json({ templates: listJourneyTemplates() }));
