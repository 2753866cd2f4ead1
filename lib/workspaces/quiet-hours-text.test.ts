import { describe, expect, it } from "vitest";
import { clockTimeText, quietHoursText } from "./quiet-hours-text";

describe("quiet hours in words", () => {
  it.each([
    ["00:00", "12:00 AM"],
    ["00:30", "12:30 AM"],
    ["08:00", "8:00 AM"],
    ["11:59", "11:59 AM"],
    ["12:00", "12:00 PM"],
    ["13:05", "1:05 PM"],
    ["21:00", "9:00 PM"],
    ["23:59", "11:59 PM"],
  ])("%s reads %s", (value, text) => {
    expect(clockTimeText(value)).toBe(text);
  });

  it.each(["", "9:00", "24:00", "21:60", "21:00:00", "nine"])("%j is not a time", (value) => {
    expect(clockTimeText(value)).toBeNull();
  });

  it("says when the window runs past midnight", () => {
    expect(quietHoursText("21:00", "08:00")).toBe(
      "Quiet from 9:00 PM to 8:00 AM the next day, in each user's own time zone.",
    );
    expect(quietHoursText("12:00", "14:30")).toBe(
      "Quiet from 12:00 PM to 2:30 PM, in each user's own time zone.",
    );
  });

  it("explains an empty window and refuses a half-typed one", () => {
    expect(quietHoursText("09:00", "09:00")).toMatch(/no hours are quiet/);
    expect(quietHoursText("21:00", "")).toBeNull();
  });
});
