import "server-only";
import { answerInboxPreflight } from "@/lib/inbox/cors";
import { answerListInbox } from "@/lib/inbox/handle-list-inbox-request";
import { answerIngest, type IngestEndpoint } from "@/lib/ingest/handle-ingest-request";
import { answerIngestPreflight } from "@/lib/ingest/ingest-cors";
import {
  answerRudderSourceConfig,
  answerTrackingSettings,
} from "@/lib/ingest/serve-tracking-settings";
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
  /** The settings document Segment's browser library loads from its cdnURL (write key in the path). */
  | { readonly api: "tracking-settings"; readonly answer: ApiHandler }
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

/** A library's settings document path, GET and its preflight. */
function trackingSettings<P extends string>(path: P, answer: ApiHandler) {
  const get: ApiRoute = { api: "tracking-settings", answer };
  const preflight: ApiRoute = { api: "tracking-settings", answer: answerIngestPreflight };
  return { [`GET ${path}`]: get, [`OPTIONS ${path}`]: preflight } as Record<
    `GET ${P}` | `OPTIONS ${P}`,
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
  // The same API at the paths the libraries teams already run build from
  // Cue's URL alone (everything under /v1/ is the tracking API's):
  // RudderStack's SDKs post to `<dataPlaneUrl>/v1/<call>` …
  ...tracking("/v1/track", "track"),
  ...tracking("/v1/identify", "identify"),
  ...tracking("/v1/page", "page"),
  ...tracking("/v1/screen", "screen"),
  ...tracking("/v1/group", "group"),
  ...tracking("/v1/alias", "alias"),
  ...tracking("/v1/batch", "batch"),
  // … and Segment's analytics-next loads its settings from `<cdnURL>/v1/projects/<writeKey>/settings`,
  // which send it to `<apiHost>/<first letter of the call>` (or `/b` when batching), apiHost being `<Cue>/v1`.
  ...trackingSettings("/v1/projects/:writeKey/settings", answerTrackingSettings),
  // RudderStack's JavaScript SDK loads `<configUrl>/sourceConfig/` (configUrl = Cue's URL, or Cue's URL + /v1).
  ...trackingSettings("/sourceConfig", answerRudderSourceConfig),
  ...trackingSettings("/v1/sourceConfig", answerRudderSourceConfig),
  ...tracking("/v1/t", "track"),
  ...tracking("/v1/i", "identify"),
  ...tracking("/v1/p", "page"),
  ...tracking("/v1/s", "screen"),
  ...tracking("/v1/g", "group"),
  ...tracking("/v1/a", "alias"),
  ...tracking("/v1/b", "batch"),
  ...inbox("GET", "/api/v1/inbox", answerListInbox),
} satisfies Record<string, ApiRoute>;

export type ApiRouteKey = keyof typeof API_ROUTES;

/** The entry for a method and a path (no query string), with its `:name` params; null if none. */
export const findApiRoute = routeMatcher<ApiRoute>(API_ROUTES);

/** Paths only the tracking API answers: /v1/ and below (an unknown one is its 404, with CORS). */
export function isTrackingPath(path: string): boolean {
  return path === "/v1" || path.startsWith("/v1/");
}

/**
 * The entry for a request as the custom server sees it: a tracking library's
 * path with a trailing slash (RudderStack's `/sourceConfig/`) is the path
 * without it.
 */
export function findApiRouteForRequest(method: string, path: string) {
  const found = findApiRoute(method, path);
  if (found || path.length < 2 || !path.endsWith("/")) return found;
  const trimmed = path.slice(0, -1);
  return isTrackingPath(trimmed) || trimmed === "/sourceConfig"
    ? findApiRoute(method, trimmed)
    : null;
}
