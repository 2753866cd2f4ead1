import {
  preferencesInputSchema,
  topicInputSchema,
  topicPreferenceViewSchema,
  topicUpdateSchema,
  topicViewSchema,
} from "@/lib/topics/topic-schemas";
import {
  INBOX_USER,
  json,
  jsonBody,
  type Operation,
  type PathItem,
  pathParam,
  pick,
  ref,
  SECRET_KEY,
} from "./openapi-helpers";

// Subscription topics (secret key, as Settings → Topics) and each profile's
// per-topic, per-channel preferences: by the secret key (profile API) and by
// the signed-in end user (inbox API, what cue.js's preferences view calls).

export const TOPIC_REQUEST_SCHEMAS = {
  TopicInput: topicInputSchema,
  TopicUpdate: topicUpdateSchema,
  PreferencesInput: preferencesInputSchema,
};
export const TOPIC_RESPONSE_SCHEMAS = {
  Topic: topicViewSchema,
  TopicPreference: topicPreferenceViewSchema,
};

const TOPIC_EXAMPLE = {
  id: "cmiv3a7b20009qk08topic0001",
  key: "product-tips",
  name: "Product tips",
  description: "Ideas to get more out of Acme",
  unsubscribable: true,
  trait: { key: "unsubscribed_from_tips", whenTrue: "unsubscribed", channel: null },
  createdAt: "2026-12-07T10:00:00.000Z",
  updatedAt: "2026-12-07T10:00:00.000Z",
};
const PREFERENCES_EXAMPLE = {
  topics: [
    {
      topic: "product-tips",
      name: "Product tips",
      description: "Ideas to get more out of Acme",
      unsubscribable: true,
      channels: { email: false, in_app: true },
    },
  ],
};
const PUT_EXAMPLE = {
  preferences: [{ topic: "product-tips", channel: "email", subscribed: false }],
};

function op(tag: string, operationId: string, summary: string, rest: Operation): Operation {
  return { operationId, tags: [tag], summary, security: SECRET_KEY, ...rest };
}
const topicBody = (description: string) =>
  json({ type: "object", properties: { topic: ref("Topic") }, required: ["topic"] }, description, {
    topic: TOPIC_EXAMPLE,
  });
const preferencesBody = json(
  {
    type: "object",
    properties: { topics: { type: "array", items: ref("TopicPreference") } },
    required: ["topics"],
  },
  "Every topic of the workspace with the profile's choice per channel",
  PREFERENCES_EXAMPLE,
);
const key = pathParam("key", "The topic's key");
const PREFERENCES_NOTE =
  'Each change names a topic by key and a channel (`email` or `in_app`). A profile that never chose is subscribed. An unknown topic, or an opt-out of a topic that is not unsubscribable, is a 422 naming the entry (`preferences.0.topic`); nothing is written then. Every change is kept with its time, so journeys, backtests and "why not?" read the value as of each decision.';

export const topicPaths: Record<string, PathItem> = {
  "/api/v1/topics": {
    get: op("Topics", "listTopics", "List subscription topics", {
      responses: {
        "200": json(
          {
            type: "object",
            properties: { topics: { type: "array", items: ref("Topic") } },
            required: ["topics"],
          },
          "By name",
          { topics: [TOPIC_EXAMPLE] },
        ),
        ...pick("401"),
      },
    }),
    post: op("Topics", "createTopic", "Create a subscription topic", {
      description:
        "Send steps and templates name a topic by its `key` (`content.email.topic`, `content.inApp.topic`). `unsubscribable: false` marks a transactional topic that opt-outs do not apply to. `trait` maps an identify trait to the topic's preference: each identify carrying `trait.key` as `true`/`false` (or the strings) records a change at the identify's time, `true` meaning `trait.whenTrue` (`subscribed` by default) on `trait.channel` (null: every channel). A key already in use is a 409.",
      requestBody: jsonBody(ref("TopicInput"), {
        key: "product-tips",
        name: "Product tips",
        description: "Ideas to get more out of Acme",
      }),
      responses: { "201": topicBody("The topic"), ...pick("400", "401", "409", "422") },
    }),
  },
  "/api/v1/topics/{key}": {
    get: op("Topics", "getTopic", "One subscription topic", {
      parameters: [key],
      responses: { "200": topicBody("The topic"), ...pick("401", "404") },
    }),
    patch: op(
      "Topics",
      "updateTopic",
      "Change a topic's name, description, unsubscribable flag or trait",
      {
        description:
          "The key never changes: send steps refer to it. `trait: null` removes the trait mapping; preferences it set stay.",
        parameters: [key],
        requestBody: jsonBody(ref("TopicUpdate"), {
          name: "Tips and tricks",
          trait: { key: "unsubscribed_from_tips", whenTrue: "unsubscribed" },
        }),
        responses: { "200": topicBody("The topic"), ...pick("400", "401", "404", "422") },
      },
    ),
    delete: op("Topics", "deleteTopic", "Delete a topic and its preferences", {
      description: "Sends that still name it go out as if they had no topic.",
      parameters: [key],
      responses: { "204": { description: "Deleted" }, ...pick("401", "404") },
    }),
  },
  "/api/v1/profiles/{userId}/preferences": {
    get: op("Profiles", "getProfilePreferences", "A profile's topic preferences", {
      parameters: [pathParam("userId", "The profile's userId, anonymousId, email or id")],
      responses: { "200": preferencesBody, ...pick("401", "404") },
    }),
    put: op("Profiles", "setProfilePreferences", "Change a profile's topic preferences", {
      description: PREFERENCES_NOTE,
      parameters: [pathParam("userId", "The profile's userId, anonymousId, email or id")],
      requestBody: jsonBody(ref("PreferencesInput"), PUT_EXAMPLE),
      responses: { "200": preferencesBody, ...pick("400", "401", "404", "422") },
    }),
  },
  "/api/v1/inbox/preferences": {
    get: {
      operationId: "getInboxPreferences",
      tags: ["Inbox"],
      summary: "The signed-in user's topic preferences (cue.js's preferences view)",
      security: INBOX_USER,
      responses: { "200": preferencesBody, ...pick("400", "401", "403", "422") },
    },
    put: {
      operationId: "setInboxPreferences",
      tags: ["Inbox"],
      summary: "Change the signed-in user's topic preferences",
      description: `${PREFERENCES_NOTE} A user the app has not identified yet has no profile: 404.`,
      security: INBOX_USER,
      requestBody: jsonBody(ref("PreferencesInput"), PUT_EXAMPLE),
      responses: { "200": preferencesBody, ...pick("400", "401", "403", "404", "422") },
    },
  },
};
