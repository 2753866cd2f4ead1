// GET /api/v1/openapi.json – the OpenAPI document of the journeys API, generated from its zod schemas
import { journeysOpenApi } from "@/lib/api/openapi/openapi-document";

export function GET(request: Request): Response {
  return Response.json(journeysOpenApi(new URL(request.url).origin));
}
