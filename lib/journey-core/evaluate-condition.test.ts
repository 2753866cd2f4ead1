import { describe, expect, it } from "vitest";
import { countKey, countQueryFor, firstTimeQuery, requiredCounts } from "./count-queries";
import type { Condition, ConditionItem } from "./definition";
import {
  type ConditionContext,
  describeCondition,
  evaluateCondition,
  matchesWhere,
  readPath,
} from "./evaluate-condition";
import { at, lineJourney, makeEvent, makeProfile } from "./test-fixtures";

const reportsInWeek: Extract<Condition, { kind: "has_done" }> = {
  kind: "has_done",
  event: "Report Created",
  within: { amount: 7, unit: "days" },
};
const notShared: Extract<Condition, { kind: "has_done" }> = {
  kind: "has_done",
  event: "Dashboard Shared",
  negate: true,
};
const threeFeatureUses: Extract<Condition, { kind: "done_count" }> = {
  kind: "done_count",
  event: "Feature Used",
  where: [{ kind: "property", path: "feature", operator: "eq", value: "alerts" }],
  atLeast: 3,
  within: { amount: 7, unit: "days" },
};

function context(overrides: Partial<ConditionContext> = {}): ConditionContext {
  return {
    event: makeEvent("Signed Up", "2025-06-03T10:00:00Z", {
      plan: "free",
      utm: { source: "google_ads" },
    }),
    profile: makeProfile({
      traits: { plan: "pro", usage_pct: 85, acquisition_source: "referral", "utm.campaign": "x" },
      firstSeenAt: at("2025-06-01T10:00:00Z"),
    }),
    now: at("2025-06-05T10:00:00Z"),
    counts: {
      [countKey(countQueryFor(reportsInWeek))]: 2,
      [countKey(countQueryFor(notShared))]: 0,
      [countKey(countQueryFor(threeFeatureUses))]: 2,
    },
    ...overrides,
  };
}

type Row = [name: string, condition: ConditionItem, pass: boolean];
const rows: Row[] = [
  ["trait eq", { kind: "trait", path: "plan", operator: "eq", value: "pro" }, true],
  ["trait gte", { kind: "trait", path: "usage_pct", operator: "gte", value: 80 }, true],
  [
    "acquisition source",
    { kind: "trait", path: "acquisition_source", operator: "in", value: ["referral"] },
    true,
  ],
  ["dotted trait key", { kind: "trait", path: "utm.campaign", operator: "eq", value: "x" }, true],
  ["event property", { kind: "property", path: "plan", operator: "eq", value: "free" }, true],
  [
    "nested property",
    { kind: "property", path: "utm.source", operator: "eq", value: "google_ads" },
    true,
  ],
  ["missing property", { kind: "property", path: "nope", operator: "exists" }, false],
  ["first 7 days", { kind: "first_seen_within", within: { amount: 7, unit: "days" } }, true],
  ["first 3 days", { kind: "first_seen_within", within: { amount: 3, unit: "days" } }, false],
  [
    "not in first 3 days",
    { kind: "first_seen_within", within: { amount: 3, unit: "days" }, negate: true },
    true,
  ],
  ["has done within", reportsInWeek, true],
  ["has not done", notShared, true],
  ["done at least 3 times", threeFeatureUses, false],
  ["all passes", { all: [reportsInWeek, notShared] }, true],
  ["all fails", { all: [reportsInWeek, threeFeatureUses] }, false],
  ["any passes", { any: [threeFeatureUses, notShared] }, true],
  [
    "any fails",
    { any: [threeFeatureUses, { kind: "trait", path: "plan", operator: "eq", value: "team" }] },
    false,
  ],
  [
    "nested groups",
    { all: [{ any: [threeFeatureUses, reportsInWeek] }, { all: [notShared] }] },
    true,
  ],
];

describe("evaluateCondition", () => {
  it.each(rows)("%s", (_name, condition, pass) => {
    expect(evaluateCondition(condition, context()).pass).toBe(pass);
  });

  it("reports the first failing condition with expected and actual values", () => {
    const result = evaluateCondition(
      {
        all: [
          { kind: "trait", path: "plan", operator: "eq", value: "pro" },
          { kind: "trait", path: "usage_pct", operator: "lt", value: 50 },
          { kind: "trait", path: "plan", operator: "eq", value: "team" },
        ],
      },
      context(),
    );
    expect(result).toEqual({
      pass: false,
      failures: [{ condition: 'trait "usage_pct" is less than 50', expected: 50, actual: 85 }],
    });
  });

  it("reports the count for a failed count condition", () => {
    const result = evaluateCondition(threeFeatureUses, context());
    expect(result.failures).toEqual([
      {
        condition: 'did "Feature Used" where "feature" is "alerts" at least 3 times within 7 days',
        expected: "at least 3",
        actual: 2,
      },
    ]);
  });

  it("fails closed when a count was not loaded, even for has-not-done", () => {
    const result = evaluateCondition(notShared, context({ counts: {} }));
    expect(result.pass).toBe(false);
    expect(String(result.failures[0].actual)).toMatch(/^count not loaded/);
  });

  it("reads a missing trigger event's property as absent", () => {
    const condition: Condition = { kind: "property", path: "plan", operator: "eq", value: "free" };
    const result = evaluateCondition(condition, context({ event: null }));
    expect(result.failures[0]).toMatchObject({ expected: "free", actual: null });
  });
});

describe("describeCondition", () => {
  it.each([
    [{ kind: "trait", path: "plan", operator: "exists" }, 'trait "plan" is set'],
    [reportsInWeek, 'has done "Report Created" within 7 days'],
    [notShared, 'has not done "Dashboard Shared"'],
    [
      { kind: "first_seen_within", within: { amount: 1, unit: "days" } },
      "first seen within the last 1 day",
    ],
  ] as [Condition, string][])("%j", (condition, text) => {
    expect(describeCondition(condition)).toBe(text);
  });
});

describe("readPath and matchesWhere", () => {
  it("reads nested paths and array indexes, and nothing through primitives", () => {
    const source = { a: { b: [{ c: 1 }] }, s: "str" };
    expect(readPath(source, "a.b.0.c")).toBe(1);
    expect(readPath(source, "s.length")).toBeUndefined();
    expect(readPath(null, "a")).toBeUndefined();
  });

  it("ANDs property conditions", () => {
    const where = [
      { kind: "property" as const, path: "step", operator: "eq" as const, value: 3 },
      { kind: "property" as const, path: "step_name", operator: "exists" as const },
    ];
    expect(matchesWhere(where, { step: "3", step_name: "Build" }).pass).toBe(true);
    expect(matchesWhere(where, { step: 3 }).pass).toBe(false);
    expect(matchesWhere(undefined, {}).pass).toBe(true);
  });
});

describe("requiredCounts", () => {
  it("lists each count the trigger, filters and branches read, once", () => {
    const definition = lineJourney("Report Created", [
      { id: "f1", type: "filter", condition: { all: [reportsInWeek, { any: [notShared] }] } },
      { id: "b1", type: "branch", condition: { all: [reportsInWeek, threeFeatureUses] } },
    ]);
    const trigger = definition.nodes[0];
    if (trigger.type === "trigger" && trigger.trigger.kind === "event") {
      trigger.trigger.firstTimeOnly = true;
    }
    const keys = requiredCounts(definition).map(countKey).sort();
    const expected = [
      countQueryFor(reportsInWeek),
      countQueryFor(notShared),
      countQueryFor(threeFeatureUses),
      firstTimeQuery({ kind: "event", event: "Report Created" }),
    ];
    expect(keys).toEqual(expected.map(countKey).sort());
  });

  it("keys a query the same way regardless of property order", () => {
    const a = countKey({ event: "E", where: [], withinMs: 1, beforeTrigger: false });
    const b = countKey({ beforeTrigger: false, withinMs: 1, where: [], event: "E" });
    expect(a).toBe(b);
    expect(countKey({ event: "E", where: [], withinMs: null, beforeTrigger: false })).not.toBe(a);
  });
});
