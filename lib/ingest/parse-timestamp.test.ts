import { describe, expect, it } from "vitest";
import { parseTimestamp } from "./parse-timestamp";

describe("parseTimestamp", () => {
  it.each([
    ["2026-03-01T12:34:56.789Z", "2026-03-01T12:34:56.789Z"],
    ["2026-03-01T12:34:56Z", "2026-03-01T12:34:56.000Z"],
    ["2026-03-01T12:34:56.123456789Z", "2026-03-01T12:34:56.123Z"],
    ["2026-03-01T12:34:56+02:00", "2026-03-01T10:34:56.000Z"],
    ["2026-03-01T12:34:56-0530", "2026-03-01T18:04:56.000Z"],
    ["2026-03-01T12:34", "2026-03-01T12:34:00.000Z"], // no offset: UTC, not server-local
    ["2026-03-01 12:34:56", "2026-03-01T12:34:56.000Z"],
    ["2026-03-01", "2026-03-01T00:00:00.000Z"],
  ])("reads %s", (input, expected) => {
    expect(parseTimestamp(input)?.toISOString()).toBe(expected);
  });

  it.each([
    "yesterday",
    "1",
    "",
    "2026-02-30T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-03-01T24:00:00Z",
    "Tue, 03 Mar 2026 10:00:00 GMT",
  ])("refuses %j", (input) => {
    expect(parseTimestamp(input)).toBeNull();
  });

  it("refuses non-strings but takes valid Dates", () => {
    expect(parseTimestamp(1_700_000_000_000)).toBeNull();
    expect(parseTimestamp(null)).toBeNull();
    expect(parseTimestamp({})).toBeNull();
    expect(parseTimestamp(new Date("invalid"))).toBeNull();
    expect(parseTimestamp(new Date(5))?.getTime()).toBe(5);
  });
});
