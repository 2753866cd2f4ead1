import { z } from "zod";

// The authored content of a message, shared by templates, journey send nodes,
// the sending API and the editor. Text fields hold Liquid source.

// The subscription topic a message belongs to, by its key (Settings → Topics);
// none means only the global unsubscribe applies.
export const TOPIC_KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

function topicKeySchema() {
  return z
    .string()
    .regex(TOPIC_KEY_PATTERN, "Use a topic key: lowercase letters, digits, - or _.")
    .optional();
}

export const emailContentSchema = z.strictObject({
  subject: z.string().trim().min(1, "Write a subject.").max(300),
  preheader: z.string().max(300).default(""),
  body: z.string().min(1, "Write the email body.").max(100_000),
  bodyFormat: z.enum(["markdown", "html"]).default("markdown"),
  // Transactional mail (receipts, password resets) ignores unsubscribe.
  transactional: z.boolean().default(false),
  topic: topicKeySchema(),
});
export type EmailContent = z.infer<typeof emailContentSchema>;

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^(https?:\/\/|\/)/i.test(v) || v.includes("{{"), {
    message: "Use an http(s) URL or a path starting with /.",
  });

export const inAppContentSchema = z
  .strictObject({
    kind: z.enum(["card", "banner", "modal", "tooltip"]),
    title: z.string().trim().min(1, "Write a title.").max(200),
    body: z.string().max(5_000).default(""),
    imageUrl: httpUrl.optional(),
    ctaLabel: z.string().trim().max(60).optional(),
    ctaUrl: httpUrl.optional(),
    // Tooltip only: where it anchors, and optionally which paths show it.
    selector: z.string().trim().max(300).optional(),
    pathPattern: z.string().trim().max(300).optional(),
    topic: topicKeySchema(),
    expiresInHours: z
      .number()
      .positive()
      .max(24 * 365)
      .optional(),
  })
  .refine((c) => c.kind !== "tooltip" || Boolean(c.selector), {
    message: "A tooltip needs a CSS selector to anchor to.",
    path: ["selector"],
  })
  .refine((c) => !c.ctaLabel === !c.ctaUrl, {
    message: "Give both a button label and a URL, or neither.",
    path: ["ctaUrl"],
  });
export type InAppContent = z.infer<typeof inAppContentSchema>;

export const messageContentSchema = z.discriminatedUnion("channel", [
  z.strictObject({ channel: z.literal("email"), email: emailContentSchema }),
  z.strictObject({ channel: z.literal("in_app"), inApp: inAppContentSchema }),
]);
export type MessageContent = z.infer<typeof messageContentSchema>;
