import { z } from "zod";

// A message as the secret-key API shows it (GET /api/v1/messages/{id} and
// GET /api/v1/profiles/{userId}/messages). The functions that build it are
// typed by these schemas, and the OpenAPI document is generated from them,
// so the document and the answers cannot drift apart.

const isoDate = z.string().meta({ format: "date-time" });

/** MessageStatus (prisma/schema.prisma), spelled out so this file stays free of server code. */
export const MESSAGE_STATUSES = [
  "queued",
  "outbox",
  "sending",
  "sent",
  "delivered",
  "delivery_delayed",
  "opened",
  "clicked",
  "bounced",
  "complained",
  "failed",
  "skipped",
  "seen",
  "read",
  "archived",
] as const;

/** The lifecycle times, each the first time it happened (null: not yet, or not for this channel). */
export const LIFECYCLE_STEPS = [
  "sent",
  "delivered",
  "opened",
  "clicked",
  "bounced",
  "complained",
  "failed",
  "skipped",
  "seen",
  "read",
  "archived",
] as const;
export type LifecycleStep = (typeof LIFECYCLE_STEPS)[number];

export const messageLifecycleSchema = z
  .object({
    queuedAt: isoDate.meta({ description: "When Cue created the message." }),
    ...(Object.fromEntries(LIFECYCLE_STEPS.map((step) => [`${step}At`, isoDate.nullable()])) as {
      [K in LifecycleStep as `${K}At`]: z.ZodNullable<typeof isoDate>;
    }),
  })
  .meta({
    description:
      "When each step first happened. Email: sent (accepted by Resend), delivered, opened, clicked, bounced, complained (Resend webhooks), failed (retries exhausted or refused), skipped (unsubscribed, suppressed, no address). In-app: sent (put in the inbox), delivered (fetched by the user's client), seen, read, clicked, archived.",
  });
export type MessageLifecycle = z.infer<typeof messageLifecycleSchema>;

export const messageViewSchema = z.object({
  id: z.string(),
  channel: z.enum(["email", "in_app"]),
  status: z.enum(MESSAGE_STATUSES).meta({
    description:
      "Where it is now. `outbox`: rendered but not sent (the workspace has no Resend key). `skipped`: not sent on purpose (see `error`).",
  }),
  source: z.string().meta({ description: "journey, api or test (a test send)." }),
  userId: z.string().nullable().meta({ description: "The recipient profile's userId." }),
  profileId: z.string(),
  templateId: z.string().nullable(),
  journeyId: z.string().nullable(),
  runId: z.string().nullable().meta({ description: "The journey run that sent it." }),
  nodeId: z.string().nullable().meta({ description: "The journey's send step." }),
  to: z.string().nullable().meta({ description: "The email address (email only)." }),
  subject: z.string().nullable(),
  transactional: z.boolean(),
  providerId: z
    .string()
    .nullable()
    .meta({ description: "The email provider's id (Resend's email id), once accepted." }),
  error: z.string().nullable().meta({ description: "Why it was skipped, is retrying or failed." }),
  attempts: z.number().int().meta({ description: "Delivery attempts so far (email)." }),
  nextAttemptAt: isoDate.nullable().meta({ description: "The next retry (email)." }),
  lifecycle: messageLifecycleSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type MessageView = z.infer<typeof messageViewSchema>;

export const messageEventSchema = z.object({
  type: z.string().meta({
    description:
      "queued, outbox, sent, retry, rate_limited, failed, skipped, redriven, provider_sent, delivered, delivery_delayed, opened, clicked, bounced, complained, seen, read, archived",
  }),
  at: isoDate,
  data: z.unknown().nullable(),
});

export const messageDetailSchema = messageViewSchema.extend({
  rendered: z.unknown().meta({
    description:
      "What was (or, in the Outbox, would have been) delivered: `{ channel: 'email', email: { subject, preheader, html, text } }` or `{ channel: 'in_app', inApp: { kind, title, body, bodyHtml, … } }`.",
  }),
  events: z
    .array(messageEventSchema)
    .meta({ description: "Every step of the message, oldest first." }),
});
export type MessageDetailView = z.infer<typeof messageDetailSchema>;

export const messagePageSchema = z.object({
  messages: z.array(messageViewSchema),
  nextCursor: z
    .string()
    .nullable()
    .meta({ description: "Pass as `cursor` for the next (older) page; null on the last page." }),
});
