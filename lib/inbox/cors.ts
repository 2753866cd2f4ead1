import { ApiError } from "@/lib/api/errors";
import type { ApiReply, ApiRequest } from "@/lib/http/api-handler";

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

/** What CORS reads of a request: its headers, from either door. */
type Headed = Pick<ApiRequest, "header">;

/** A Web Request's headers, for the inbox routes only Next serves. */
export function webHeaders(request: Request): Headed {
  return { header: (name) => request.headers.get(name) };
}

/** OPTIONS on every inbox path. */
export function answerInboxPreflight(request: Headed): ApiReply {
  const origin = request.header("origin");
  if (!origin) return { status: 204, headers: { vary: "Origin" }, body: null };
  return {
    status: 204,
    headers: {
      vary: "Origin",
      "access-control-allow-origin": origin,
      "access-control-allow-methods": "GET, POST, PUT, OPTIONS",
      "access-control-allow-headers": ALLOWED_HEADERS,
      "access-control-max-age": "600",
    },
    body: null,
  };
}

/** The same preflight for the inbox routes outside the handler table (lib/http/api-routes.ts). */
export function inboxPreflight(request: Request): Response {
  const reply = answerInboxPreflight(webHeaders(request));
  return new Response(null, { status: reply.status, headers: reply.headers });
}

/** The Cue host itself (the /demo page, the admin UI) is always its own origin. */
function isSameOrigin(origin: string, request: Headed): boolean {
  const host = request.header("x-forwarded-host") ?? request.header("host");
  try {
    return host !== null && new URL(origin).host === host.split(",")[0]?.trim();
  } catch {
    return false;
  }
}

export function isOriginAllowed(
  origin: string,
  allowedOrigins: readonly string[],
  request: Headed,
): boolean {
  return allowedOrigins.includes(origin.toLowerCase()) || isSameOrigin(origin, request);
}

/** Throws the 403 for a browser origin the workspace has not allowed. */
export function assertOriginAllowed(request: Headed, allowedOrigins: readonly string[]): void {
  const origin = request.header("origin");
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

/** withCorsHeaders for a handler table reply. */
export function withCorsReply(reply: ApiReply, origin: string | null): ApiReply {
  const vary = reply.headers.vary;
  const headers: Record<string, string> = {
    ...reply.headers,
    vary: vary ? `${vary}, Origin` : "Origin",
  };
  if (origin) headers["access-control-allow-origin"] = origin;
  return { ...reply, headers };
}
