// GET /api/v1/journey-templates – the shipped journey patterns, each postable to /api/v1/journeys (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { listJourneyTemplates } from "@/lib/journeys/journey-templates";

export const GET = withSecretKey(async () => Response.json({ templates: listJourneyTemplates() }));
