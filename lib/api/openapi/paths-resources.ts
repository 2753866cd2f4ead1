import { SEND_MESSAGE_EXAMPLES, sendMessageSchema } from "@/lib/channels/send-message-schema";
import { listProfileEventsQuerySchema } from "@/lib/profiles/list-profile-events-query";
import {
  createWebhookSchema,
  listDeliveriesQuerySchema,
  updateWebhookSchema,
} from "@/lib/webhooks/webhook-schemas";
import {
  json,
  jsonBody,
  type PathItem,
  pathParam,
  pick,
  queryParams,
  ref,
  SECRET_KEY,
} from "./openapi-helpers";

// Server-to-server resources (secret key): profiles, messages, webhooks.

export const RESOURCE_SCHEMAS = {
  SendMessage: sendMessageSchema,
  CreateWebhook: createWebhookSchema,
  UpdateWebhook: updateWebhookSchema,
};

const userId = pathParam("userId", "The profile's userId (or an anonymousId or email)");
const webhookId = pathParam("id", "The webhook endpoint id");
const ERRORS = pick("400", "401", "404", "422");
const webhookBody = (description: string) =>
  json(
    { type: "object", properties: { webhook: ref("Webhook") }, required: ["webhook"] },
    description,
  );

export const resourcePaths: Record<string, PathItem> = {
  "/api/v1/profiles/{userId}": {
    get: {
      operationId: "getProfile",
      tags: ["Profiles"],
      summary: "Get a profile",
      security: SECRET_KEY,
      parameters: [userId],
      responses: {
        "200": json(
          { type: "object", properties: { profile: ref("Profile") }, required: ["profile"] },
          "The profile, its identities and groups",
        ),
        ...pick("401", "404"),
      },
    },
    delete: {
      operationId: "eraseProfile",
      tags: ["Profiles"],
      summary: "Erase a profile and its events (GDPR)",
      security: SECRET_KEY,
      parameters: [userId],
      responses: {
        "200": json(
          {
            type: "object",
            properties: {
              success: { type: "boolean" },
              deleted: {
                type: "object",
                properties: { profiles: { type: "integer" }, events: { type: "integer" } },
              },
            },
          },
          "Erased",
          { success: true, deleted: { profiles: 1, events: 42 } },
        ),
        ...pick("401", "404"),
      },
    },
  },
  "/api/v1/profiles/{userId}/events": {
    get: {
      operationId: "listProfileEvents",
      tags: ["Profiles"],
      summary: "A profile's events, newest first",
      security: SECRET_KEY,
      parameters: [userId, ...queryParams(listProfileEventsQuerySchema)],
      responses: {
        "200": json(ref("EventPage"), "Pass nextCursor as `cursor` for the next page"),
        ...ERRORS,
      },
    },
  },
  "/api/v1/messages": {
    post: {
      operationId: "sendMessage",
      tags: ["Messages"],
      summary: "Send a template or inline content to a profile",
      description:
        'Idempotent on `idempotencyKey`: the same key answers the first message and sends nothing. Give `templateId` or inline `content`, not both. In-app content lands in the user\'s inbox (GET /api/v1/inbox); email goes through the workspace\'s provider. Content whose `topic` the recipient opted out of on its channel is not sent: the answer is still 202, with `status: "skipped"` and the reason in `error` (`Opted out of topic "Product tips" for email (since …)`), and the message is kept as skipped; a topic marked not unsubscribable (transactional) always sends. Marketing email to a profile that unsubscribed from all, with no address, or to a suppressed address is skipped the same way.',
      security: SECRET_KEY,
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: ref("SendMessage"),
            examples: SEND_MESSAGE_EXAMPLES,
          },
        },
      },
      responses: {
        "202": json(ref("SendMessageResult"), "Accepted (or the earlier message for this key)"),
        ...ERRORS,
      },
    },
  },
  "/api/v1/webhooks": {
    get: {
      operationId: "listWebhooks",
      tags: ["Webhooks"],
      summary: "List webhook endpoints",
      security: SECRET_KEY,
      responses: {
        "200": json(
          { type: "object", properties: { webhooks: { type: "array", items: ref("Webhook") } } },
          "The endpoints",
        ),
        ...pick("401"),
      },
    },
    post: {
      operationId: "createWebhook",
      tags: ["Webhooks"],
      summary: "Create a webhook endpoint; its signing secret is returned once",
      security: SECRET_KEY,
      requestBody: jsonBody(ref("CreateWebhook"), {
        url: "https://example.com/webhooks/cue",
        eventTypes: ["message.delivered", "journey.converted"],
      }),
      responses: { "201": json(ref("WebhookWithSecret"), "Created"), ...ERRORS },
    },
  },
  "/api/v1/webhooks/{id}": {
    get: {
      operationId: "getWebhook",
      tags: ["Webhooks"],
      summary: "Get a webhook endpoint",
      security: SECRET_KEY,
      parameters: [webhookId],
      responses: { "200": webhookBody("The endpoint"), ...pick("401", "404") },
    },
    patch: {
      operationId: "updateWebhook",
      tags: ["Webhooks"],
      summary: "Edit url, description, eventTypes or enabled",
      security: SECRET_KEY,
      parameters: [webhookId],
      requestBody: jsonBody(ref("UpdateWebhook"), { enabled: false }),
      responses: { "200": webhookBody("The endpoint after the change"), ...ERRORS },
    },
    delete: {
      operationId: "deleteWebhook",
      tags: ["Webhooks"],
      summary: "Delete a webhook endpoint",
      security: SECRET_KEY,
      parameters: [webhookId],
      responses: { "204": { description: "Deleted" }, ...pick("401", "404") },
    },
  },
  "/api/v1/webhooks/{id}/rotate-secret": {
    post: {
      operationId: "rotateWebhookSecret",
      tags: ["Webhooks"],
      summary: "A new signing secret, returned once; the old one also signs for 24 h",
      security: SECRET_KEY,
      parameters: [webhookId],
      responses: { "200": json(ref("WebhookWithSecret"), "The new secret"), ...pick("401", "404") },
    },
  },
  "/api/v1/webhooks/{id}/test": {
    post: {
      operationId: "testWebhook",
      tags: ["Webhooks"],
      summary: "Queue a signed `webhook.test` event for this endpoint",
      security: SECRET_KEY,
      parameters: [webhookId],
      responses: {
        "202": json(
          { type: "object", properties: { deliveryId: { type: "string" } } },
          "Queued; see its delivery",
        ),
        ...pick("401", "404", "409"),
      },
    },
  },
  "/api/v1/webhooks/{id}/deliveries": {
    get: {
      operationId: "listWebhookDeliveries",
      tags: ["Webhooks"],
      summary: "The endpoint's delivery log with every attempt, newest first",
      security: SECRET_KEY,
      parameters: [
        webhookId,
        ...queryParams(listDeliveriesQuerySchema, {
          before: "A delivery id from the previous page (its nextCursor): older deliveries.",
        }),
      ],
      responses: { "200": json(ref("DeliveryPage"), "Deliveries"), ...ERRORS },
    },
  },
  "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay": {
    post: {
      operationId: "replayWebhookDelivery",
      tags: ["Webhooks"],
      summary: "Send a delivery again now",
      security: SECRET_KEY,
      parameters: [webhookId, pathParam("deliveryId", "The delivery id")],
      responses: {
        "202": json(
          { type: "object", properties: { replayed: { type: "string" } } },
          "Queued again",
        ),
        ...pick("401", "404", "409"),
      },
    },
  },
};
