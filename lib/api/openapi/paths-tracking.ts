import { z } from "zod";
import { MESSAGE_TYPES, type MessageType, messageSchemas } from "@/lib/ingest/schemas";
import { json, jsonBody, type PathItem, pick, ref, WRITE_KEY } from "./openapi-helpers";

// The Segment-compatible tracking API. Each call's component is the zod
// schema the ingestion path validates it with, plus the timestamp fields
// normalize-message.ts reads (they need the request's clock, so they are
// checked there rather than in the schema).

const timestamps = {
  timestamp: z.string().optional().meta({
    description: "When it happened (ISO 8601). Corrected for client clock skew with sentAt.",
  }),
  originalTimestamp: z.string().optional(),
  sentAt: z.string().optional(),
};

const TITLES: Record<MessageType, string> = {
  track: "Track",
  identify: "Identify",
  page: "Page",
  screen: "Screen",
  group: "Group",
  alias: "Alias",
};

const withType = (type: MessageType) =>
  messageSchemas[type].extend({ ...timestamps, type: z.literal(type) });

export const TRACKING_SCHEMAS: Record<string, z.ZodType> = {
  ...Object.fromEntries(
    MESSAGE_TYPES.map((type) => [`${TITLES[type]}Call`, messageSchemas[type].extend(timestamps)]),
  ),
  BatchRequest: z.object({
    batch: z
      .array(z.union(MESSAGE_TYPES.map(withType)))
      .meta({ description: "Up to 500 KB of calls; each is accepted or rejected on its own." }),
    sentAt: z.string().optional(),
    writeKey: z.string().optional(),
  }),
};

const EXAMPLES: Record<MessageType, unknown> = {
  track: {
    userId: "user_123",
    event: "Trial Started",
    properties: { plan: "pro" },
    timestamp: "2026-12-07T10:00:00Z",
  },
  identify: { userId: "user_123", traits: { email: "ada@example.com", plan: "pro" } },
  page: { anonymousId: "anon_9", name: "Pricing", properties: { path: "/pricing" } },
  screen: { userId: "user_123", name: "Settings" },
  group: { userId: "user_123", groupId: "acme", traits: { name: "Acme Inc" } },
  alias: { previousId: "anon_9", userId: "user_123" },
};

const NOTE =
  "Segment/RudderStack compatible. The same call is also answered at `/v1/<call>` and at the one-letter paths `/v1/t`, `/v1/i`, `/v1/p`, `/v1/s`, `/v1/g`, `/v1/a`, `/v1/b` that Segment's analytics-next uses; browsers may send `text/plain` and gzip bodies. Any origin may call it (CORS).";

const responses = {
  "200": json(ref("IngestResult"), "Stored (see `rejected` for calls refused one by one)", {
    success: true,
  }),
  ...pick("400", "401", "413", "429"),
};

function call(type: MessageType, summary: string): PathItem {
  return {
    post: {
      operationId: type,
      tags: ["Tracking"],
      summary,
      description: NOTE,
      security: WRITE_KEY,
      requestBody: jsonBody(ref(`${TITLES[type]}Call`), EXAMPLES[type]),
      responses,
    },
  };
}

const settingsErrors = pick("401");

export const trackingPaths: Record<string, PathItem> = {
  "/v1/projects/{writeKey}/settings": {
    get: {
      operationId: "getSegmentSettings",
      tags: ["Tracking"],
      summary: "The settings document Segment's analytics-next loads from its cdnURL",
      description:
        "With `cdnURL` set to Cue's URL, `AnalyticsBrowser.load({ writeKey, cdnURL })` fetches this document, which points the library's Segment.io destination back at Cue (`apiHost` = Cue's host + `/v1`) and enables nothing else. The write key is in the path.",
      security: [],
      parameters: [{ name: "writeKey", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        "200": json({ type: "object" }, "Segment settings pointing at Cue", {
          integrations: {
            "Segment.io": { apiKey: "wk_…", apiHost: "cue.example.com/v1", protocol: "https" },
          },
          remotePlugins: [],
        }),
        ...settingsErrors,
      },
    },
  },
  "/sourceConfig": {
    get: {
      operationId: "getRudderSourceConfig",
      tags: ["Tracking"],
      summary: "The source configuration RudderStack's JavaScript SDK loads from its configUrl",
      description:
        "Also at `/v1/sourceConfig` (and with a trailing slash). The write key comes as the `writeKey` query parameter or as the Basic username. An enabled source with no device-mode destinations, so the SDK sends every call to `<dataPlaneUrl>/v1/<call>`.",
      security: [{}, ...WRITE_KEY],
      parameters: [{ name: "writeKey", in: "query", schema: { type: "string" } }],
      responses: {
        "200": json({ type: "object" }, "RudderStack source configuration", {
          isHosted: false,
          source: { id: "cue-…", name: "Cue", writeKey: "wk_…", enabled: true, destinations: [] },
        }),
        ...settingsErrors,
      },
    },
  },
  "/api/v1/track": call("track", "Record a user action"),
  "/api/v1/identify": call("identify", "Record who a user is and their traits"),
  "/api/v1/page": call("page", "Record a web page view"),
  "/api/v1/screen": call("screen", "Record a mobile screen view"),
  "/api/v1/group": call("group", "Record a user's membership of a group"),
  "/api/v1/alias": call("alias", "Link a previous id to a userId"),
  "/api/v1/batch": {
    post: {
      operationId: "batch",
      tags: ["Tracking"],
      summary: "Send several calls at once",
      description: `${NOTE} Each item carries its \`type\`.`,
      security: WRITE_KEY,
      requestBody: jsonBody(ref("BatchRequest"), {
        batch: [
          { type: "identify", ...(EXAMPLES.identify as object) },
          { type: "track", ...(EXAMPLES.track as object) },
        ],
        sentAt: "2026-12-07T10:00:01Z",
      }),
      responses,
    },
  },
};
