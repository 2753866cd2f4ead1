// Activation rate by signup cohort. Pure: shaping the counts the query
// (load-activation.ts) returns into the chart's rows.
//
// A profile's cohort is the UTC day (or ISO week, Monday first) of its
// first-seen time. It activated when it did one of the activation events
// within the window after first seen (the end of the window included). A
// cohort is complete once the window of its last possible member has closed:
// cohort end + window ≤ now. Before that its rate is "so far" and can rise.

import { DAY_MS } from "../analytics-range";

export type CohortUnit = "day" | "week";

export interface CohortCounts {
  /** Cohort start, YYYY-MM-DD (a Monday for weeks). */
  cohort: string;
  profiles: number;
  activated: number;
}

export interface CohortRow extends CohortCounts {
  /** activated / profiles, or null for an empty cohort. */
  rate: number | null;
  /** True when every member's window has closed: the rate is final. */
  complete: boolean;
}

export const COHORT_DAYS: Record<CohortUnit, number> = { day: 1, week: 7 };
/** How many cohorts the home page shows by default. */
export const COHORT_COUNT: Record<CohortUnit, number> = { day: 30, week: 12 };

/** The start (UTC midnight) of the cohort that holds `at`. */
export function cohortStart(at: Date, unit: CohortUnit): Date {
  const day = Math.floor(at.getTime() / DAY_MS) * DAY_MS;
  if (unit === "day") return new Date(day);
  // 1970-01-01 was a Thursday: Monday-based weeks start 3 days after a multiple of 7 days.
  const days = Math.floor(day / DAY_MS);
  const mondayOffset = (((days - 4) % 7) + 7) % 7;
  return new Date(day - mondayOffset * DAY_MS);
}

/** The cohorts [from, now], oldest first, as Dates. */
export function cohortStarts(now: Date, unit: CohortUnit, count: number): Date[] {
  const last = cohortStart(now, unit).getTime();
  const step = COHORT_DAYS[unit] * DAY_MS;
  return Array.from({ length: count }, (_, i) => new Date(last - (count - 1 - i) * step));
}

/** One row per cohort start, zeros where nobody was first seen; marks open windows. */
export function cohortRows(input: {
  starts: readonly Date[];
  counts: readonly CohortCounts[];
  unit: CohortUnit;
  windowDays: number;
  now: Date;
}): CohortRow[] {
  const byCohort = new Map(input.counts.map((row) => [row.cohort, row]));
  const span = COHORT_DAYS[input.unit] * DAY_MS;
  return input.starts.map((start) => {
    const cohort = start.toISOString().slice(0, 10);
    const row = byCohort.get(cohort);
    const profiles = row?.profiles ?? 0;
    const activated = row?.activated ?? 0;
    const closesAt = start.getTime() + span + input.windowDays * DAY_MS;
    return {
      cohort,
      profiles,
      activated,
      rate: profiles > 0 ? activated / profiles : null,
      complete: closesAt <= input.now.getTime(),
    };
  });
}

/** Activation over the complete cohorts: activated / profiles, or null when none is complete. */
export function completeRate(rows: readonly CohortRow[]): {
  profiles: number;
  activated: number;
  rate: number | null;
} {
  let profiles = 0;
  let activated = 0;
  for (const row of rows) {
    if (!row.complete) continue;
    profiles += row.profiles;
    activated += row.activated;
  }
  return { profiles, activated, rate: profiles > 0 ? activated / profiles : null };
}
