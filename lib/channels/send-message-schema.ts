import { z } from "zod";
import { messageContentSchema } from "./message-content";

// The body of POST /api/v1/messages: the route parses with it and the
// OpenAPI document (lib/api/openapi) is generated from it, examples included.

const IN_APP_EXAMPLE = {
  userId: "user_123",
  idempotencyKey: "trial-ending-user_123-2026-12",
  content: {
    channel: "in_app",
    inApp: {
      kind: "card",
      title: "Your trial ends in {{ event.days }} days",
      body: "Pick a plan to keep your **{{ profile.traits.plan | default: 'trial' }}** workspace.",
      ctaLabel: "See plans",
      ctaUrl: "/billing",
      expiresInHours: 72,
    },
  },
  data: { days: 3 },
};

const EMAIL_EXAMPLE = {
  userId: "user_123",
  idempotencyKey: "receipt-inv_42",
  content: {
    channel: "email",
    email: {
      subject: "Your receipt for {{ event.amount }}",
      body: "Thanks for your payment of {{ event.amount }}.",
      transactional: true,
    },
  },
  data: { amount: "$20.00" },
};

const TEMPLATE_EXAMPLE = {
  userId: "user_123",
  templateId: "tmpl_welcome",
  idempotencyKey: "welcome-user_123",
};

/** Valid bodies (lib/api/openapi shows them; its test parses them with the schema). */
export const SEND_MESSAGE_EXAMPLES = {
  inApp: { summary: "An in-app card", value: IN_APP_EXAMPLE },
  email: { summary: "A transactional email", value: EMAIL_EXAMPLE },
  template: { summary: "A saved template", value: TEMPLATE_EXAMPLE },
};

export const sendMessageSchema = z
  .strictObject({
    userId: z.string().trim().min(1, "Name the recipient by userId.").max(500),
    templateId: z.string().trim().min(1).max(100).optional(),
    content: messageContentSchema.optional().meta({
      description:
        'Inline content, instead of a templateId. `{ "channel": "in_app", "inApp": { kind, title, body, ... } }` puts an item in the user\'s inbox (kind card, banner, modal or tooltip; a tooltip needs `selector`; `ctaLabel` and `ctaUrl` go together; `body` is Markdown). `{ "channel": "email", "email": { subject, body, ... } }` sends an email. Text fields are Liquid: `{{ profile.traits.* }}`, `{{ event.* }}` (from `data`).',
    }),
    idempotencyKey: z.string().trim().min(1, "Send an idempotencyKey.").max(200),
    /** Event-like properties, `event` in the template. */
    data: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: "Properties the content reads as `{{ event.<name> }}`." }),
  })
  .refine((body) => (body.templateId === undefined) !== (body.content === undefined), {
    message: "Give either templateId or content, not both.",
    path: ["templateId"],
  })
  .meta({ examples: [IN_APP_EXAMPLE, EMAIL_EXAMPLE, TEMPLATE_EXAMPLE] });
export type SendMessageInput = z.infer<typeof sendMessageSchema>;
