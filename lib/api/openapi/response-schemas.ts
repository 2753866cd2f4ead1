import { z } from "zod";
import { IN_APP_KINDS } from "@/lib/inbox/inbox-schemas";
import { REJECTION_CODES } from "@/lib/ingest/types";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

// What the routes answer, for the document only (requests are validated by
// the domain schemas the document imports). Each mirrors the JSON a domain
// function returns: ingest responseBody, toInboxItemJson, getProfile,
// toEventItem, endpointView, listDeliveries.

const isoDate = z.string().meta({ format: "date-time" });
const json = z.record(z.string(), z.unknown());

export const errorSchema = z.object({
  error: z.object({
    code: z.string().meta({
      description:
        "bad_request, invalid_json, unsupported_media_type, validation_failed, payload_too_large, unauthorized, forbidden, not_found, conflict, rate_limited, internal_error, unavailable",
    }),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

export const ingestResultSchema = z
  .object({
    success: z.literal(true),
    accepted: z.number().int().optional().meta({ description: "Calls stored as new events." }),
    duplicates: z
      .number()
      .int()
      .optional()
      .meta({ description: "Calls whose messageId was already stored (not stored again)." }),
    rejected: z
      .array(
        z.object({
          index: z.number().int(),
          code: z.enum(REJECTION_CODES),
          field: z.string().nullable(),
          message: z.string(),
        }),
      )
      .optional()
      .meta({ description: "Calls refused one by one; the others are stored regardless." }),
  })
  .meta({
    description: "`{ success: true }` alone means every call was stored as new.",
    examples: [
      { success: true },
      {
        success: true,
        accepted: 1,
        duplicates: 0,
        rejected: [
          { index: 1, code: "missing_field", field: "event", message: "event: is required" },
        ],
      },
    ],
  });

const countPair = z.object({ unread: z.number().int(), unseen: z.number().int() });
export const inboxCountsSchema = z.object({
  unread: z.number().int(),
  unseen: z.number().int(),
  by_kind: z.object(Object.fromEntries(IN_APP_KINDS.map((kind) => [kind, countPair]))),
});

export const inboxItemSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.enum(IN_APP_KINDS),
  title: z.string(),
  body: z.string(),
  body_html: z.string().meta({ description: "Sanitized Markdown subset; safe to insert as HTML." }),
  image_url: z.string().nullable(),
  cta_label: z.string().nullable(),
  cta_url: z.string().nullable(),
  selector: z.string().nullable(),
  path_pattern: z.string().nullable(),
  message_id: z.string().nullable(),
  journey_id: z.string().nullable(),
  created_at: isoDate,
  expires_at: isoDate.nullable(),
  seen_at: isoDate.nullable(),
  read_at: isoDate.nullable(),
  clicked_at: isoDate.nullable(),
  archived_at: isoDate.nullable(),
});

export const inboxPageSchema = z.object({
  items: z.array(inboxItemSchema),
  next_cursor: z.string().nullable(),
  counts: inboxCountsSchema,
});

export const inboxItemResultSchema = z.object({ item: inboxItemSchema, counts: inboxCountsSchema });
export const inboxBulkResultSchema = z.object({
  updated: z.number().int(),
  not_found: z.array(z.string()),
  counts: inboxCountsSchema,
});
export const inboxMarkAllResultSchema = z.object({
  updated: z.number().int(),
  counts: inboxCountsSchema,
});
export const inboxTokenSchema = z.object({
  token: z.string(),
  user_id: z.string(),
  expires_at: isoDate,
});

export const profileSchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  email: z.string().nullable(),
  timezone: z.string().nullable(),
  traits: json,
  identities: z.array(z.object({ kind: z.string(), value: z.string() })),
  groups: z.array(z.object({ groupId: z.string(), traits: json, joinedAt: isoDate })),
  firstSeenAt: isoDate,
  lastSeenAt: isoDate,
  subscribed: z.boolean(),
  unsubscribedAt: isoDate.nullable(),
});

export const eventSchema = z.object({
  id: z.string(),
  profileId: z.string().nullable(),
  messageId: z.string(),
  type: z.string(),
  name: z.string().nullable(),
  userId: z.string().nullable(),
  anonymousId: z.string().nullable(),
  properties: json.nullable(),
  traits: json.nullable(),
  context: json.nullable(),
  extra: json.nullable(),
  timestamp: isoDate,
  sentAt: isoDate.nullable(),
  receivedAt: isoDate,
});

export const eventPageSchema = z.object({
  events: z.array(eventSchema),
  nextCursor: z.string().nullable(),
});

export const sendMessageResultSchema = z
  .object({
    messageId: z.string(),
    status: z.string().meta({
      description:
        "queued, outbox, sending, sent, delivered, delivery_delayed, opened, clicked, bounced, complained, failed or skipped",
    }),
    created: z
      .boolean()
      .meta({ description: "False when this idempotencyKey was already used: nothing was sent." }),
    error: z.string().nullable().meta({ description: "Why it was skipped or failed." }),
  })
  .meta({ examples: [{ messageId: "msg_1", status: "sent", created: true, error: null }] });

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  disabledAt: isoDate.nullable(),
  failingSince: isoDate.nullable(),
  previousSecretExpiresAt: isoDate
    .nullable()
    .meta({ description: "Until when the previous secret still signs (after a rotation)." }),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const webhookWithSecretSchema = z.object({
  webhook: webhookSchema,
  secret: z
    .string()
    .meta({ description: "The signing secret (`whsec_…`), shown once: store it now." }),
});

export const deliverySchema = z.object({
  id: z.string(),
  eventType: z.string(),
  status: z.enum(["pending", "succeeded", "failed"]),
  attempts: z.number().int(),
  nextAttemptAt: isoDate.nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: isoDate,
  payload: z.unknown(),
  attemptLog: z.array(
    z.object({
      at: isoDate,
      statusCode: z.number().int().nullable(),
      durationMs: z.number().int().nullable(),
      error: z.string().nullable(),
      response: z.string().nullable(),
      trigger: z.string(),
    }),
  ),
});

export const deliveryPageSchema = z.object({
  deliveries: z.array(deliverySchema),
  nextCursor: z.string().nullable(),
});
