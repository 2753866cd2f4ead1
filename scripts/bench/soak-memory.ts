// bench:soak's memory figure for one process: RSS (and heap) just after the
// warm-up against the end of the load, each the median of the samples in a
// window, so one GC, one burst or one dip does not decide it.
//
// The window is a fifth of the measured load (at least 30 s): 5 minutes in the
// default 30-minute run. A 30 s baseline was too short for a Next process: the
// first 30-minute run at 500 events/s caught the web process in a 3½-minute
// dip (111–123 MB inside a steady 139–141 MB) and read +15.5% growth where the
// level after it grew +1.4%.
import type { MemorySample } from "./soak-processes";

const MIN_WINDOW_MS = 30_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
}

const r1 = (n: number) => Math.round(n * 10) / 10;

export function memoryWindowMs(window: { warmupEndsAt: number; loadEndsAt: number }): number {
  return Math.max(MIN_WINDOW_MS, (window.loadEndsAt - window.warmupEndsAt) / 5);
}

export function memoryGrowth(
  process: { name: string; samples: MemorySample[] },
  window: { warmupEndsAt: number; loadEndsAt: number },
) {
  const windowMs = memoryWindowMs(window);
  const during = process.samples.filter((s) => s.at <= window.loadEndsAt);
  // A run too short for a warm-up and two windows takes its baseline earlier,
  // at worst from its first sample (still warming up: a short run over-reads growth).
  const from = Math.min(window.warmupEndsAt, window.loadEndsAt - 2 * windowMs);
  const first = during.filter((s) => s.at >= from && s.at < from + windowMs);
  const last = during.filter((s) => s.at > window.loadEndsAt - windowMs);
  const baseline = first.length > 0 ? first : during.slice(0, 1);
  const end = last.length > 0 ? last : during.slice(-1);
  const baselineRss = median(baseline.map((s) => s.rssMb));
  const endRss = median(end.map((s) => s.rssMb));
  return {
    name: process.name,
    /** False when the baseline had to be taken before the warm-up ended: the growth is not a verdict. */
    warmedUp: from >= window.warmupEndsAt,
    windowSeconds: Math.round(windowMs / 1000),
    baselineRssMb: r1(baselineRss),
    endRssMb: r1(endRss),
    peakRssMb: r1(Math.max(...process.samples.map((s) => s.rssMb))),
    growthPercent: r1(((endRss - baselineRss) / baselineRss) * 100),
    baselineHeapMb: r1(median(baseline.map((s) => s.heapUsedMb))),
    endHeapMb: r1(median(end.map((s) => s.heapUsedMb))),
  };
}
