// POST /api/v1/batch – ingest a batch of calls (Segment HTTP Tracking API)
import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request";
import { ingestPreflight } from "@/lib/ingest/ingest-cors";

export async function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request, "batch");
}

export const OPTIONS = ingestPreflight;
