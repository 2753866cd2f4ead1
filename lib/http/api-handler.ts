import { errorReply } from "@/lib/api/errors";
import { httpsSignals, securityHeaders, servedOverHttps } from "./security-headers";

// The shape of every entry of the handler table (api-routes.ts): a function
// from what it reads of a request to what it answers, with no Web
// Request/Response and no node:http objects, so both doors (serve-node.ts
// for the custom server, web-routes.ts for Next's route files) can call it.

/** What a handler reads of a request, whichever door it came through. */
export interface ApiRequest {
  /** The URL's path, without the query string. */
  readonly path: string;
  /** The values of the route's `:name` segments, decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** The query string's parameters. */
  query(): URLSearchParams;
  /** A header's value by lower-case name (repeated headers joined by ", "), or null. */
  header(name: string): string | null;
  /**
   * The raw body, at most `limit` bytes: past that it rejects with the
   * envelope's payload_too_large and leaves the rest unread (read-body.ts).
   */
  readBody(limit: number): Promise<Buffer>;
}

/** A handler's answer, for either door to write. Header names are lower-case. */
export interface ApiReply {
  status: number;
  headers: Record<string, string>;
  /** JSON text, or null for no body. */
  body: string | null;
}

/** Answers a request; errors are answered with the envelope, never thrown. */
export type ApiHandler = (request: ApiRequest) => Promise<ApiReply> | ApiReply;

export function jsonReply(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): ApiReply {
  return {
    status,
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  };
}

/** The envelope of lib/api/errors.ts for any thrown value, unknown ones logged and a 500. */
export function errorJsonReply(
  error: unknown,
  context: Record<string, unknown>,
  headers: Record<string, string> = {},
): ApiReply {
  const reply = errorReply(error, context);
  if (reply.body === null) return { status: reply.status, headers, body: null };
  const own: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.headers ?? {})) own[name.toLowerCase()] = value;
  return jsonReply(reply.status, reply.body, { ...own, ...headers });
}

/**
 * Calls a handler, answering with the envelope if it throws after all: the
 * one place both doors turn an unexpected exception into a 500, so they
 * cannot differ there either. Every answer carries the API's security
 * headers (security-headers.ts), which the handler's own headers override.
 */
export async function answerSafely(handler: ApiHandler, request: ApiRequest): Promise<ApiReply> {
  let reply: ApiReply;
  try {
    reply = await handler(request);
  } catch (error) {
    reply = errorJsonReply(error, { route: request.path });
  }
  const https = servedOverHttps(httpsSignals(process.env, (name) => request.header(name)));
  return { ...reply, headers: { ...securityHeaders("api", { https }), ...reply.headers } };
}
