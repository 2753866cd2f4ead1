// The health badge of a live journey: did its entries stop, or jump far above
// normal? A journey that fails silently (a renamed event, a broken filter) is
// the top complaint about these tools, so the overview checks every live one.
//
// Windows are rolling 24 h periods ending now, so a quiet morning does not look
// like an outage: entries[0] is the last 24 h, entries[1..7] the seven before.
// The baseline is the median of the windows the journey was live for (at least
// MIN_BASELINE of them, else it is too new to judge).

export const SPIKE_FACTOR = 5;
export const BASELINE_WINDOWS = 7;
export const MIN_BASELINE = 3;

export type HealthStatus = "ok" | "stopped" | "spike" | "idle" | "new";

export interface JourneyHealth {
  status: HealthStatus;
  /** Entries in the last 24 h. */
  last24h: number;
  /** Median daily entries over the baseline windows; null when too new. */
  median: number | null;
  reason: string;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * `entries[i]` counts entries in the 24 h window ending i days ago;
 * `liveWindows` is how many of the baseline windows (1..7) fall after the
 * journey was first published.
 */
export function assessJourneyHealth(input: {
  entries: readonly number[];
  liveWindows: number;
}): JourneyHealth {
  const last24h = input.entries[0] ?? 0;
  const usable = Math.max(0, Math.min(BASELINE_WINDOWS, input.liveWindows));
  if (usable < MIN_BASELINE) {
    return {
      status: "new",
      last24h,
      median: null,
      reason: `Live for under ${MIN_BASELINE} days: not enough history to judge`,
    };
  }
  const baseline = Array.from({ length: usable }, (_, i) => input.entries[i + 1] ?? 0);
  const typical = median(baseline);
  if (typical === 0) {
    return last24h === 0
      ? { status: "idle", last24h, median: 0, reason: "No entries this week" }
      : { status: "ok", last24h, median: 0, reason: "Entries started" };
  }
  if (last24h === 0) {
    return {
      status: "stopped",
      last24h,
      median: typical,
      reason: `No entries in the last 24 h; usually about ${typical} a day`,
    };
  }
  if (last24h > SPIKE_FACTOR * typical) {
    return {
      status: "spike",
      last24h,
      median: typical,
      reason: `${last24h} entries in the last 24 h, over ${SPIKE_FACTOR}× the usual ${typical}`,
    };
  }
  return { status: "ok", last24h, median: typical, reason: "Entries as usual" };
}
