import { z } from "zod";
import { ApiError, zodIssues } from "@/lib/api/errors";

// Query strings of the preview and why-not APIs. A bad query is the caller's
// mistake in the URL: 400 naming the field (a draft that does not validate is
// a 422, see load-journey-source.ts).

const profileRef = z
  .string({ error: "Required: the profile's id, userId, anonymousId or email." })
  .trim()
  .min(1, "Required: the profile's id, userId, anonymousId or email.")
  .max(500);

/** "draft", "live" or a published version number. */
export const sourceSchema = z.union(
  [
    z.enum(["draft", "live"]),
    z
      .string()
      .regex(/^[1-9]\d{0,8}$/)
      .transform(Number),
  ],
  { error: 'Use "draft", "live" or a version number.' },
);
export type SourceParam = z.output<typeof sourceSchema>;

export const previewQuerySchema = z.strictObject({
  profileId: profileRef,
  /** Defaults to the live version, or the draft when nothing is published. */
  source: sourceSchema.optional(),
  mode: z.enum(["history", "now"], { error: 'Use "history" or "now".' }).default("history"),
  /** How many days of stored events to replay (history mode). */
  days: z.coerce
    .number({ error: "A number of days." })
    .int("A whole number of days.")
    .min(1, "At least 1 day.")
    .max(90, "At most 90 days.")
    .default(30),
  /**
   * "What if now were T?": the preview runs with its clock at T (ISO 8601)
   * instead of now. Checked against the profile in preview-as-user.ts.
   */
  asOf: z.iso
    .datetime({ offset: true, error: "An ISO 8601 time, e.g. 2026-05-01T09:30:00Z." })
    .transform((value) => new Date(value))
    .optional(),
});
export type PreviewQuery = z.output<typeof previewQuerySchema>;

export const whyNotQuerySchema = z.strictObject({
  profileId: profileRef,
  /** ISO 8601; now when left out. */
  at: z.iso
    .datetime({ offset: true, error: "An ISO 8601 time, e.g. 2026-05-01T09:30:00Z." })
    .transform((value) => new Date(value))
    .optional(),
  /** A send node: why did (or didn't) this message go out. */
  nodeId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "A node id (letters, digits, _ and -).")
    .optional(),
});
export type WhyNotQuery = z.output<typeof whyNotQuerySchema>;

export const nodeStatsQuerySchema = z.strictObject({
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, "A published version number.")
    .transform(Number)
    .optional(),
});

/** The query string through its schema; empty values count as absent. 400 names the field. */
export function readExplainQuery<T extends z.ZodType>(request: Request, schema: T): z.output<T> {
  const params = new URL(request.url).searchParams;
  const input = Object.fromEntries([...params].filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error);
  const first = issues[0];
  const message = first ? `${first.field}: ${first.message}` : "Invalid query.";
  throw new ApiError("bad_request", message, { details: { issues } });
}
