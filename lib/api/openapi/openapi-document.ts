import { componentSchemas, type JsonSchema, SECURITY_SCHEMES } from "./openapi-helpers";
import { INBOX_SCHEMAS, inboxPaths } from "./paths-inbox";
import { JOURNEY_REQUEST_SCHEMAS, JOURNEY_RESPONSE_SCHEMAS, journeyPaths } from "./paths-journeys";
import { MESSAGE_RESPONSE_SCHEMAS, messagePaths } from "./paths-messages";
import { RESOURCE_SCHEMAS, resourcePaths } from "./paths-resources";
import { SEGMENT_REQUEST_SCHEMAS, segmentPaths } from "./paths-segments";
import {
  SETTINGS_REQUEST_SCHEMAS,
  SETTINGS_RESPONSE_SCHEMAS,
  settingsPaths,
} from "./paths-settings";
import { TOPIC_REQUEST_SCHEMAS, TOPIC_RESPONSE_SCHEMAS, topicPaths } from "./paths-topics";
import { TRACKING_SCHEMAS, trackingPaths } from "./paths-tracking";
import * as out from "./response-schemas";

// The OpenAPI 3.1 document of Cue's public API: every /api/v1 endpoint a
// write key, an inbox user or the secret key calls. Component schemas are
// generated from the same zod schemas the routes parse with (z.toJSONSchema),
// so the document cannot drift from the validation; the paths (one file per
// area) are written by hand, and test/api/openapi-document.test.ts fails when
// a route file has no operation here.

const REQUEST_SCHEMAS = {
  ...TRACKING_SCHEMAS,
  ...INBOX_SCHEMAS,
  ...RESOURCE_SCHEMAS,
  ...JOURNEY_REQUEST_SCHEMAS,
  ...SETTINGS_REQUEST_SCHEMAS,
  ...TOPIC_REQUEST_SCHEMAS,
  ...SEGMENT_REQUEST_SCHEMAS,
};
const RESPONSE_SCHEMAS = {
  ...JOURNEY_RESPONSE_SCHEMAS,
  ...MESSAGE_RESPONSE_SCHEMAS,
  ...SETTINGS_RESPONSE_SCHEMAS,
  ...TOPIC_RESPONSE_SCHEMAS,
  Error: out.errorSchema,
  IngestResult: out.ingestResultSchema,
  InboxPage: out.inboxPageSchema,
  InboxItemResult: out.inboxItemResultSchema,
  InboxBulkResult: out.inboxBulkResultSchema,
  InboxMarkAllResult: out.inboxMarkAllResultSchema,
  InboxToken: out.inboxTokenSchema,
  Profile: out.profileSchema,
  EventPage: out.eventPageSchema,
  SendMessageResult: out.sendMessageResultSchema,
  Webhook: out.webhookSchema,
  WebhookWithSecret: out.webhookWithSecretSchema,
  DeliveryPage: out.deliveryPageSchema,
};

const DESCRIPTION = `Cue's public HTTP API.

- **Tracking** (Segment/RudderStack compatible): the write key, as HTTP Basic username. Also served at \`/v1/<call>\` and Segment's one-letter paths (\`/v1/t\`, \`/v1/b\`, …) so existing libraries work with Cue's URL alone.
- **Inbox**: called from the end user's browser with the write key plus the user's proof (\`X-Cue-User-Hash\`, an HMAC with the inbox signing secret, or an inbox token), from the workspace's allowed origins.
- **Everything else** (profiles, messages, journeys, templates, webhooks, inbox tokens): server side, \`Authorization: Bearer <secret key>\`.

Errors use one envelope: \`{ "error": { "code", "message", "details"? } }\`; a 422 lists each invalid field in \`details.issues\`.`;

export const TAGS = [
  { name: "Tracking", description: "Record what users do and who they are." },
  { name: "Inbox", description: "The end user's in-app feed." },
  { name: "Profiles", description: "Read and erase profiles; their journey runs." },
  {
    name: "Messages",
    description: "Send a message now, and follow what became of it (status, lifecycle, timeline).",
  },
  { name: "Templates", description: "Reusable email and in-app content." },
  { name: "Journeys", description: "Journeys as code." },
  { name: "Journey templates", description: "Shipped journey patterns." },
  {
    name: "Topics",
    description: "Subscription topics; each profile's preferences per topic and channel.",
  },
  { name: "Webhooks", description: "Signed event delivery to your endpoints." },
  { name: "Segments", description: "Saved audiences, kept live; members, size over time, why." },
  { name: "Workspace", description: "The secret key's workspace." },
  {
    name: "Settings",
    description: "Delivery rules, allowed origins and email settings, as in Settings.",
  },
];

let cached: JsonSchema | null = null;

/** The document, with `serverUrl` as its server (omit for the committed copy). */
export function cueOpenApi(serverUrl?: string): JsonSchema {
  cached ??= buildDocument();
  return serverUrl ? { ...cached, servers: [{ url: serverUrl }] } : cached;
}

function buildDocument(): JsonSchema {
  return {
    openapi: "3.1.0",
    info: { title: "Cue API", version: "1", description: DESCRIPTION },
    tags: TAGS,
    components: {
      securitySchemes: SECURITY_SCHEMES,
      schemas: mergeComponents(
        componentSchemas(REQUEST_SCHEMAS, "input", "In_"),
        componentSchemas(RESPONSE_SCHEMAS, "output", "Out_"),
      ),
    },
    paths: {
      ...trackingPaths,
      ...inboxPaths,
      ...resourcePaths,
      ...messagePaths,
      ...journeyPaths,
      ...settingsPaths,
      ...topicPaths,
      ...segmentPaths,
    },
  };
}

/** One namespace for both directions: a request and a response schema of the same name would overwrite each other. */
function mergeComponents(
  requests: Record<string, JsonSchema>,
  responses: Record<string, JsonSchema>,
): Record<string, JsonSchema> {
  const clash = Object.keys(requests).filter((name) => name in responses);
  if (clash.length > 0) throw new Error(`OpenAPI schema names used twice: ${clash.join(", ")}`);
  return { ...requests, ...responses };
}
