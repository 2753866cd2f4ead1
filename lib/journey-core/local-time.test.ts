import { describe, expect, it } from "vitest";
import {
  fromWallTime,
  isWithinLocalWindow,
  nextLocalTime,
  resolveTimeZone,
  toWallTime,
} from "./local-time";
import { at } from "./test-fixtures";

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";

describe("toWallTime", () => {
  it.each([
    // Berlin springs forward at 01:00 UTC on 2025-03-30: 01:59:59 CET, then 03:00 CEST.
    [BERLIN, "2025-03-30T00:59:59Z", [1, 59, "sun"]],
    [BERLIN, "2025-03-30T01:00:00Z", [3, 0, "sun"]],
    // and falls back at 01:00 UTC on 2025-10-26: 02:59 CEST, then 02:00 CET again.
    [BERLIN, "2025-10-26T00:59:00Z", [2, 59, "sun"]],
    [BERLIN, "2025-10-26T01:00:00Z", [2, 0, "sun"]],
    [NEW_YORK, "2025-03-09T06:59:00Z", [1, 59, "sun"]],
    [NEW_YORK, "2025-03-09T07:00:00Z", [3, 0, "sun"]],
    [NEW_YORK, "2025-11-02T05:59:00Z", [1, 59, "sun"]],
    [NEW_YORK, "2025-11-02T06:00:00Z", [1, 0, "sun"]],
    ["UTC", "2025-06-02T00:00:00Z", [0, 0, "mon"]],
  ] as const)("%s at %s", (zone, iso, [hour, minute, weekday]) => {
    const wall = toWallTime(at(iso), zone);
    expect([wall.hour, wall.minute, wall.weekday]).toEqual([hour, minute, weekday]);
  });
});

describe("fromWallTime", () => {
  const wall = (date: string, hour: number, minute = 0) => {
    const [year, month, day] = date.split("-").map(Number);
    return { year, month, day, hour, minute };
  };

  it.each([
    [BERLIN, "2025-03-29", 9, "2025-03-29T08:00:00.000Z"], // CET, +1
    [BERLIN, "2025-03-30", 9, "2025-03-30T07:00:00.000Z"], // CEST, +2
    [BERLIN, "2025-10-26", 9, "2025-10-26T08:00:00.000Z"], // CET again
    [NEW_YORK, "2025-03-08", 9, "2025-03-08T14:00:00.000Z"], // EST, −5
    [NEW_YORK, "2025-03-09", 9, "2025-03-09T13:00:00.000Z"], // EDT, −4
    [NEW_YORK, "2025-11-02", 9, "2025-11-02T14:00:00.000Z"],
    ["Asia/Kolkata", "2025-06-01", 9, "2025-06-01T03:30:00.000Z"],
  ] as const)("%s %s %d:00", (zone, date, hour, iso) => {
    expect(fromWallTime(wall(date, hour), zone).toISOString()).toBe(iso);
  });

  it("moves a time in the spring-forward gap past the gap (02:30 → 03:30 CEST)", () => {
    expect(fromWallTime(wall("2025-03-30", 2, 30), BERLIN).toISOString()).toBe(
      "2025-03-30T01:30:00.000Z",
    );
    expect(fromWallTime(wall("2025-03-09", 2, 30), NEW_YORK).toISOString()).toBe(
      "2025-03-09T07:30:00.000Z",
    );
  });

  it("takes the first of a repeated fall-back time (02:30 CEST, not CET)", () => {
    expect(fromWallTime(wall("2025-10-26", 2, 30), BERLIN).toISOString()).toBe(
      "2025-10-26T00:30:00.000Z",
    );
    expect(fromWallTime(wall("2025-11-02", 1, 30), NEW_YORK).toISOString()).toBe(
      "2025-11-02T05:30:00.000Z",
    );
  });
});

describe("nextLocalTime", () => {
  it.each([
    // Saturday 21:00 CET → Sunday 09:00 CEST: 12 wall-clock hours, 11 real ones.
    [BERLIN, "2025-03-29T20:00:00Z", "09:00", undefined, "2025-03-30T07:00:00.000Z"],
    [BERLIN, "2025-03-30T07:00:00Z", "09:00", undefined, "2025-03-31T07:00:00.000Z"],
    [BERLIN, "2025-10-25T10:00:00Z", "09:00", undefined, "2025-10-26T08:00:00.000Z"],
    [NEW_YORK, "2025-03-08T15:00:00Z", "09:00", undefined, "2025-03-09T13:00:00.000Z"],
    [NEW_YORK, "2025-11-01T15:00:00Z", "09:00", undefined, "2025-11-02T14:00:00.000Z"],
    // Friday 10:00 Berlin, next Monday 09:00 (the weekend crosses the March change).
    [BERLIN, "2025-03-28T09:00:00Z", "09:00", ["mon"], "2025-03-31T07:00:00.000Z"],
    // Monday after 09:00 asking for Monday: a week later.
    [BERLIN, "2025-03-31T08:00:00Z", "09:00", ["mon"], "2025-04-07T07:00:00.000Z"],
    [BERLIN, "2025-03-28T07:00:00Z", "10:00", ["mon", "fri"], "2025-03-28T09:00:00.000Z"],
    ["UTC", "2025-06-01T23:59:00Z", "00:00", undefined, "2025-06-02T00:00:00.000Z"],
  ] as const)("%s after %s, next %s on %j", (zone, from, time, days, iso) => {
    expect(nextLocalTime(at(from), time, zone, days).toISOString()).toBe(iso);
  });

  it("is strictly after: at exactly 09:00 the next 09:00 is tomorrow", () => {
    expect(nextLocalTime(at("2025-06-02T07:00:00Z"), "09:00", BERLIN).toISOString()).toBe(
      "2025-06-03T07:00:00.000Z",
    );
  });

  it("resolves a target inside the spring-forward gap to just after it", () => {
    expect(nextLocalTime(at("2025-03-29T12:00:00Z"), "02:30", BERLIN).toISOString()).toBe(
      "2025-03-30T01:30:00.000Z",
    );
  });
});

describe("isWithinLocalWindow", () => {
  it.each([
    ["2025-06-02T20:00:00Z", "21:00", "08:00", true], // 22:00 CEST
    ["2025-06-02T05:59:00Z", "21:00", "08:00", true], // 07:59
    ["2025-06-02T06:00:00Z", "21:00", "08:00", false], // 08:00: window ends
    ["2025-06-02T19:00:00Z", "21:00", "08:00", true], // 21:00: window starts
    ["2025-06-02T10:00:00Z", "21:00", "08:00", false],
    ["2025-06-02T10:00:00Z", "09:00", "17:00", true],
    ["2025-06-02T16:00:00Z", "09:00", "17:00", false],
    ["2025-06-02T10:00:00Z", "09:00", "09:00", false], // empty window
  ] as const)("%s in %s–%s Berlin is %s", (iso, start, end, inside) => {
    expect(isWithinLocalWindow(at(iso), start, end, BERLIN)).toBe(inside);
  });
});

describe("resolveTimeZone", () => {
  it.each([
    ["America/New_York", "America/New_York"],
    ["america/new_york", "America/New_York"],
    ["Mars/Olympus_Mons", "UTC"],
    [null, "UTC"],
    ["", "UTC"],
  ] as const)("%j → %s", (input, zone) => {
    expect(resolveTimeZone(input)).toBe(zone);
  });
});
