// POST /api/v1/group – record a user's membership of a group (account, team)
import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request";
import { ingestPreflight } from "@/lib/ingest/ingest-cors";

export async function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request, "group");
}

export const OPTIONS = ingestPreflight;
