import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./event-types";

// The webhooks API's inputs, shared by the secret-key API (/api/v1/webhooks),
// the session API the Settings page uses (/api/w/:workspaceId/webhooks) and
// the page's form.

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2_000, "A webhook URL is at most 2000 characters.")
  .superRefine((value, ctx) => {
    const url = parseUrl(value);
    if (!url) ctx.addIssue({ code: "custom", message: "Not a valid URL." });
    else if (url.protocol !== "https:" && url.protocol !== "http:") {
      ctx.addIssue({ code: "custom", message: "The URL must start with https:// (or http://)." });
    } else if (url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "Put credentials in the receiver, not in the URL." });
    }
  })
  .meta({
    description: "Where Cue POSTs the events.",
    example: "https://example.com/webhooks/cue",
  });

export const eventTypesSchema = z
  .array(
    z.enum(WEBHOOK_EVENT_TYPES, {
      error: (issue) =>
        `Unknown event type ${JSON.stringify(issue.input)}; use one of ${WEBHOOK_EVENT_TYPES.join(", ")}.`,
    }),
  )
  .min(1, "Subscribe to at least one event type.")
  .transform((types) => [...new Set(types)]);

const descriptionSchema = z.string().trim().max(500, "At most 500 characters.");

export const createWebhookSchema = z.strictObject({
  url: webhookUrlSchema,
  description: descriptionSchema.optional().default(""),
  eventTypes: eventTypesSchema,
  enabled: z.boolean().optional().default(true),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const updateWebhookSchema = z
  .strictObject({
    url: webhookUrlSchema.optional(),
    description: descriptionSchema.optional(),
    eventTypes: eventTypesSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: "Send at least one of url, description, eventTypes, enabled.",
    path: ["(root)"],
  });
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

export const listDeliveriesQuerySchema = z.strictObject({
  status: z.enum(["pending", "succeeded", "failed"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional().default(50),
  /** A delivery id from the previous page: older deliveries. */
  before: z.string().min(1).max(100).optional(),
});
