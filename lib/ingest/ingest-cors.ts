// CORS for the tracking API. The write key is public by design (it ships in
// browser snippets, as Segment's does), so any origin may send events: the
// key names the workspace, and nothing here reads data back. Credentials
// (cookies) are never involved. The inbox API, which does read user data, has
// its own per-workspace origin list (lib/inbox/cors.ts).

export const INGEST_CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, Authorization",
  "Access-Control-Max-Age": "86400",
} as const;

/** OPTIONS on /api/v1/{track,identify,page,screen,group,alias,batch}. */
export function ingestPreflight(): Response {
  return new Response(null, { status: 204, headers: INGEST_CORS_HEADERS });
}
