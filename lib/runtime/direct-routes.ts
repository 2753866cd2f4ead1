import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import * as alias from "@/app/api/v1/alias/route";
import * as batch from "@/app/api/v1/batch/route";
import * as group from "@/app/api/v1/group/route";
import * as identify from "@/app/api/v1/identify/route";
import * as page from "@/app/api/v1/page/route";
import * as screen from "@/app/api/v1/screen/route";
import * as track from "@/app/api/v1/track/route";

// The tracking API's route handlers, called by the custom server without
// going through Next's router. They are the same exported handlers Next
// serves (and `next dev` still does); only the dispatch differs. Measured on
// the 2-core target, Next's routing, tracing and response streaming cost
// more CPU per /track request than the handler itself, and /track at 200
// requests/s has to fit beside /batch traffic and the engine. Nothing else
// takes this path: pages and every other API go through Next.

interface RouteModule {
  POST: (request: Request) => Promise<Response>;
  OPTIONS: () => Response;
}

const ROUTES = new Map<string, RouteModule>([
  ["/api/v1/track", track],
  ["/api/v1/identify", identify],
  ["/api/v1/page", page],
  ["/api/v1/screen", screen],
  ["/api/v1/group", group],
  ["/api/v1/alias", alias],
  ["/api/v1/batch", batch],
]);

/** Serves the request when it is for the tracking API; returns false otherwise. */
export function serveDirect(req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? "").split("?")[0] ?? "";
  const route = ROUTES.get(path);
  if (!route || (req.method !== "POST" && req.method !== "OPTIONS")) return false;
  void respond(req, res, route).catch((error: unknown) => {
    console.error("[cue] tracking API request failed", error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "internal", message: "Internal error." } }));
  });
  return true;
}

async function respond(req: IncomingMessage, res: ServerResponse, route: RouteModule) {
  if (req.method === "OPTIONS") return write(res, route.OPTIONS());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, {
    method: "POST",
    headers,
    // Streamed: the handler reads at most its size limit.
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    duplex: "half",
  } as RequestInit);
  await write(res, await route.POST(request));
}

async function write(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}
