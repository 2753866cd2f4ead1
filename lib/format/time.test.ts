import { describe, expect, it } from "vitest";
import {
  eventTimeTitle,
  formatRelative,
  formatTime,
  placeOfZone,
  splitInstants,
  zoneAbbreviation,
} from "./time";

const HOUR = 3_600_000;

describe("formatTime", () => {
  it("labels every style with the zone it is in", () => {
    const at = "2026-12-08T13:00:00.000Z";
    expect(formatTime(at, "datetime", { timeZone: "UTC" })).toBe("Dec 8, 2026, 13:00:00 UTC");
    expect(formatTime(at, "short", { timeZone: "America/Toronto" })).toBe("Dec 8, 08:00:00 EST");
    expect(formatTime(at, "time", { timeZone: "Asia/Tokyo" })).toBe("22:00 GMT+9");
    expect(formatTime(at, "date", { timeZone: "Pacific/Kiritimati" })).toBe("Wed, Dec 9, 2026");
  });

  it("names the place for a profile's zone, so it is not read as the viewer's", () => {
    expect(
      formatTime("2026-12-08T13:00:00Z", "datetime", { timeZone: "America/Toronto", place: true }),
    ).toBe("Dec 8, 2026, 08:00:00 EST (Toronto time)");
    expect(
      formatTime("2026-12-08T13:00:00Z", "time", {
        timeZone: "America/Argentina/Buenos_Aires",
        place: true,
      }),
    ).toBe("10:00 GMT-3 (Buenos Aires time)");
    // UTC says so once.
    expect(formatTime("2026-12-08T13:00:00Z", "time", { timeZone: "UTC", place: true })).toBe(
      "13:00 UTC",
    );
  });

  it("follows daylight saving time on both sides of a change", () => {
    const toronto = { timeZone: "America/Toronto", place: true };
    // 2026-03-08 02:00 EST → 03:00 EDT in Toronto.
    expect(formatTime("2026-03-08T06:59:00Z", "short", toronto)).toBe(
      "Mar 8, 01:59:00 EST (Toronto time)",
    );
    expect(formatTime("2026-03-08T07:00:00Z", "short", toronto)).toBe(
      "Mar 8, 03:00:00 EDT (Toronto time)",
    );
    // Quiet hours end at 08:00 local: 12:00 UTC in summer, 13:00 UTC in winter.
    expect(formatTime("2026-07-01T12:00:00Z", "time", toronto)).toBe("08:00 EDT (Toronto time)");
    expect(formatTime("2026-12-01T13:00:00Z", "time", toronto)).toBe("08:00 EST (Toronto time)");
    // Berlin leaves summer time on 2026-10-25 at 03:00 CEST → 02:00 CET.
    expect(zoneAbbreviation(new Date("2026-10-25T00:30:00Z"), "Europe/Berlin")).toBe("GMT+2");
    expect(zoneAbbreviation(new Date("2026-10-25T01:30:00Z"), "Europe/Berlin")).toBe("GMT+1");
  });

  it("writes midnight as 00:00, never 24:00", () => {
    expect(formatTime("2026-12-08T00:00:00Z", "time", { timeZone: "UTC" })).toBe("00:00 UTC");
  });

  it("gives relative times against the given now, and the date beyond 60 days", () => {
    const now = Date.parse("2026-12-08T12:00:00Z");
    expect(formatTime(new Date(now + 2 * HOUR), "relative", {}, now)).toBe("in 2 h");
    expect(formatTime(new Date(now - 3 * HOUR), "relative", {}, now)).toBe("3 h ago");
    expect(formatTime("2026-03-01T12:00:00Z", "relative", { timeZone: "UTC" }, now)).toBe(
      "Sun, Mar 1, 2026",
    );
  });

  it("leaves something that is not a time as it is", () => {
    expect(formatTime("soon", "datetime")).toBe("soon");
  });
});

describe("formatRelative", () => {
  const now = Date.parse("2026-12-08T12:00:00Z");
  it.each([
    [now + 10_000, "just now"],
    [now - 44_000, "just now"],
    [now + 5 * 60_000, "in 5 min"],
    [now - 59 * 60_000, "59 min ago"],
    [now + 90 * 60_000, "in 2 h"],
    [now - 23 * HOUR, "23 h ago"],
    [now + 36 * HOUR, "in 2 d"],
    [now - 59 * 24 * HOUR, "59 d ago"],
    [now + 61 * 24 * HOUR, null],
  ])("%s", (at, expected) => {
    expect(formatRelative(at, now)).toBe(expected);
  });
});

describe("placeOfZone", () => {
  it.each([
    ["America/Toronto", "Toronto time"],
    ["America/Indiana/Indianapolis", "Indianapolis time"],
    ["Asia/Ho_Chi_Minh", "Ho Chi Minh time"],
    ["UTC", "UTC"],
    ["Etc/UTC", "UTC"],
  ])("%s", (zone, expected) => {
    expect(placeOfZone(zone)).toBe(expected);
  });
});

describe("eventTimeTitle", () => {
  const zone = { timeZone: "UTC" };
  it("adds the receive time when it is a minute or more after the event", () => {
    expect(eventTimeTitle("2026-12-05T09:00:00Z", "2026-12-07T15:40:00Z", zone)).toBe(
      "Happened Dec 5, 2026, 09:00:00 UTC; received Dec 7, 2026, 15:40:00 UTC",
    );
  });
  it("says only when it happened when both agree, or the receive time is unknown", () => {
    expect(eventTimeTitle("2026-12-05T09:00:00Z", "2026-12-05T09:00:02Z", zone)).toBe(
      "Happened Dec 5, 2026, 09:00:00 UTC",
    );
    expect(eventTimeTitle("2026-12-05T09:00:00Z", null, zone)).toBe(
      "Happened Dec 5, 2026, 09:00:00 UTC",
    );
  });
});

describe("instants in server sentences", () => {
  const sentence =
    "Quiet hours 21:00–08:00 in America/Toronto: deferred until 2026-12-08T13:00:00.000Z";
  it("splits a sentence at each ISO instant", () => {
    expect(splitInstants(sentence)).toEqual([
      "Quiet hours 21:00–08:00 in America/Toronto: deferred until ",
      { iso: "2026-12-08T13:00:00.000Z" },
    ]);
    expect(splitInstants("from 2026-12-01T00:00Z to 2026-12-02T00:00:00Z.")).toEqual([
      "from ",
      { iso: "2026-12-01T00:00Z" },
      " to ",
      { iso: "2026-12-02T00:00:00Z" },
      ".",
    ]);
    expect(splitInstants("no time here")).toEqual(["no time here"]);
  });
  it("marks each instant so the page writes it as a labelled time, never raw ISO", () => {
    const written = splitInstants(sentence)
      .map((part) =>
        typeof part === "string"
          ? part
          : formatTime(part.iso, "datetime", { timeZone: "America/Toronto", place: true }),
      )
      .join("");
    expect(written).toBe(
      "Quiet hours 21:00–08:00 in America/Toronto: deferred until Dec 8, 2026, 08:00:00 EST (Toronto time)",
    );
    expect(written).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });
});
