import { describe, expect, it } from "vitest";
import { countKey, firstTimeQuery } from "./count-queries";
import type { EventTrigger, InactivityTrigger, TraitChangeTrigger } from "./definition";
import {
  checkReentry,
  inactivityDueAt,
  matchEventTrigger,
  matchInactivity,
  matchTraitChange,
  traitsMatch,
} from "./match-trigger";
import { at, makeEvent } from "./test-fixtures";

describe("matchEventTrigger", () => {
  const trigger: EventTrigger = {
    kind: "event",
    event: "Feature Used",
    where: [{ kind: "property", path: "feature", operator: "eq", value: "alerts" }],
  };
  const alerts = makeEvent("Feature Used", "2025-06-02T10:00:00Z", { feature: "alerts" });

  it("matches name and property conditions", () => {
    expect(matchEventTrigger(trigger, alerts, {}).match).toBe(true);
    expect(matchEventTrigger(trigger, { ...alerts, name: "Logged In" }, {}).match).toBe(false);
    const exports = { ...alerts, properties: { feature: "exports" } };
    expect(matchEventTrigger(trigger, exports, {})).toMatchObject({
      match: false,
      failures: [{ expected: "alerts", actual: "exports" }],
    });
  });

  it("with firstTimeOnly, matches only when no earlier matching event exists", () => {
    const first = { ...trigger, firstTimeOnly: true };
    const key = countKey(firstTimeQuery(first));
    expect(matchEventTrigger(first, alerts, { [key]: 0 }).match).toBe(true);
    expect(matchEventTrigger(first, alerts, { [key]: 2 })).toMatchObject({
      match: false,
      reason: 'Not the first "Feature Used" (2 earlier)',
    });
    expect(matchEventTrigger(first, alerts, {}).match).toBe(false);
  });
});

describe("matchTraitChange", () => {
  const trigger: TraitChangeTrigger = {
    kind: "trait_change",
    conditions: [
      { kind: "trait", path: "usage_pct", operator: "gte", value: 80 },
      { kind: "trait", path: "plan", operator: "eq", value: "free" },
    ],
  };

  it.each([
    [
      "crossing the threshold",
      { plan: "free", usage_pct: 70 },
      { plan: "free", usage_pct: 82 },
      true,
    ],
    [
      "repeating the same value",
      { plan: "free", usage_pct: 82 },
      { plan: "free", usage_pct: 82 },
      false,
    ],
    [
      "rising while already matching",
      { plan: "free", usage_pct: 82 },
      { plan: "free", usage_pct: 95 },
      false,
    ],
    [
      "another condition starting to match",
      { plan: "pro", usage_pct: 90 },
      { plan: "free", usage_pct: 90 },
      true,
    ],
    ["still below", { plan: "free", usage_pct: 40 }, { plan: "free", usage_pct: 60 }, false],
    ["a new profile's first identify", {}, { plan: "free", usage_pct: 85 }, true],
    ["stops matching", { plan: "free", usage_pct: 85 }, { plan: "free", usage_pct: 10 }, false],
  ] as const)("%s → %s", (_name, before, after, fires) => {
    expect(matchTraitChange(trigger, traitsMatch(trigger, before), after).match).toBe(fires);
  });
});

describe("matchInactivity", () => {
  const trigger: InactivityTrigger = {
    kind: "inactivity",
    inactiveFor: { amount: 7, unit: "days" },
  };
  const lastSeen = at("2025-06-01T10:00:00Z");

  it("fires once the period has passed, and once per period", () => {
    expect(inactivityDueAt(trigger, lastSeen).toISOString()).toBe("2025-06-08T10:00:00.000Z");
    expect(matchInactivity(trigger, lastSeen, null, at("2025-06-08T09:59:59Z")).match).toBe(false);
    expect(matchInactivity(trigger, lastSeen, null, at("2025-06-08T10:00:00Z")).match).toBe(true);
    const fired = at("2025-06-08T10:00:00Z");
    expect(matchInactivity(trigger, lastSeen, fired, at("2025-06-20T00:00:00Z"))).toMatchObject({
      match: false,
      reason: "Already fired for this period of inactivity",
    });
  });

  it("fires again after the user returns and lapses again", () => {
    const fired = at("2025-06-08T10:00:00Z");
    const returned = at("2025-06-10T09:00:00Z");
    expect(matchInactivity(trigger, returned, fired, at("2025-06-16T00:00:00Z")).match).toBe(false);
    expect(matchInactivity(trigger, returned, fired, at("2025-06-17T09:00:00Z")).match).toBe(true);
  });
});

describe("checkReentry", () => {
  const now = at("2025-06-20T12:00:00Z");
  const ended = { enteredAt: at("2025-06-10T12:00:00Z"), endedAt: at("2025-06-11T12:00:00Z") };
  const ongoing = { enteredAt: at("2025-06-19T12:00:00Z"), endedAt: null };
  const cooldown = { mode: "cooldown", cooldown: { amount: 14, unit: "days" } } as const;

  it.each([
    ["once, first time", { mode: "once" }, [], true],
    ["once, again", { mode: "once" }, [ended], false],
    ["always, again", { mode: "always" }, [ended], true],
    ["always, while a run is going", { mode: "always" }, [ongoing], false],
    ["cooldown, inside", cooldown, [ended], false],
    ["cooldown, first time", cooldown, [], true],
  ] as const)("%s", (_name, policy, runs, allowed) => {
    expect(checkReentry(policy, runs, now).allowed).toBe(allowed);
  });

  it("allows re-entry once the cooldown from the last entry has passed", () => {
    const decision = checkReentry(cooldown, [ended], now);
    expect(decision).toMatchObject({ allowed: false, until: at("2025-06-24T12:00:00Z") });
    expect(checkReentry(cooldown, [ended], at("2025-06-24T12:00:00Z")).allowed).toBe(true);
  });
});
