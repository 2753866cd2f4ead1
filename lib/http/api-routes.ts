import "server-only";
import { answerInboxPreflight } from "@/lib/inbox/cors";
import { answerListInbox } from "@/lib/inbox/handle-list-inbox-request";
import { answerIngest, type IngestEndpoint } from "@/lib/ingest/handle-ingest-request";
import { answerIngestPreflight } from "@/lib/ingest/ingest-cors";
import type { ApiHandler } from "./api-handler";
import { routeMatcher } from "./route-matcher";

// The handler table: each endpoint's handler, once, keyed "METHOD /path".
// Both doors call these entries and nothing else, so an endpoint answers the
// same under `npm start` and `npm run dev`:
// - the custom server (`npm start`) serves every entry at the node:http level
//   (serve-node.ts), before and without Next's router, because Next's routing
//   and its Web Request/Response conversion cost more CPU per /track than the
//   handler itself;
// - Next (`npm run dev`, and anything else that runs the route files) reaches
//   the same entries through app/<path>/route.ts, a one-liner of webRoutes
//   (web-routes.ts).
// What belongs here: the endpoints apps and tracking libraries call at
// volume (the tracking API, the inbox list). Admin, session and streaming
// APIs stay plain route files served by Next alone.
//
// To add an endpoint: add its entry (one line: `...tracking("/t", "track")`
// for another tracking path), and its route file
// `export const { POST, OPTIONS } = webRoutes("/t");`. The parity test
// (test/http/api-routes-parity.test.ts) then sends good and bad requests
// through both doors for it, built from its `api`.

export type ApiRoute =
  /** The Segment-compatible tracking API: write key, any origin, `call` is what the body carries. */
  | { readonly api: "tracking"; readonly call: IngestEndpoint; readonly answer: ApiHandler }
  /** The end user's inbox: write key + user proof, the workspace's origins. */
  | { readonly api: "inbox"; readonly answer: ApiHandler };

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A tracking API path: POST a call of kind `call`, and its preflight. */
function tracking<P extends string>(path: P, call: IngestEndpoint) {
  const post: ApiRoute = {
    api: "tracking",
    call,
    answer: (request) => answerIngest(request, call),
  };
  const preflight: ApiRoute = { api: "tracking", call, answer: answerIngestPreflight };
  return { [`POST ${path}`]: post, [`OPTIONS ${path}`]: preflight } as Record<
    `POST ${P}` | `OPTIONS ${P}`,
    ApiRoute
  >;
}

/** An inbox API path: `method` answered by `answer`, and its preflight. */
function inbox<M extends Method, P extends string>(method: M, path: P, answer: ApiHandler) {
  const route: ApiRoute = { api: "inbox", answer };
  const preflight: ApiRoute = { api: "inbox", answer: answerInboxPreflight };
  return { [`${method} ${path}`]: route, [`OPTIONS ${path}`]: preflight } as Record<
    `${M} ${P}` | `OPTIONS ${P}`,
    ApiRoute
  >;
}

export const API_ROUTES = {
  ...tracking("/api/v1/track", "track"),
  ...tracking("/api/v1/identify", "identify"),
  ...tracking("/api/v1/page", "page"),
  ...tracking("/api/v1/screen", "screen"),
  ...tracking("/api/v1/group", "group"),
  ...tracking("/api/v1/alias", "alias"),
  ...tracking("/api/v1/batch", "batch"),
  ...inbox("GET", "/api/v1/inbox", answerListInbox),
} satisfies Record<string, ApiRoute>;

export type ApiRouteKey = keyof typeof API_ROUTES;

/** The entry for a method and a path (no query string), with its `:name` params; null if none. */
export const findApiRoute = routeMatcher<ApiRoute>(API_ROUTES);
