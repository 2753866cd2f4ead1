import { z } from "zod";
import { MAX_ID_LENGTH } from "./limits";

// One schema per Segment call type (https://segment.com/docs/connections/spec/).
// Timestamps are checked in normalize-message.ts, which needs the request's
// clock to correct skew; unknown top-level fields are collected there too.

export const MESSAGE_TYPES = ["track", "identify", "page", "screen", "group", "alias"] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === "string" && (MESSAGE_TYPES as readonly string[]).includes(value);
}

export type JsonObject = Record<string, unknown>;

// Segment accepts numeric ids and treats them as strings; a blank id counts as
// no id (analytics libraries send "" before the first identify).
const identifier = z
  .union([z.string().max(MAX_ID_LENGTH), z.number()], {
    error: (issue) =>
      issue.input === undefined
        ? "is required"
        : `must be a string or a number of at most ${MAX_ID_LENGTH} characters`,
  })
  .transform((value) => {
    const text = typeof value === "number" ? String(value) : value;
    return text.trim() === "" ? undefined : text;
  });

const jsonObject = z.record(z.string(), z.unknown(), { error: "must be a JSON object" });

const base = {
  messageId: identifier.nullish(),
  userId: identifier.nullish(),
  anonymousId: identifier.nullish(),
  context: jsonObject.nullish(),
  integrations: jsonObject.nullish(),
};

const nonBlankName = z
  .string({ error: "must be a string" })
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`)
  .refine((value) => value.trim() !== "", "must not be blank");

export const trackSchema = z.object({
  ...base,
  event: nonBlankName,
  properties: jsonObject.nullish(),
});

export const identifySchema = z.object({ ...base, traits: jsonObject.nullish() });

export const pageSchema = z.object({
  ...base,
  name: nonBlankName.nullish(),
  properties: jsonObject.nullish(),
});

export const screenSchema = pageSchema;

export const groupSchema = z.object({
  ...base,
  groupId: identifier.pipe(z.string({ error: "must not be blank" })),
  traits: jsonObject.nullish(),
});

export const aliasSchema = z.object({
  ...base,
  userId: identifier.pipe(z.string({ error: "must not be blank" })),
  previousId: identifier.pipe(z.string({ error: "must not be blank" })),
});

export const messageSchemas = {
  track: trackSchema,
  identify: identifySchema,
  page: pageSchema,
  screen: screenSchema,
  group: groupSchema,
  alias: aliasSchema,
} as const;

/** Fields each type stores in its own column; everything else goes to Event.extra. */
export const COLUMN_FIELDS: Record<MessageType, readonly string[]> = {
  track: ["event", "properties"],
  identify: ["traits"],
  page: ["name", "properties"],
  screen: ["name", "properties"],
  group: ["traits"],
  alias: [],
};

/** Fields of every call that have a column (or, like writeKey, must never be stored). */
export const COMMON_FIELDS = [
  "type",
  "messageId",
  "userId",
  "anonymousId",
  "context",
  "timestamp",
  "sentAt",
  "writeKey",
] as const;

/** The /batch body. Items are validated one by one so one bad item rejects only itself. */
export const batchBodySchema = z.object({
  batch: z.array(z.unknown(), { error: "`batch` must be an array of calls" }),
  sentAt: z.unknown().optional(),
  writeKey: z.unknown().optional(),
});
