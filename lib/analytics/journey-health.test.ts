import { describe, expect, it } from "vitest";
import { assessJourneyHealth, median } from "./journey-health";

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});

describe("assessJourneyHealth", () => {
  const week = [10, 12, 9, 11, 10, 8, 13];

  it("is ok when entries are as usual", () => {
    const health = assessJourneyHealth({ entries: [11, ...week], liveWindows: 7 });
    expect(health).toMatchObject({ status: "ok", last24h: 11, median: 10 });
  });

  it("flags entries that dropped to zero", () => {
    const health = assessJourneyHealth({ entries: [0, ...week], liveWindows: 7 });
    expect(health.status).toBe("stopped");
    expect(health.reason).toContain("about 10 a day");
  });

  it("flags a jump above 5× the 7-day median, not one at exactly 5×", () => {
    expect(assessJourneyHealth({ entries: [51, ...week], liveWindows: 7 }).status).toBe("spike");
    expect(assessJourneyHealth({ entries: [50, ...week], liveWindows: 7 }).status).toBe("ok");
  });

  it("uses the median, so one busy day does not move the baseline", () => {
    const health = assessJourneyHealth({ entries: [40, 5, 5, 500, 5, 5, 5, 5], liveWindows: 7 });
    expect(health.median).toBe(5);
    expect(health.status).toBe("spike");
  });

  it("does not judge a journey live for fewer than 3 days", () => {
    const health = assessJourneyHealth({ entries: [0, 10, 10, 0, 0, 0, 0, 0], liveWindows: 2 });
    expect(health.status).toBe("new");
    expect(health.median).toBeNull();
  });

  it("counts only the windows the journey was live for", () => {
    // Live for 3 windows with 10 a day; the older zeros predate publishing.
    const health = assessJourneyHealth({ entries: [0, 10, 10, 10, 0, 0, 0, 0], liveWindows: 3 });
    expect(health).toMatchObject({ status: "stopped", median: 10 });
  });

  it("a journey with no traffic all week is idle, and its first entries are fine", () => {
    expect(assessJourneyHealth({ entries: [0, 0, 0, 0, 0, 0, 0, 0], liveWindows: 7 }).status).toBe(
      "idle",
    );
    expect(assessJourneyHealth({ entries: [3, 0, 0, 0, 0, 0, 0, 0], liveWindows: 7 }).status).toBe(
      "ok",
    );
  });
});
