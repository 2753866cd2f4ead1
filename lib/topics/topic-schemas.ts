import { z } from "zod";
import { TOPIC_KEY_PATTERN } from "@/lib/channels/message-content";

// Inputs of the topics and preferences APIs (admin, secret key, inbox, the
// preference page): one schema each, so every door names the same fields.

export const topicKeySchema = z
  .string()
  .regex(TOPIC_KEY_PATTERN, "Use lowercase letters, digits, - or _ (at most 63 characters).");

export const preferenceChannelSchema = z.enum(["email", "in_app"]);

/**
 * An identify trait that sets the topic's preference (lib/topics/topic-trait.ts):
 * `true`/`false` (or the strings "true"/"false") mean subscribed/opted out, or
 * the reverse with `whenTrue: "unsubscribed"`; `channel` null governs every channel.
 */
export const topicTraitSchema = z
  .strictObject({
    key: z
      .string()
      .trim()
      .min(1, "Name the trait.")
      .max(200)
      .meta({ description: "A top-level trait of identify calls, e.g. `unsubscribed_from_tips`" }),
    whenTrue: z
      .enum(["subscribed", "unsubscribed"])
      .default("subscribed")
      .meta({ description: "What the trait's `true` means; `false` means the opposite" }),
    channel: preferenceChannelSchema
      .nullable()
      .default(null)
      .meta({ description: "The one channel the trait sets; null: every channel" }),
  })
  .meta({ description: "An identify trait that sets this topic's preference" });
export type TopicTrait = z.infer<typeof topicTraitSchema>;

export const topicInputSchema = z.strictObject({
  key: topicKeySchema,
  name: z.string().trim().min(1, "Give the topic a name.").max(100),
  description: z.string().trim().max(500).default(""),
  /** False for transactional topics (receipts, security): opt-outs do not apply. */
  unsubscribable: z.boolean().default(true),
  trait: topicTraitSchema.nullable().default(null),
});
export type TopicInput = z.infer<typeof topicInputSchema>;

/** A topic's key is how send steps name it, so it never changes; everything else may. */
export const topicUpdateSchema = z.strictObject({
  name: z.string().trim().min(1, "Give the topic a name.").max(100).optional(),
  description: z.string().trim().max(500).optional(),
  unsubscribable: z.boolean().optional(),
  /** null removes the mapping. */
  trait: topicTraitSchema.nullable().optional(),
});
export type TopicUpdate = z.infer<typeof topicUpdateSchema>;

export const preferencesInputSchema = z.strictObject({
  preferences: z
    .array(
      z.strictObject({
        topic: topicKeySchema,
        channel: preferenceChannelSchema,
        subscribed: z.boolean(),
      }),
    )
    .min(1, "List at least one preference.")
    .max(200),
});
export type PreferencesInput = z.infer<typeof preferencesInputSchema>;
export type PreferenceChange = PreferencesInput["preferences"][number];

export const topicViewSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  unsubscribable: z.boolean(),
  trait: z
    .object({
      key: z.string(),
      whenTrue: z.enum(["subscribed", "unsubscribed"]),
      channel: preferenceChannelSchema.nullable(),
    })
    .nullable()
    .describe("The identify trait that sets this topic's preference, if any"),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const topicPreferenceViewSchema = z.object({
  topic: z.string().describe("The topic's key"),
  name: z.string(),
  description: z.string(),
  unsubscribable: z.boolean().describe("False: always sent, opt-outs do not apply"),
  channels: z
    .object({ email: z.boolean(), in_app: z.boolean() })
    .describe("Subscribed per channel; true until the profile opts out"),
});
