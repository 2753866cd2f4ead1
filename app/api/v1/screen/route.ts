// POST /api/v1/screen – record a mobile screen view
import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request";
import { ingestPreflight } from "@/lib/ingest/ingest-cors";

export async function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request, "screen");
}

export const OPTIONS = ingestPreflight;
