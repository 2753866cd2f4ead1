import { z } from "zod";
import { segmentConditionSchema } from "@/lib/journey-core/segment-condition";

// One schema per input of the segments API (admin and secret-key doors alike).

const nameSchema = z.string().trim().min(1, "Name the segment.").max(200);
const descriptionSchema = z.string().max(2000);

export const segmentInputSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("condition"),
    name: nameSchema,
    description: descriptionSchema.optional(),
    condition: segmentConditionSchema,
  }),
  z.strictObject({
    kind: z.literal("manual"),
    name: nameSchema,
    description: descriptionSchema.optional(),
  }),
]);
export type SegmentInput = z.infer<typeof segmentInputSchema>;

/** PATCH: any of name, description, condition (condition segments only). */
export const segmentPatchSchema = z
  .strictObject({
    name: nameSchema.optional(),
    description: descriptionSchema.optional(),
    condition: segmentConditionSchema.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: "Nothing to change." });
export type SegmentPatch = z.infer<typeof segmentPatchSchema>;

export const membersQuerySchema = z.strictObject({
  /** Matches userId or email (case-insensitive, substring). */
  search: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** The last profile id of the previous page. */
  after: z.uuid().optional(),
});
export type MembersQuery = z.infer<typeof membersQuerySchema>;

export const sizeHistoryQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(365).default(30),
});

export const explainMembershipQuerySchema = z.strictObject({
  /** A profile id, userId, anonymousId or email. */
  profile: z.string().trim().min(1).max(300),
});

/** POST …/segments/:id/import: a CSV of userIds or emails (a header row is optional). */
export const importMembersSchema = z.strictObject({
  csv: z.string().min(1, "Paste or upload a CSV.").max(5_000_000),
  /** add: enter the listed profiles; replace: also remove everyone not listed. */
  mode: z.enum(["add", "replace"]).default("add"),
});
export type ImportMembersInput = z.infer<typeof importMembersSchema>;

/** A valid body of POST /api/v1/segments (the OpenAPI document shows it; its test parses it). */
export const SEGMENT_EXAMPLE = {
  kind: "condition",
  name: "Trial users from ads in their first 7 days",
  condition: {
    all: [
      { kind: "trait", path: "plan", operator: "eq", value: "trial" },
      { kind: "trait", path: "utm_source", operator: "eq", value: "ads" },
      { kind: "first_seen_within", within: { amount: 7, unit: "days" } },
    ],
  },
} as const;
