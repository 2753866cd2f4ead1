import { z } from "zod";
import { ApiError, zodIssues } from "@/lib/api/errors";

// Inputs and outputs of the journey versions API (history, diff, restore)
// under /api/w/:workspaceId/journeys/:journeyId/{versions,diff}.

const MAX_VERSION = 2_147_483_647;

/** A published version number in a path or query: a positive integer, as text. */
const versionNumberSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, "Expected a version number (a positive integer).")
  .transform(Number)
  .refine((n) => n <= MAX_VERSION, "Expected a version number (a positive integer).");

export const versionParamSchema = z.strictObject({ version: versionNumberSchema });

/** One side of a diff: a published version, or the saved draft. */
const diffSideSchema = z.union([z.literal("draft"), versionNumberSchema], {
  error: 'Expected a version number or "draft".',
});
export type DiffSide = number | "draft";

export const diffQuerySchema = z.strictObject({
  from: diffSideSchema.optional(),
  to: diffSideSchema.optional(),
});
export type DiffQuery = z.infer<typeof diffQuerySchema>;

/** Restoring may name the draft revision the caller saw; a newer save is a 409. */
export const restoreVersionSchema = z.strictObject({
  draftRevision: z.int().min(1).optional(),
});

/**
 * Parses a path or query part. Unlike a body (422), a malformed URL is a 400;
 * the message and `details.issues` still name the field.
 */
export function parseUrlPartOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = zodIssues(result.error);
  const first = issues[0];
  const message = first ? `${first.field}: ${first.message}` : "Invalid request.";
  throw new ApiError("bad_request", message, { details: { issues } });
}

// --- Responses -------------------------------------------------------------

export const versionSummarySchema = z.object({
  id: z.string(),
  version: z.int(),
  note: z.string().nullable(),
  publishedAt: z.iso.datetime(),
  publishedBy: z
    .object({ id: z.string(), name: z.string().nullable(), email: z.string() })
    .nullable(),
  /** The version new entries use now. */
  isCurrent: z.boolean(),
});
export type VersionSummaryJson = z.infer<typeof versionSummarySchema>;

export const versionDetailSchema = versionSummarySchema.extend({
  definition: z.record(z.string(), z.unknown()),
});
export type VersionDetailJson = z.infer<typeof versionDetailSchema>;
