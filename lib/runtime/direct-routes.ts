import type { IncomingMessage, ServerResponse } from "node:http";
import * as inbox from "@/app/api/v1/inbox/route";
import { answerIngest, type IngestEndpoint } from "@/lib/ingest/handle-ingest-request";
import { INGEST_CORS_HEADERS } from "@/lib/ingest/ingest-cors";
import { readNodeBody } from "@/lib/ingest/read-ingest-body";

// The tracking API, served by the custom server at the node:http level,
// without Next's router and without Web Request/Response objects. It runs the
// same answerIngest as the route handlers in app/api/v1/* (which `next dev`
// still serves), so both answer the same statuses, headers and bodies; only
// how the body is read and the answer written differ. Measured on the 2-core
// target, Next's routing and the Request/Response conversion cost more CPU per
// /track request than the handler itself, and /track at 200 requests/s has to
// fit beside /batch traffic and the engine. Besides GET /api/v1/inbox (below),
// nothing else takes this path: pages and every other API go through Next.

const ROUTES = new Map<string, IngestEndpoint>([
  ["/api/v1/track", "track"],
  ["/api/v1/identify", "identify"],
  ["/api/v1/page", "page"],
  ["/api/v1/screen", "screen"],
  ["/api/v1/group", "group"],
  ["/api/v1/alias", "alias"],
  ["/api/v1/batch", "batch"],
]);

// Route handlers on a hot path that read no body: called with a Web Request
// built from the node request, but without Next's router. GET /api/v1/inbox
// is read once per new item by apps that poll instead of streaming.
const GET_ROUTES = new Map<string, WebRouteHandler>([["/api/v1/inbox", inbox.GET]]);

type WebRouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, never>> },
) => Promise<Response>;

/** Serves the request when it is for the tracking API; returns false otherwise. */
export function serveDirect(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "";
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  const getHandler = req.method === "GET" ? GET_ROUTES.get(path) : undefined;
  if (getHandler) {
    void respondWeb(req, res, getHandler).catch((error: unknown) => {
      console.error("[cue] API request failed", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "internal", message: "Internal error." } }));
    });
    return true;
  }
  const endpoint = ROUTES.get(path);
  if (!endpoint || (req.method !== "POST" && req.method !== "OPTIONS")) return false;
  if (req.method === "OPTIONS") {
    res.writeHead(204, INGEST_CORS_HEADERS);
    res.end();
    return true;
  }
  void respond(req, res, endpoint).catch((error: unknown) => {
    console.error("[cue] tracking API request failed", error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "internal", message: "Internal error." } }));
  });
  return true;
}

async function respond(req: IncomingMessage, res: ServerResponse, endpoint: IngestEndpoint) {
  const reply = await answerIngest(
    {
      header: (name) => {
        const value = req.headers[name];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
      readBody: (limit) => readNodeBody(req, limit),
    },
    endpoint,
  );
  const headers: Record<string, string | number> = { ...reply.headers };
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

async function respondWeb(req: IncomingMessage, res: ServerResponse, handler: WebRouteHandler) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, { headers });
  const response = await handler(request, { params: Promise.resolve({}) });
  const body = Buffer.from(await response.arrayBuffer());
  const out: Record<string, string | number> = {};
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  out["content-length"] = body.length;
  res.writeHead(response.status, out);
  res.end(body);
}
