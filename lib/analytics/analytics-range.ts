import { z } from "zod";

// The period an analytics view covers: [from, to), whole UTC days. Dates may be
// given as YYYY-MM-DD or full ISO times; both snap to the start of their UTC day
// (to is exclusive, so "to=2026-11-28" ends the period at the start of the 28th;
// a bare date for `to` means "through that day"). Default: the last 30 days,
// today included.

export const DAY_MS = 86_400_000;
export const MAX_RANGE_DAYS = 400;
export const DEFAULT_RANGE_DAYS = 30;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const dateParam = z
  .string()
  .trim()
  .max(40)
  .refine((value) => !Number.isNaN(Date.parse(value)), "Expected a date (YYYY-MM-DD) or ISO time");

export const analyticsRangeSchema = z.object({
  from: dateParam.optional(),
  to: dateParam.optional(),
});
export type AnalyticsRangeInput = z.infer<typeof analyticsRangeSchema>;

export interface AnalyticsRange {
  from: Date;
  to: Date;
  /** Every UTC day in the range, as YYYY-MM-DD. */
  days: string[];
}

export function startOfUtcDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

export function dayKey(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The resolved range, or a field-named problem for the caller to report. */
export function resolveRange(
  input: AnalyticsRangeInput,
  now: Date,
): { range: AnalyticsRange } | { field: "from" | "to"; message: string } {
  const to = input.to
    ? startOfUtcDay(new Date(Date.parse(input.to) + (DATE_ONLY.test(input.to) ? DAY_MS : 0)))
    : new Date(startOfUtcDay(now).getTime() + DAY_MS);
  const from = input.from
    ? startOfUtcDay(new Date(Date.parse(input.from)))
    : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  if (from >= to) return { field: "from", message: "from must be before to" };
  const dayCount = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  if (dayCount > MAX_RANGE_DAYS) {
    return { field: "to", message: `The period is at most ${MAX_RANGE_DAYS} days` };
  }
  const days = Array.from({ length: dayCount }, (_, i) =>
    dayKey(new Date(from.getTime() + i * DAY_MS)),
  );
  return { range: { from, to, days } };
}

/** One row per day of the range, zeros where `rows` has nothing. */
export function fillDays<K extends string>(
  days: readonly string[],
  keys: readonly K[],
  rows: readonly ({ day: string } & Partial<Record<K, number>>)[],
): ({ day: string } & Record<K, number>)[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return days.map((day) => {
    const row = byDay.get(day);
    const filled = { day } as { day: string } & Record<K, number>;
    for (const key of keys) (filled as Record<K, number>)[key] = row?.[key] ?? 0;
    return filled;
  });
}
