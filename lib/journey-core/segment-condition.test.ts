import { describe, expect, it } from "vitest";
import { countKey, countQueryFor } from "./count-queries";
import { decideEntry } from "./decide-entry";
import type { ConditionItem, JourneyDefinition } from "./definition";
import type { ProfileFacts } from "./facts";
import {
  evaluateSegment,
  nextSegmentCheckAt,
  readsTraitKeys,
  segmentConditionSchema,
  segmentReads,
} from "./segment-condition";

const DAY = 86_400_000;
const profile = (firstSeenAt: string, traits: Record<string, unknown> = {}): ProfileFacts => ({
  id: "p1",
  traits,
  firstSeenAt: new Date(firstSeenAt),
  lastSeenAt: new Date(firstSeenAt),
  timezone: null,
  email: null,
  unsubscribed: false,
  suppressed: false,
});

const viewed = {
  kind: "has_done",
  event: "Viewed Pricing",
  within: { amount: 7, unit: "days" },
} as const;

describe("segment conditions", () => {
  it("refuses event-property and segment conditions, naming where", () => {
    const result = segmentConditionSchema.safeParse({
      all: [
        { kind: "trait", path: "plan", operator: "eq", value: "trial" },
        { any: [{ kind: "property", path: "x", operator: "exists" }] },
        { kind: "in_segment", segmentId: "s1" },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([
      "all.1.any.0.kind",
      "all.2.kind",
    ]);
  });

  it("says what it reads", () => {
    const condition: ConditionItem = {
      any: [viewed, { kind: "trait", path: "plan", operator: "eq", value: "trial" }],
    };
    const reads = segmentReads(condition);
    expect(reads.eventNames).toEqual(["Viewed Pricing"]);
    expect(reads.readsTraits).toBe(true);
    expect(reads.counts.map(countKey)).toEqual([countKey(countQueryFor(viewed))]);
    expect(reads.traitPaths).toEqual(["plan"]);
  });

  it("says which identifies can change it: those writing a key a trait path reads", () => {
    const reads = segmentReads({
      all: [
        { kind: "trait", path: "plan", operator: "eq", value: "trial" },
        { kind: "trait", path: "utm.source", operator: "eq", value: "ads" },
        viewed,
      ],
    });
    expect(reads.traitPaths).toEqual(["plan", "utm.source"]);
    expect(readsTraitKeys(reads, ["plan"])).toBe(true);
    // "utm.source" reads a key of that name, or the key "utm" (nested).
    expect(readsTraitKeys(reads, ["utm"])).toBe(true);
    expect(readsTraitKeys(reads, ["utm.source"])).toBe(true);
    expect(readsTraitKeys(reads, ["email", "seats"])).toBe(false);
    expect(readsTraitKeys(reads, ["utm_source", "pla"])).toBe(false);
    expect(readsTraitKeys(reads, [])).toBe(false);
    expect(readsTraitKeys(segmentReads(viewed), ["plan"])).toBe(false);
  });

  it("is evaluated by the journey filters' evaluator", () => {
    const key = countKey(countQueryFor(viewed));
    const now = new Date("2026-03-10T00:00:00Z");
    expect(evaluateSegment(viewed, profile("2026-01-01"), { [key]: 1 }, now).pass).toBe(true);
    const out = evaluateSegment(viewed, profile("2026-01-01"), { [key]: 0 }, now);
    expect(out.failures[0]).toMatchObject({ expected: "at least 1", actual: 0 });
  });

  it("checks again when the oldest counted event leaves the window, or first seen runs out", () => {
    const key = countKey(countQueryFor(viewed));
    const now = new Date("2026-03-05T00:00:00Z");
    const oldest = new Date("2026-03-02T09:00:00Z");
    expect(nextSegmentCheckAt(viewed, profile("2026-01-01"), { [key]: oldest }, now)).toEqual(
      new Date(oldest.getTime() + 7 * DAY),
    );
    expect(nextSegmentCheckAt(viewed, profile("2026-01-01"), { [key]: null }, now)).toBeNull();
    const firstWeek: ConditionItem = {
      kind: "first_seen_within",
      within: { amount: 7, unit: "days" },
    };
    const seen = "2026-03-01T00:00:00Z";
    expect(nextSegmentCheckAt(firstWeek, profile(seen), {}, now)).toEqual(
      new Date(Date.parse(seen) + 7 * DAY + 1),
    );
    expect(nextSegmentCheckAt(firstWeek, profile(seen), {}, new Date("2026-04-01"))).toBeNull();
  });

  it("sets no check when time alone cannot turn the verdict", () => {
    // Trial users who used a feature at least 3 times in 30 days.
    const used: ConditionItem = {
      all: [
        { kind: "trait", path: "plan", operator: "eq", value: "trial" },
        { kind: "done_count", event: "Used", atLeast: 3, within: { amount: 30, unit: "days" } },
      ],
    };
    const key = countKey(
      countQueryFor(used.all[1] as Extract<ConditionItem, { kind: "done_count" }>),
    );
    const now = new Date("2026-03-05T00:00:00Z");
    const oldest = { [key]: new Date("2026-03-01T00:00:00Z") };
    const leaves = new Date("2026-03-31T00:00:00Z");
    const trial = profile("2026-01-01", { plan: "trial" });
    const check = (p: ProfileFacts, n: number) => {
      const counts = { [key]: n };
      const member = evaluateSegment(used, p, counts, now).pass;
      return nextSegmentCheckAt(used, p, oldest, now, { member, counts });
    };
    expect(check(trial, 3)).toEqual(leaves); // a member leaves when the window passes
    expect(check(trial, 2)).toBeNull(); // two uses never become three by waiting
    expect(check(profile("2026-01-01", { plan: "pro" }), 5)).toBeNull(); // nor does pro become trial
    // Without the verdict, as before: the window's next change.
    expect(nextSegmentCheckAt(used, trial, oldest, now)).toEqual(leaves);

    // "Has not done X within 7 days": a non-member joins when the window passes.
    const quiet: ConditionItem = {
      kind: "has_done",
      event: "Used",
      within: { amount: 7, unit: "days" },
      negate: true,
    };
    const quietKey = countKey(countQueryFor(quiet as Extract<ConditionItem, { kind: "has_done" }>));
    const counts = { [quietKey]: 1 };
    expect(evaluateSegment(quiet, trial, counts, now).pass).toBe(false);
    expect(
      nextSegmentCheckAt(quiet, trial, { [quietKey]: oldest[key] ?? null }, now, {
        member: false,
        counts,
      }),
    ).toEqual(new Date("2026-03-08T00:00:00Z"));
    // A member of it (done nothing) stays one however long it waits.
    expect(
      nextSegmentCheckAt(quiet, trial, { [quietKey]: null }, now, {
        member: true,
        counts: { [quietKey]: 0 },
      }),
    ).toBeNull();
  });
});

const journey = (settings: Partial<JourneyDefinition["settings"]>): JourneyDefinition => ({
  version: 1,
  nodes: [
    { id: "t", type: "trigger", trigger: { kind: "segment", segmentId: "s1", on: "entry" } },
    { id: "end", type: "exit" },
  ],
  edges: [{ from: "t", to: "end" }],
  settings: { reentry: { mode: "always" }, holdoutPercent: 0, ...settings },
});

describe("segment triggers and exclusion", () => {
  const now = new Date("2026-03-01T00:00:00Z");
  const entered = (segmentId: string) => ({
    kind: "event" as const,
    event: { name: "Segment Entered", properties: { segmentId }, timestamp: now },
  });

  it("fires on its segment's entry event only", () => {
    const ctx = { counts: {}, previousRuns: [], now, segmentIds: [] };
    expect(decideEntry(journey({}), entered("s1"), ctx).enter).toBe(true);
    expect(decideEntry(journey({}), entered("s2"), ctx).enter).toBe(false);
    const exit = { ...entered("s1"), event: { ...entered("s1").event, name: "Segment Exited" } };
    expect(decideEntry(journey({}), exit, ctx).enter).toBe(false);
  });

  it("refuses a profile in the exclusion segment, and fails closed when membership is unknown", () => {
    const definition = journey({ exclusionSegmentId: "vip" });
    const base = { counts: {}, previousRuns: [], now };
    expect(decideEntry(definition, entered("s1"), { ...base, segmentIds: ["vip"] })).toMatchObject({
      enter: false,
      reason: 'In the exclusion segment "vip"',
    });
    expect(decideEntry(definition, entered("s1"), { ...base, segmentIds: [] }).enter).toBe(true);
    expect(decideEntry(definition, entered("s1"), base).enter).toBe(false);
  });
});
