// POST /api/v1/page – record a web page view
import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request";

export async function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request, "page");
}
