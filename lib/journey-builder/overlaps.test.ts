import { describe, expect, it } from "vitest";
import { anyOverlap, boxesOverlap, measuredBoxes } from "./overlaps";

const box = (x: number, y: number, width = 240, height = 120) => ({ x, y, width, height });

describe("boxesOverlap", () => {
  it("is true when two boxes share area, either way round", () => {
    expect(boxesOverlap(box(0, 0), box(0, 100))).toBe(true);
    expect(boxesOverlap(box(0, 100), box(0, 0))).toBe(true);
    expect(boxesOverlap(box(0, 0), box(200, 50))).toBe(true);
    expect(boxesOverlap(box(0, 0, 100, 100), box(25, 25, 10, 10))).toBe(true);
  });
  it("is false for boxes that only touch or stand apart", () => {
    expect(boxesOverlap(box(0, 0), box(0, 120))).toBe(false);
    expect(boxesOverlap(box(0, 0), box(240, 0))).toBe(false);
    expect(boxesOverlap(box(0, 0), box(300, 300))).toBe(false);
    expect(boxesOverlap(box(0, 0), box(-241, 0))).toBe(false);
  });
});

describe("anyOverlap", () => {
  it("finds nodes stacked closer than their height (the demo's 120 px spacing)", () => {
    const stacked = [0, 1, 2, 3, 4].map((i) => box(0, i * 120, 240, 128));
    expect(anyOverlap(stacked)).toBe(true);
  });
  it("finds an overlap between any pair, not only neighbours in the list", () => {
    expect(anyOverlap([box(0, 0), box(500, 0), box(1000, 0), box(10, 10)])).toBe(true);
  });
  it("is false for a laid-out column and for no or one box", () => {
    expect(anyOverlap([0, 1, 2].map((i) => box(0, i * 200)))).toBe(false);
    expect(anyOverlap([])).toBe(false);
    expect(anyOverlap([box(0, 0)])).toBe(false);
  });
  it("ignores boxes without area", () => {
    expect(anyOverlap([box(0, 0), box(10, 10, 0, 50), box(10, 10, 50, 0)])).toBe(false);
  });
});

describe("measuredBoxes", () => {
  it("is each node's box once every node is measured", () => {
    expect(
      measuredBoxes([
        { position: { x: 1, y: 2 }, measured: { width: 3, height: 4 } },
        { position: { x: 5, y: 6 }, measured: { width: 7, height: 8 } },
      ]),
    ).toEqual([
      { x: 1, y: 2, width: 3, height: 4 },
      { x: 5, y: 6, width: 7, height: 8 },
    ]);
  });
  it("is null while any node is unmeasured", () => {
    expect(measuredBoxes([{ position: { x: 0, y: 0 } }])).toBeNull();
    expect(measuredBoxes([{ position: { x: 0, y: 0 }, measured: { width: 10 } }])).toBeNull();
    expect(
      measuredBoxes([
        { position: { x: 0, y: 0 }, measured: { width: 10, height: 10 } },
        { position: { x: 0, y: 0 }, measured: { width: 0, height: 10 } },
      ]),
    ).toBeNull();
  });
});
