import { describe, expect, it } from "vitest";
import { computeLift, newcombeInterval, wilsonInterval } from "./lift";

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

describe("wilsonInterval", () => {
  it("matches Newcombe's single-proportion example, 81/263 → 0.2553 to 0.3662", () => {
    const { lower, upper } = wilsonInterval(81, 263);
    expect([round4(lower), round4(upper)]).toEqual([0.2553, 0.3662]);
  });

  it("stays inside [0, 1] at 0 and n successes", () => {
    expect(wilsonInterval(0, 10).lower).toBe(0);
    expect(round4(wilsonInterval(0, 10).upper)).toBe(0.2775);
    expect(wilsonInterval(10, 10).upper).toBe(1);
  });
});

describe("newcombeInterval (method 10)", () => {
  // Newcombe (1998), Table II, method 10: the paper's eight worked examples.
  const table: [number, number, number, number, number, number][] = [
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ];
  it.each(table)("%i/%i − %i/%i → %f to %f", (x1, n1, x2, n2, lower, upper) => {
    const interval = newcombeInterval(x1, n1, x2, n2);
    expect(round4(interval.lower)).toBe(lower);
    expect(round4(interval.upper)).toBe(upper);
  });

  it("hand-computed: 120/400 vs 15/100", () => {
    // Wilson 120/400: (0.25717, 0.34664); Wilson 15/100: (0.09306, 0.23284)
    // lower = 0.15 − 1.96·√(0.25717·0.74283/400 + 0.23284·0.76716/100) = 0.0567
    // upper = 0.15 + 1.96·√(0.34664·0.65336/400 + 0.09306·0.90694/100) = 0.2236
    const interval = newcombeInterval(120, 400, 15, 100);
    expect(round4(interval.lower)).toBe(0.0567);
    expect(round4(interval.upper)).toBe(0.2236);
  });
});

describe("computeLift", () => {
  it("reports a positive lift with its interval when the groups are large enough", () => {
    const result = computeLift({ entered: 400, converted: 120 }, { entered: 100, converted: 15 });
    expect(result.verdict).toBe("positive");
    expect(result.treatment.rate).toBe(0.3);
    expect(result.holdout.rate).toBe(0.15);
    expect(result.absoluteLift).toBeCloseTo(0.15, 10);
    expect(result.relativeLift).toBeCloseTo(1, 10);
    expect(round4(result.interval!.lower)).toBe(0.0567);
    expect(result.summary).toContain("+15.0 pts");
    expect(result.method).toContain("Newcombe");
  });

  it("calls an interval that contains 0 inconclusive", () => {
    const result = computeLift({ entered: 200, converted: 40 }, { entered: 50, converted: 9 });
    expect(result.verdict).toBe("inconclusive");
    expect(result.interval!.lower).toBeLessThan(0);
    expect(result.interval!.upper).toBeGreaterThan(0);
  });

  it("calls a clearly worse treatment negative", () => {
    const result = computeLift({ entered: 500, converted: 50 }, { entered: 100, converted: 40 });
    expect(result.verdict).toBe("negative");
    expect(result.interval!.upper).toBeLessThan(0);
    expect(result.summary).toContain("-30.0 pts");
  });

  it("zero conversions in both groups: too few conversions, no interval", () => {
    const result = computeLift({ entered: 900, converted: 0 }, { entered: 100, converted: 0 });
    expect(result.verdict).toBe("too_small");
    expect(result.interval).toBeNull();
    expect(result.absoluteLift).toBe(0);
    expect(result.relativeLift).toBeNull();
    expect(result.summary).toContain("0 conversions");
  });

  it("an empty holdout says lift cannot be measured", () => {
    const result = computeLift({ entered: 500, converted: 80 }, { entered: 0, converted: 0 });
    expect(result.verdict).toBe("no_holdout");
    expect(result.holdout.rate).toBeNull();
    expect(result.absoluteLift).toBeNull();
    expect(result.interval).toBeNull();
    expect(result.summary).toMatch(/holdout/);
  });

  it("nobody entered: no data", () => {
    const result = computeLift({ entered: 0, converted: 0 }, { entered: 0, converted: 0 });
    expect(result.verdict).toBe("no_data");
  });

  it("a tiny sample shows the rates but no interval", () => {
    const result = computeLift({ entered: 12, converted: 6 }, { entered: 3, converted: 0 });
    expect(result.verdict).toBe("too_small");
    expect(result.absoluteLift).toBe(0.5);
    expect(result.interval).toBeNull();
    expect(result.summary).toContain("12 profiles");
  });

  it("names the group below the rule: few non-conversions", () => {
    const result = computeLift({ entered: 100, converted: 97 }, { entered: 40, converted: 20 });
    expect(result.verdict).toBe("too_small");
    expect(result.summary).toContain("3 non-conversions");
  });

  it("the rule's edge: exactly 30 profiles and 5 of each outcome is enough", () => {
    const result = computeLift({ entered: 30, converted: 25 }, { entered: 30, converted: 5 });
    expect(result.interval).not.toBeNull();
    expect(result.verdict).toBe("positive");
  });

  it("rejects impossible counts", () => {
    expect(() => computeLift({ entered: 5, converted: 6 }, { entered: 1, converted: 0 })).toThrow(
      RangeError,
    );
    expect(() =>
      computeLift({ entered: -1, converted: 0 }, { entered: 1, converted: 0 }),
    ).toThrow();
  });
});
