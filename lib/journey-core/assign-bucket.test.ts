import { describe, expect, it } from "vitest";
import { assignVariant, fnv1a32, hashToUnit, isInHoldout } from "./assign-bucket";

const profiles = Array.from(
  { length: 10_000 },
  (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
);

/** |observed − expected| within 4 standard deviations of a binomial share. */
function expectShare(hits: number, n: number, p: number) {
  const tolerance = 4 * Math.sqrt((p * (1 - p)) / n);
  expect(Math.abs(hits / n - p)).toBeLessThan(tolerance);
}

describe("hashing", () => {
  it("matches the FNV-1a reference values", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });

  it("is stable and separates joined parts", () => {
    expect(hashToUnit("p", "j")).toBe(hashToUnit("p", "j"));
    expect(hashToUnit("ab", "c")).not.toBe(hashToUnit("a", "bc"));
    expect(hashToUnit("x")).toBeGreaterThanOrEqual(0);
    expect(hashToUnit("x")).toBeLessThan(1);
  });
});

describe("stability across releases", () => {
  // Changing the hash would silently move every profile in every running split
  // and holdout to a new group mid-experiment. These values must never change.
  it("keeps golden values", () => {
    expect(hashToUnit("profile-1", "journey-1", "holdout")).toBe(0.9462847607210279);
    expect(hashToUnit("p", "j", "split-1")).toBe(0.6834125288296491);
    const ids = Array.from({ length: 12 }, (_, i) => `user-${i}`);
    const ab = [
      { key: "a", weight: 50 },
      { key: "b", weight: 50 },
    ];
    expect(ids.map((id) => assignVariant(id, "journey-1", "split-1", ab).key).join("")).toBe(
      "bbbbaabaaaba",
    );
    expect(ids.filter((id) => isInHoldout(id, "journey-1", 25))).toEqual([
      "user-1",
      "user-5",
      "user-7",
      "user-11",
    ]);
  });
});

describe("isInHoldout", () => {
  it.each([10, 25, 50])("holds out %d%% of 10,000 profiles within tolerance", (percent) => {
    const held = profiles.filter((p) => isInHoldout(p, "journey-1", percent)).length;
    expectShare(held, profiles.length, percent / 100);
  });

  it("holds out nobody at 0% and is the same answer every time", () => {
    expect(profiles.some((p) => isInHoldout(p, "journey-1", 0))).toBe(false);
    const first = profiles.map((p) => isInHoldout(p, "journey-1", 10));
    expect(profiles.map((p) => isInHoldout(p, "journey-1", 10))).toEqual(first);
  });

  it("draws a different holdout per journey", () => {
    const a = profiles.filter((p) => isInHoldout(p, "journey-a", 10));
    const b = new Set(profiles.filter((p) => isInHoldout(p, "journey-b", 10)));
    const overlap = a.filter((p) => b.has(p)).length;
    // Independent 10% draws overlap on ~1% of profiles, not ~10%.
    expectShare(overlap, profiles.length, 0.01);
  });
});

describe("assignVariant", () => {
  const variants = [
    { key: "a", weight: 20 },
    { key: "b", weight: 30 },
    { key: "c", weight: 50 },
  ];

  it("splits by weight within tolerance", () => {
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (const p of profiles) counts[assignVariant(p, "j", "split-1", variants).key] += 1;
    expectShare(counts.a, profiles.length, 0.2);
    expectShare(counts.b, profiles.length, 0.3);
    expectShare(counts.c, profiles.length, 0.5);
  });

  it("is deterministic per profile, journey and node, and never picks a zero weight", () => {
    const pick = (p: string, node = "split-1") => assignVariant(p, "j", node, variants).key;
    expect(profiles.slice(0, 500).map((p) => pick(p))).toEqual(
      profiles.slice(0, 500).map((p) => pick(p)),
    );
    const otherNode = profiles.slice(0, 500).filter((p) => pick(p) !== pick(p, "split-2")).length;
    expect(otherNode).toBeGreaterThan(100);
    const withZero = [
      { key: "never", weight: 0 },
      { key: "always", weight: 100 },
    ];
    expect(profiles.every((p) => assignVariant(p, "j", "s", withZero).key === "always")).toBe(true);
  });
});
