import { describe, expect, it } from "vitest";
import { fillDays, resolveRange } from "./analytics-range";

const now = new Date("2026-11-28T15:30:00Z");

describe("resolveRange", () => {
  it("defaults to the last 30 days, today included", () => {
    const result = resolveRange({}, now);
    if (!("range" in result)) throw new Error(result.message);
    expect(result.range.to.toISOString()).toBe("2026-11-29T00:00:00.000Z");
    expect(result.range.from.toISOString()).toBe("2026-10-30T00:00:00.000Z");
    expect(result.range.days).toHaveLength(30);
    expect(result.range.days.at(-1)).toBe("2026-11-28");
  });

  it("treats a bare `to` date as through that day", () => {
    const result = resolveRange({ from: "2026-11-01", to: "2026-11-03" }, now);
    if (!("range" in result)) throw new Error(result.message);
    expect(result.range.days).toEqual(["2026-11-01", "2026-11-02", "2026-11-03"]);
  });

  it("names the field of an impossible or oversized range", () => {
    expect(resolveRange({ from: "2026-11-05", to: "2026-11-01" }, now)).toMatchObject({
      field: "from",
    });
    expect(resolveRange({ from: "2020-01-01", to: "2026-11-01" }, now)).toMatchObject({
      field: "to",
    });
  });
});

describe("fillDays", () => {
  it("keeps the order of days and fills gaps with zeros", () => {
    const rows = fillDays(["a", "b", "c"], ["n", "m"], [{ day: "b", n: 2 }]);
    expect(rows).toEqual([
      { day: "a", n: 0, m: 0 },
      { day: "b", n: 2, m: 0 },
      { day: "c", n: 0, m: 0 },
    ]);
  });
});
