// POST /api/v1/identify – record who a user is and their traits
import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request";
import { ingestPreflight } from "@/lib/ingest/ingest-cors";

export async function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request, "identify");
}

export const OPTIONS = ingestPreflight;
