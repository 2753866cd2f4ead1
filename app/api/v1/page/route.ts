// POST /api/v1/page – record a web page view
import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request";
import { ingestPreflight } from "@/lib/ingest/ingest-cors";

export async function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request, "page");
}

export const OPTIONS = ingestPreflight;
