import { describe, expect, it } from "vitest";
import { eventPairs, eventTitle, type SummarizableEvent } from "@/components/events/event-summary";

const base: SummarizableEvent = {
  type: "track",
  name: null,
  properties: {},
  traits: null,
  extra: null,
  userId: "u1",
};

describe("eventTitle", () => {
  it.each([
    [{ ...base, name: "Signed Up" }, "Signed Up"],
    [{ ...base, type: "page", name: "Pricing" }, "Viewed page “Pricing”"],
    [{ ...base, type: "screen" }, "Viewed a screen"],
    [{ ...base, type: "identify" }, "Identified"],
    [{ ...base, type: "group", extra: { groupId: "g1" } }, "Joined group g1"],
    [{ ...base, type: "alias", extra: { previousId: "old" } }, "Alias old → u1"],
  ])("%j → %s", (event, title) => {
    expect(eventTitle(event)).toBe(title);
  });
});

describe("eventPairs", () => {
  it("shows properties for track, traits for identify, as text", () => {
    expect(
      eventPairs({
        ...base,
        properties: { plan: "pro", seats: 3, tags: ["a"], html: "<b>x</b>", x: 1 },
      }),
    ).toEqual({
      pairs: [
        ["plan", "pro"],
        ["seats", "3"],
        ["tags", '["a"]'],
        ["html", "<b>x</b>"],
      ],
      more: 1,
    });
    expect(
      eventPairs({ ...base, type: "identify", properties: { a: 1 }, traits: { email: "e" } }).pairs,
    ).toEqual([["email", "e"]]);
  });
});
