// Buckets for the time-to-convert histogram (entry → goal). Pure. The edges
// are in seconds and passed to SQL's width_bucket, so the database returns
// one count per bucket; bucket i covers [EDGES[i], EDGES[i+1]).

const HOUR = 3600;
const DAY = 24 * HOUR;

export const TIME_TO_CONVERT_EDGES = [
  0,
  HOUR,
  6 * HOUR,
  DAY,
  2 * DAY,
  3 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
] as const;

export const TIME_TO_CONVERT_LABELS = [
  "< 1 h",
  "1–6 h",
  "6–24 h",
  "1–2 d",
  "2–3 d",
  "3–7 d",
  "7–14 d",
  "14–30 d",
  "≥ 30 d",
] as const;

export interface ConvertBucket {
  label: string;
  treatment: number;
  holdout: number;
}

/** `rows.bucket` is width_bucket's 1-based index (0 would be negative time, folded into the first). */
export function toHistogram(
  rows: readonly { bucket: number; holdout: boolean; n: number }[],
): ConvertBucket[] {
  const histogram = TIME_TO_CONVERT_LABELS.map((label) => ({ label, treatment: 0, holdout: 0 }));
  for (const row of rows) {
    const index = Math.min(Math.max(row.bucket - 1, 0), histogram.length - 1);
    if (row.holdout) histogram[index].holdout += row.n;
    else histogram[index].treatment += row.n;
  }
  return histogram;
}
