// POST /api/v1/identify – record who a user is and their traits
import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request";

export async function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request, "identify");
}
