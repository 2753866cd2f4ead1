import { ApiError } from "@/lib/api/errors";

// CORS for the browser-facing inbox API (/api/v1/inbox/*).
//
// A preflight carries no credentials, so it cannot know the workspace: it is
// answered generically (any origin, our methods and headers). The workspace
// decides on the actual request: an Origin that is neither in
// workspace.allowedOrigins nor the Cue host itself gets a 403 *before* any
// state changes and without Access-Control-Allow-Origin, so the browser also
// hides the answer. Requests without an Origin (servers, curl) are not CORS
// and pass.

const ALLOWED_HEADERS = [
  "Authorization",
  "Content-Type",
  "Last-Event-ID",
  "X-Cue-Write-Key",
  "X-Cue-User-Id",
  "X-Cue-User-Hash",
].join(", ");

export function inboxPreflight(request: Request): Response {
  const origin = request.headers.get("origin");
  const headers = new Headers({ Vary: "Origin" });
  if (origin) {
    headers.set("Access-Control-Allow-Origin", origin);
    headers.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    headers.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    headers.set("Access-Control-Max-Age", "600");
  }
  return new Response(null, { status: 204, headers });
}

/** The Cue host itself (the /demo page, the admin UI) is always its own origin. */
function isSameOrigin(origin: string, request: Request): boolean {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return host !== null && new URL(origin).host === host.split(",")[0]?.trim();
  } catch {
    return false;
  }
}

export function isOriginAllowed(
  origin: string,
  allowedOrigins: readonly string[],
  request: Request,
): boolean {
  return allowedOrigins.includes(origin.toLowerCase()) || isSameOrigin(origin, request);
}

/** Throws the 403 for a browser origin the workspace has not allowed. */
export function assertOriginAllowed(request: Request, allowedOrigins: readonly string[]): void {
  const origin = request.headers.get("origin");
  if (origin === null || isOriginAllowed(origin, allowedOrigins, request)) return;
  throw new ApiError(
    "forbidden",
    "This origin may not call the inbox API; add it to the workspace's allowed origins.",
  );
}

/** Adds the CORS answer for an origin already known to be allowed. */
export function withCorsHeaders(response: Response, origin: string | null): Response {
  response.headers.append("Vary", "Origin");
  if (origin) response.headers.set("Access-Control-Allow-Origin", origin);
  return response;
}
