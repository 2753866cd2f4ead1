import {
  type IncomingMessage,
  type ServerResponse,
  validateHeaderName,
  validateHeaderValue,
} from "node:http";
import { answerTrackingNotFound } from "@/lib/ingest/ingest-cors";
import { type ApiReply, type ApiRequest, answerSafely, errorJsonReply } from "./api-handler";
import { findApiRouteForRequest, isTrackingPath } from "./api-routes";
import { readNodeBody } from "./read-body";

// The custom server's door to the handler table (api-routes.ts): a request
// whose method and path are an entry is answered here, at the node:http
// level, with no Next router and no Web Request/Response; everything else
// goes on to Next. The handler's reply is written as it is, never gzipped.

/** Serves the request when the handler table has it; returns false otherwise. */
export function serveApiRoute(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "";
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  const found = findApiRouteForRequest(req.method ?? "", path);
  // Everything under /v1/ is the tracking API's: an unknown path answers its 404 here too.
  if (!found && !isTrackingPath(path)) return false;
  const request: ApiRequest = {
    path,
    params: found?.params ?? {},
    query: () => new URLSearchParams(query === -1 ? "" : url.slice(query + 1)),
    header: (name) => {
      const value = req.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
    readBody: (limit) => readNodeBody(req, limit),
  };
  const method = req.method ?? "";
  const answer = found ? found.route.answer : () => answerTrackingNotFound(request, method);
  void answerSafely(answer, request)
    .then((reply) => writeReply(req, res, reply))
    .catch((error: unknown) => {
      // Only writing can fail here (answerSafely answers every error).
      if (res.headersSent) return res.destroy();
      try {
        writeReply(req, res, errorJsonReply(error, { route: path }));
      } catch {
        res.destroy();
      }
    });
  return true;
}

function writeReply(req: IncomingMessage, res: ServerResponse, reply: ApiReply): void {
  const headers: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reply.headers)) {
    // Checked before writeHead, which leaves the response half-set when it
    // throws (a failed 204 would keep the envelope's body from being sent).
    validateHeaderName(name);
    validateHeaderValue(name, value);
    headers[name] = value;
  }
  // A body left unread (refused before or while reading it) is not drained:
  // the connection closes after the answer instead.
  if (!req.complete) headers.connection = "close";
  if (reply.body === null) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const body = Buffer.from(reply.body);
  headers["content-length"] = body.length;
  res.writeHead(reply.status, headers);
  res.end(body);
}
