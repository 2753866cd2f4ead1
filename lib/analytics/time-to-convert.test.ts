import { describe, expect, it } from "vitest";
import { TIME_TO_CONVERT_EDGES, TIME_TO_CONVERT_LABELS, toHistogram } from "./time-to-convert";

describe("toHistogram", () => {
  it("has one label per bucket", () => {
    expect(TIME_TO_CONVERT_LABELS).toHaveLength(TIME_TO_CONVERT_EDGES.length);
  });

  it("places width_bucket indexes and splits treatment from holdout", () => {
    const histogram = toHistogram([
      { bucket: 1, holdout: false, n: 4 },
      { bucket: 1, holdout: true, n: 1 },
      { bucket: 9, holdout: false, n: 2 },
      { bucket: 0, holdout: false, n: 1 },
    ]);
    expect(histogram[0]).toEqual({ label: "< 1 h", treatment: 5, holdout: 1 });
    expect(histogram[8]).toEqual({ label: "≥ 30 d", treatment: 2, holdout: 0 });
    expect(histogram.slice(1, 8).every((b) => b.treatment === 0 && b.holdout === 0)).toBe(true);
  });
});
