// POST /api/v1/alias – link a previous id to a userId
import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request";

export async function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request, "alias");
}
