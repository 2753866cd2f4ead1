// POST /api/v1/track – record a user action
import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request";
import { ingestPreflight } from "@/lib/ingest/ingest-cors";

export async function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request, "track");
}

export const OPTIONS = ingestPreflight;
