// POST /api/v1/batch – ingest a batch of calls (Segment HTTP Tracking API)
import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request";

export async function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request, "batch");
}
