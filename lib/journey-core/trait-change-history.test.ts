import { describe, expect, it } from "vitest";
import type { TraitChangeTrigger } from "./definition";
import type { ProfileCall } from "./profile-merge";
import { lastChangeToMatching } from "./trait-change-history";

const trigger: TraitChangeTrigger = {
  kind: "trait_change",
  conditions: [{ kind: "trait", path: "plan", operator: "eq", value: "pro" }],
};
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const identify = (minute: number, traits: Record<string, unknown>): ProfileCall => ({
  type: "identify",
  at: at(minute),
  traits,
});

describe("lastChangeToMatching", () => {
  const calls = [
    identify(0, { plan: "free" }),
    identify(5, { plan: "pro" }),
    identify(6, { plan: "pro", seats: 3 }),
    { type: "track", at: at(7) } as ProfileCall,
    identify(8, { plan: "free" }),
    identify(9, { plan: "pro" }),
    identify(10, { plan: "pro" }),
  ];

  it.each([
    [4, null],
    [5, 5],
    [7, 5], // repeats and unrelated calls are no change
    [8, 5], // not matching at 8: the last change was still at 5
    [9, 9],
    [30, 9],
  ])("as of minute %i: %s", (minute, expected) => {
    const found = lastChangeToMatching(trigger, calls, at(minute));
    expect(found).toEqual(expected === null ? null : at(expected));
  });

  it("counts a first identify that already matches as a change (a new profile matched nothing)", () => {
    expect(lastChangeToMatching(trigger, [identify(1, { plan: "pro" })], at(2))).toEqual(at(1));
  });

  it("removing the trait stops the match", () => {
    const removed = [
      identify(1, { plan: "pro" }),
      identify(2, { plan: null }),
      identify(3, { plan: "pro" }),
    ];
    expect(lastChangeToMatching(trigger, removed, at(3))).toEqual(at(3));
  });
});
