// bench:soak's memory figure for one process: RSS (and heap) just after the
// warm-up against the end of the load, each the median of the samples in a
// 30 s window, so one GC or one burst does not decide it.
import type { MemorySample } from "./soak-processes";

const WINDOW_MS = 30_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
}

const r1 = (n: number) => Math.round(n * 10) / 10;

export function memoryGrowth(
  process: { name: string; samples: MemorySample[] },
  window: { warmupEndsAt: number; loadEndsAt: number },
) {
  const during = process.samples.filter((s) => s.at <= window.loadEndsAt);
  // A run too short for a warm-up and two windows takes its baseline earlier,
  // at worst from its first sample (still warming up: a short run over-reads growth).
  const from = Math.min(window.warmupEndsAt, window.loadEndsAt - 2 * WINDOW_MS);
  const first = during.filter((s) => s.at >= from && s.at < from + WINDOW_MS);
  const last = during.filter((s) => s.at > window.loadEndsAt - WINDOW_MS);
  const baseline = first.length > 0 ? first : during.slice(0, 1);
  const end = last.length > 0 ? last : during.slice(-1);
  const baselineRss = median(baseline.map((s) => s.rssMb));
  const endRss = median(end.map((s) => s.rssMb));
  return {
    name: process.name,
    /** False when the baseline had to be taken before the warm-up ended: the growth is not a verdict. */
    warmedUp: from >= window.warmupEndsAt,
    baselineRssMb: r1(baselineRss),
    endRssMb: r1(endRss),
    peakRssMb: r1(Math.max(...process.samples.map((s) => s.rssMb))),
    growthPercent: r1(((endRss - baselineRss) / baselineRss) * 100),
    baselineHeapMb: r1(median(baseline.map((s) => s.heapUsedMb))),
    endHeapMb: r1(median(end.map((s) => s.heapUsedMb))),
  };
}
