import "server-only";
import { createHash } from "node:crypto";
import { type ApiReply, type ApiRequest, errorJsonReply, jsonReply } from "@/lib/http/api-handler";
import { httpsSignals, servedOverHttps } from "@/lib/http/security-headers";
import { authenticateWriteKey, writeKeyFromHeader } from "./authenticate-write-key";
import { INGEST_CORS } from "./ingest-cors";

// The configuration documents browser tracking libraries load before they
// send anything, each pointing the library back at Cue.
//
// GET /v1/projects/:writeKey/settings – the settings document Segment's
// browser library (@segment/analytics-next) fetches from `<cdnURL>` before it
// sends anything. With `cdnURL` set to Cue's URL, this document points the
// library back at Cue: its Segment.io destination posts to
// `<protocol>://<apiHost>/<t|p|i|g|a|s>` (or `/b` when batching), which are
// the tracking API's paths under /v1 (lib/http/api-routes.ts). Nothing else
// is enabled: no device-mode destinations, middleware, or metrics sent to
// Segment, so the library loads no other bundle and calls no other host.

/** Where the browser reached Cue: the host it asked for, over the scheme it used. */
export function trackingBase(request: Pick<ApiRequest, "header">): string {
  const host =
    (request.header("x-forwarded-host") ?? request.header("host"))?.split(",")[0]?.trim() ||
    "localhost";
  const forwarded = request.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const https = servedOverHttps(httpsSignals(process.env, (name) => request.header(name)));
  const protocol =
    forwarded === "https" || forwarded === "http" ? forwarded : https ? "https" : "http";
  return `${protocol}://${host}`;
}

/** The settings document for a write key, pointing the library at `base`. */
export function segmentSettings(writeKey: string, base: string) {
  const url = new URL(base);
  return {
    integrations: {
      "Segment.io": {
        apiKey: writeKey,
        apiHost: `${url.host}/v1`,
        protocol: url.protocol.replace(":", ""),
        unbundledIntegrations: [],
        addBundledMetadata: true,
        maybeBundledConfigIds: {},
      },
    },
    plan: {},
    edgeFunction: {},
    analyticsNextEnabled: true,
    middlewareSettings: {},
    enabledMiddleware: {},
    metrics: { sampleRate: 0 },
    legacyVideoPluginsEnabled: false,
    remotePlugins: [],
  };
}

/** 200 with the document for a live write key, 401 otherwise, readable from any origin. */
export async function answerTrackingSettings(request: ApiRequest): Promise<ApiReply> {
  try {
    const writeKey = request.params.writeKey ?? null;
    await authenticateWriteKey(writeKey);
    return jsonReply(200, segmentSettings(writeKey as string, trackingBase(request)), {
      ...INGEST_CORS,
      // private: the document names the host this request asked for (X-Forwarded-Host included),
      // which a shared cache must not hand to anyone else.
      "cache-control": "private, max-age=60",
    });
  } catch (error) {
    return errorJsonReply(error, { route: request.path }, { ...INGEST_CORS });
  }
}

// GET /sourceConfig/?writeKey=… (or /v1/sourceConfig/) – the source
// configuration RudderStack's JavaScript SDK (@rudderstack/analytics-js)
// loads from its `configUrl`. An enabled source without device-mode
// destinations: the SDK then sends every call to `<dataPlaneUrl>/v1/<call>`.

/** The source configuration for a write key. */
export function rudderSourceConfig(writeKey: string) {
  const id = `cue-${createHash("sha256").update(writeKey).digest("hex").slice(0, 16)}`;
  return {
    isHosted: false,
    source: {
      id,
      name: "Cue",
      writeKey,
      workspaceId: "cue",
      enabled: true,
      config: {},
      destinations: [],
    },
  };
}

/** 200 with the source configuration for a live write key (query or Basic header), 401 otherwise. */
export async function answerRudderSourceConfig(request: ApiRequest): Promise<ApiReply> {
  try {
    const writeKey =
      request.query().get("writeKey") || writeKeyFromHeader(request.header("authorization"));
    await authenticateWriteKey(writeKey);
    return jsonReply(200, rudderSourceConfig(writeKey as string), {
      ...INGEST_CORS,
      "cache-control": "private, max-age=60",
    });
  } catch (error) {
    return errorJsonReply(error, { route: request.path }, { ...INGEST_CORS });
  }
}
