// GET /api/v1/openapi.json – the OpenAPI 3.1 document of the public API, generated from its zod schemas
import { cueOpenApi } from "@/lib/api/openapi/openapi-document";

export function GET(request: Request): Response {
  return Response.json(cueOpenApi(new URL(request.url).origin));
}
