import type { ApiReply } from "@/lib/http/api-handler";

// CORS for the tracking API. The write key is public by design (it ships in
// browser snippets, as Segment's does), so any origin may send events: the
// key names the workspace, and nothing here reads data back. Credentials
// (cookies) are never involved. The inbox API, which does read user data, has
// its own per-workspace origin list (lib/inbox/cors.ts).

const INGEST_CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, OPTIONS",
  "access-control-allow-headers": "Content-Type, Authorization",
  "access-control-max-age": "86400",
} as const;

/** OPTIONS on every tracking API path. */
export function answerIngestPreflight(): ApiReply {
  return { status: 204, headers: { ...INGEST_CORS_HEADERS }, body: null };
}
