// POST /api/v1/journeys/validate – validate a journey definition without saving it (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { validateDefinitionResponse } from "@/lib/journeys/journey-api";

export const POST = withSecretKey(({ request }) => validateDefinitionResponse(request));
