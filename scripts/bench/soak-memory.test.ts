import { describe, expect, it } from "vitest";
import { memoryGrowth } from "./soak-memory";

const samples = (from: number, rss: number[]) =>
  rss.map((rssMb, i) => ({ at: from + i * 5_000, rssMb, heapUsedMb: rssMb / 2 }));

describe("memoryGrowth", () => {
  it("compares the 30 s after warm-up with the last 30 s of the load, by median", () => {
    // 0–60 s warm-up (ignored), 60–90 s baseline ~100, then flat, last 30 s ~110 with a spike.
    const all = [
      ...samples(0, [50, 60, 70, 80, 90, 95, 98, 99, 100, 101, 100, 100]),
      ...samples(60_000, [100, 100, 101, 99, 100, 100]),
      ...samples(90_000, [105, 106, 104, 105, 105, 106]),
      ...samples(120_000, [110, 300, 110, 109, 111, 110]),
    ];
    const m = memoryGrowth(
      { name: "web", samples: all },
      { warmupEndsAt: 60_000, loadEndsAt: 150_000 },
    );
    expect(m.baselineRssMb).toBe(100);
    expect(m.endRssMb).toBe(110);
    expect(m.growthPercent).toBe(10);
    expect(m.peakRssMb).toBe(300);
    expect(m.endHeapMb).toBe(55);
    expect(m.warmedUp).toBe(true);
  });

  it("ignores samples after the load (the drain)", () => {
    const all = [...samples(0, Array(20).fill(100)), ...samples(100_000, [500, 500])];
    const m = memoryGrowth(
      { name: "worker", samples: all },
      { warmupEndsAt: 30_000, loadEndsAt: 95_000 },
    );
    expect(m.growthPercent).toBe(0);
    expect(m.warmedUp).toBe(true);
  });

  it("a run too short for its warm-up and two windows is measured earlier and says so", () => {
    const m = memoryGrowth(
      {
        name: "web",
        samples: samples(0, [80, 90, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100]),
      },
      { warmupEndsAt: 30_000, loadEndsAt: 60_000 },
    );
    expect(m.warmedUp).toBe(false);
    expect(m.baselineRssMb).toBe(100);
  });

  it("a long run's window is a fifth of the measured load, so a dip after warm-up does not decide it", () => {
    // The first 30-minute run: warm-up ends at 300 s; the web process dips
    // (115 MB) from 150 to 360 s inside a steady 140 MB, then grows slowly to 142.
    const every10s = Array.from({ length: 181 }, (_, i) => i * 10_000);
    const all = every10s.map((at) => ({
      at,
      rssMb: at >= 150_000 && at < 360_000 ? 115 : 140 + (at / 1_800_000) * 2,
      heapUsedMb: 60,
    }));
    const m = memoryGrowth(
      { name: "web", samples: all },
      { warmupEndsAt: 300_000, loadEndsAt: 1_800_000 },
    );
    expect(m.windowSeconds).toBe(300);
    expect(m.baselineRssMb).toBeGreaterThan(140);
    expect(m.growthPercent).toBeGreaterThan(0);
    expect(m.growthPercent).toBeLessThan(2);
    expect(m.warmedUp).toBe(true);
  });

  it("a real leak still reads as growth", () => {
    const all = Array.from({ length: 181 }, (_, i) => ({
      at: i * 10_000,
      rssMb: 100 + i,
      heapUsedMb: 50,
    }));
    const m = memoryGrowth(
      { name: "web", samples: all },
      { warmupEndsAt: 300_000, loadEndsAt: 1_800_000 },
    );
    expect(m.growthPercent).toBeGreaterThan(10);
  });
});
