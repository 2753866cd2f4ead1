import { describe, expect, it } from "vitest";
import { profileAtWindowStart, type StoredEvent } from "./replay-profile";

const at = (iso: string) => new Date(`2026-03-${iso}Z`);
const identify = (day: string, traits: Record<string, unknown>): StoredEvent => ({
  type: "identify",
  name: null,
  properties: {},
  traits,
  timestamp: at(day),
});
const track = (day: string, contextTimezone?: unknown): StoredEvent => ({
  type: "track",
  name: "Clicked",
  properties: {},
  traits: null,
  contextTimezone,
  timestamp: at(day),
});
const row = {
  id: "p1",
  contextTimezone: "Asia/Tokyo",
  firstSeenAt: at("01T00:00:00"),
  unsubscribedAt: null,
  suppressed: false,
};

describe("profileAtWindowStart", () => {
  it("folds the calls before the window with the core's profile merge", () => {
    const events = [
      identify("02T10:00:00", {
        plan: "pro",
        email: " Ann@X.io ",
        age: 3,
        timezone: "Europe/Paris",
      }),
      track("03T10:00:00", "America/New_York"),
      identify("04T10:00:00", { age: null, timezone: "Nowhere/Land" }),
      identify("20T10:00:00", { plan: "team" }), // in the window
    ];
    const facts = profileAtWindowStart(row, events, at("10T00:00:00"));
    expect(facts).toMatchObject({
      traits: { plan: "pro", email: " Ann@X.io ", timezone: "Nowhere/Land" },
      email: "ann@x.io",
      // traits.timezone is unknown to the runtime: the device's, as of then.
      timezone: "America/New_York",
      lastSeenAt: at("04T10:00:00"),
    });
  });

  it("starts from the stored device timezone when no loaded call reported one", () => {
    const facts = profileAtWindowStart(row, [identify("02T10:00:00", {})], at("10T00:00:00"));
    expect(facts.timezone).toBe("Asia/Tokyo");
  });
});
