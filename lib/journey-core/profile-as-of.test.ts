import { describe, expect, it } from "vitest";
import { factsAsOf, type ProfileHistory } from "./profile-as-of";
import { makeProfile } from "./test-fixtures";

const at = (iso: string) => new Date(iso);
// Stored now: plan pro, email b@x (set at 10:05), timezone Tokyo from the device at 10:06.
const current = makeProfile({
  traits: { plan: "pro", email: "b@x.test", name: "Ann" },
  email: "b@x.test",
  timezone: "Asia/Tokyo",
  contextTimezone: "Asia/Tokyo",
});
const history: ProfileHistory = {
  later: [
    { id: "01", type: "identify", at: at("2026-01-01T10:00:00Z"), traits: { plan: "free" } },
    {
      id: "02",
      type: "identify",
      at: at("2026-01-01T10:05:00Z"),
      traits: { plan: "pro", email: "B@x.test" },
    },
    { id: "03", type: "track", at: at("2026-01-01T10:06:00Z"), contextTimezone: "Asia/Tokyo" },
  ],
  priorTraits: { plan: { value: "trial" }, email: null },
  priorContextTimezone: "Europe/Berlin",
};

describe("factsAsOf", () => {
  it.each([
    ["2026-01-01T09:59:59Z", undefined, "trial", null, "Europe/Berlin"],
    ["2026-01-01T10:00:00Z", undefined, "free", null, "Europe/Berlin"],
    ["2026-01-01T10:05:00Z", "01", "free", null, "Europe/Berlin"],
    ["2026-01-01T10:05:00Z", "02", "pro", "b@x.test", "Europe/Berlin"],
    ["2026-01-01T10:06:00Z", undefined, "pro", "b@x.test", "Asia/Tokyo"],
  ])("at %s (through %s): plan %s, email %s, timezone %s", (when, through, plan, email, tz) => {
    const facts = factsAsOf(current, history, at(when), through);
    expect(facts.traits).toMatchObject({ plan, name: "Ann" });
    expect(facts.email).toBe(email);
    expect(facts.timezone).toBe(tz);
  });

  it("is the stored profile when nothing came after", () => {
    expect(factsAsOf(current, { later: [], priorTraits: {} }, at("2026-01-01T00:00:00Z"))).toBe(
      current,
    );
    expect(factsAsOf(current, undefined, at("2026-01-01T00:00:00Z"))).toBe(current);
  });
});
