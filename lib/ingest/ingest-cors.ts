import { ApiError } from "@/lib/api/errors";
import { type ApiReply, type ApiRequest, errorJsonReply } from "@/lib/http/api-handler";

// CORS for the tracking API. The write key is public by design (it ships in
// browser snippets, as Segment's does), so any origin may send events: the
// key names the workspace, and nothing here reads user data back. Credentials
// (cookies) are never involved. The inbox API, which does read user data, has
// its own per-workspace origin list (lib/inbox/cors.ts).
//
// The allowed request headers are those the libraries teams run send:
// Segment's analytics-next adds X-Retry-Count on retries; RudderStack's
// JavaScript SDK sends AnonymousId and SentAt, and Rsa-* on recovered or
// retried deliveries.

export const INGEST_CORS = { "access-control-allow-origin": "*" } as const;

const INGEST_CORS_HEADERS = {
  ...INGEST_CORS,
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": [
    "Content-Type",
    "Authorization",
    "X-Retry-Count",
    "AnonymousId",
    "SentAt",
    "Rsa-Recovered",
    "Rsa-Retry-Attempt",
    "Rsa-Retry-Reason",
    "Rsa-Since-First-Attempt",
    "Rsa-Since-Last-Attempt",
  ].join(", "),
  "access-control-max-age": "86400",
} as const;

/** OPTIONS on every tracking API path. */
export function answerIngestPreflight(): ApiReply {
  return { status: 204, headers: { ...INGEST_CORS_HEADERS }, body: null };
}

/**
 * Any path under the tracking API that is not one (a library configured with
 * the wrong host path): 404 in the error envelope, readable cross-origin so
 * the browser shows this error instead of a CORS failure. Preflights of such
 * paths succeed, so the POST itself reaches this answer.
 */
export function answerTrackingNotFound(
  request: Pick<ApiRequest, "path">,
  method: string,
): ApiReply {
  if (method === "OPTIONS") return answerIngestPreflight();
  return errorJsonReply(
    new ApiError("not_found", `No tracking API at ${method} ${request.path}.`, {
      details: {
        reason: "unknown_path",
        hint: "Segment libraries: cdnURL = Cue's URL. RudderStack: dataPlaneUrl = Cue's URL.",
      },
    }),
    { route: request.path },
    { ...INGEST_CORS },
  );
}
