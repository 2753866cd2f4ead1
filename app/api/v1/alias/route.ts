// POST /api/v1/alias – link a previous id to a userId
import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request";
import { ingestPreflight } from "@/lib/ingest/ingest-cors";

export async function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request, "alias");
}

export const OPTIONS = ingestPreflight;
