import "server-only";
import { answerTrackingNotFound } from "@/lib/ingest/ingest-cors";
import { type ApiReply, type ApiRequest, answerSafely } from "./api-handler";
import { API_ROUTES, type ApiRouteKey } from "./api-routes";
import { readWebBody } from "./read-body";
import { pathParams, splitRouteKey } from "./route-matcher";

// Next's door to the handler table (api-routes.ts). A route file of a table
// path is one line,
//   export const { POST, OPTIONS } = webRoutes("/api/v1/track");
// and can only name methods the table has for that path.

type PathOf<K> = K extends `${string} ${infer P}` ? P : never;
type MethodOf<K, P extends string> = K extends `${infer M} ${P}` ? M : never;

/** A path of the handler table, as written there (`:name` segments included). */
export type ApiPath = PathOf<ApiRouteKey>;

/** A Next route handler (Next passes a context, which the table does not need). */
export type WebRouteHandler = (request: Request, context?: unknown) => Promise<Response>;

/** Next route handlers for every method the table has for `path`. */
export function webRoutes<P extends ApiPath>(
  path: P,
): Record<MethodOf<ApiRouteKey, P>, WebRouteHandler> {
  const handlers: Record<string, WebRouteHandler> = {};
  for (const [key, route] of Object.entries(API_ROUTES)) {
    const { method, path: pattern } = splitRouteKey(key);
    if (pattern !== path) continue;
    handlers[method] = async (request) => {
      const reply = await answerSafely(route.answer, toApiRequest(request, pattern));
      return toResponse(reply);
    };
  }
  return handlers as Record<MethodOf<ApiRouteKey, P>, WebRouteHandler>;
}

function toApiRequest(request: Request, pattern: string): ApiRequest {
  const url = new URL(request.url);
  return {
    path: url.pathname,
    params: pattern.includes("/:") ? (pathParams(pattern, url.pathname) ?? {}) : {},
    query: () => url.searchParams,
    header: (name) => request.headers.get(name),
    readBody: (limit) => readWebBody(request.body, limit),
  };
}

function toResponse(reply: ApiReply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}

/**
 * Next route handlers for the catch-all routes of the APIs' prefixes
 * (app/v1/[...path], app/api/v1/[...path]): an unknown path answers the
 * tracking API's 404 in the error envelope, readable from any origin, so a
 * browser library sent to a wrong path shows that error rather than a CORS
 * failure. Next prefers every specific route over these.
 */
export function webNotFoundRoutes(): Record<
  "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS",
  WebRouteHandler
> {
  const handler =
    (method: string): WebRouteHandler =>
    async (request) => {
      const api = toApiRequest(request, "");
      return toResponse(await answerSafely(() => answerTrackingNotFound(api, method), api));
    };
  return {
    GET: handler("GET"),
    POST: handler("POST"),
    PUT: handler("PUT"),
    PATCH: handler("PATCH"),
    DELETE: handler("DELETE"),
    OPTIONS: handler("OPTIONS"),
  };
}
