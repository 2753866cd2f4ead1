import { z } from "zod";

// Inputs of the backtests API. A window is given as dates (YYYY-MM-DD, whole
// UTC days, `to` included) or exact ISO times (`to` excluded).

export const MAX_WINDOW_DAYS = 92;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const instant = z
  .string()
  .trim()
  .max(40)
  .refine((value) => !Number.isNaN(Date.parse(value)), "Expected a date (YYYY-MM-DD) or ISO time");

export const createBacktestSchema = z
  .strictObject({
    /** "draft": the journey's saved draft; "live": its current version; "version": `version`. */
    source: z.enum(["draft", "live", "version"]),
    version: z.int().positive().optional(),
    from: instant,
    to: instant,
  })
  .superRefine((input, ctx) => {
    if (input.source === "version" && input.version === undefined) {
      ctx.addIssue({ code: "custom", path: ["version"], message: "Name the version to replay" });
    }
  });
export type CreateBacktestInput = z.infer<typeof createBacktestSchema>;

export const listBacktestsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** The window as instants: a bare `to` date means through the end of that day. */
export function windowOf(input: { from: string; to: string }): { from: Date; to: Date } {
  const DAY = 86_400_000;
  const from = new Date(Date.parse(input.from));
  const toStart = Date.parse(input.to);
  const to = new Date(DATE_ONLY.test(input.to) ? toStart + DAY : toStart);
  return { from, to };
}
