// POST /api/v1/screen – record a mobile screen view
import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request";

export async function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request, "screen");
}
