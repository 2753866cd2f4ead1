import { z } from "zod";

// The inputs of the inbox API, one schema each. Query strings carry the auth
// parameters too (write_key, user_id, …); plain objects ignore them.

export const IN_APP_KINDS = ["card", "banner", "modal", "tooltip"] as const;
export const INBOX_ACTIONS = [
  "seen",
  "read",
  "unread",
  "clicked",
  "archived",
  "unarchived",
] as const;
export type InboxAction = (typeof INBOX_ACTIONS)[number];
/** Mark-all only goes forward: there is no "unread everything". */
export const MARK_ALL_ACTIONS = ["seen", "read", "archived"] as const;
export const MAX_PAGE_SIZE = 100;
export const MAX_BULK_IDS = 500;
export const MAX_TOKEN_TTL_SECONDS = 24 * 60 * 60;
export const DEFAULT_TOKEN_TTL_SECONDS = 60 * 60;

const queryBoolean = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

export const listInboxQuerySchema = z.object({
  page_size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  // The seq of the last item of the previous page (its `next_cursor`).
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, "Use the next_cursor of the previous page.")
    .optional(),
  unread: queryBoolean.optional(),
  unseen: queryBoolean.optional(),
  archived: z.enum(["exclude", "include", "only"]).default("exclude"),
  // One kind or several, comma-separated: `kind=banner,modal`.
  kind: z
    .string()
    .transform((v) => v.split(",").map((k) => k.trim()))
    .pipe(z.array(z.enum(IN_APP_KINDS)).min(1))
    .optional(),
});
export type ListInboxQuery = z.output<typeof listInboxQuerySchema>;

export const inboxActionParamsSchema = z.object({
  id: z.string().min(1).max(100),
  action: z.enum(INBOX_ACTIONS, {
    message: `The action must be one of ${INBOX_ACTIONS.join(", ")}.`,
  }),
});

export const bulkInboxBodySchema = z.strictObject({
  ids: z.array(z.string().min(1).max(100)).min(1).max(MAX_BULK_IDS),
  action: z.enum(INBOX_ACTIONS),
});

export const markAllInboxBodySchema = z.strictObject({
  action: z.enum(MARK_ALL_ACTIONS),
  // Optional: only these kinds (the bell's "mark all read" means the cards).
  kind: z.array(z.enum(IN_APP_KINDS)).min(1).optional(),
});

export const inboxTokenBodySchema = z.strictObject({
  user_id: z.string().trim().min(1).max(256),
  ttl_seconds: z
    .number()
    .int()
    .min(60)
    .max(MAX_TOKEN_TTL_SECONDS)
    .default(DEFAULT_TOKEN_TTL_SECONDS),
});

export const streamQuerySchema = z.object({
  last_event_id: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional(),
});
