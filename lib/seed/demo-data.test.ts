import { describe, expect, it } from "vitest";
import {
  DEMO_ACQUISITION_SOURCES,
  DEMO_EMAIL_DOMAIN,
  DEMO_EVENT_NAMES,
  DEMO_PLANS,
  DEMO_USAGE_ALERT_PCT,
  generateDemoHistory,
  mulberry32,
  type SegmentMessage,
} from "./demo-data";

const DAY = 86_400_000;
const now = new Date("2025-06-11T15:30:00.000Z");
const history = generateDemoHistory({ now });

const ms = (m: SegmentMessage) => Date.parse(m.timestamp);
const byUser = (messages: SegmentMessage[]) => {
  const map = new Map<string, SegmentMessage[]>();
  for (const m of messages) {
    if (!m.userId) continue;
    map.set(m.userId, [...(map.get(m.userId) ?? []), m]);
  }
  return map;
};
const users = byUser(history);
const tracks = (list: SegmentMessage[], event: string) =>
  list.filter((m) => m.type === "track" && m.event === event);

describe("mulberry32", () => {
  it("repeats for a seed and differs across seeds", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe("generateDemoHistory", () => {
  it("is deterministic for a seed and changes with it", () => {
    expect(generateDemoHistory({ now })).toEqual(history);
    const other = generateDemoHistory({ now, seed: 99 });
    expect(other).not.toEqual(history);
  });

  it("keeps every message within [now - days, now], sorted, with unique ids", () => {
    const windowStart = now.getTime() - 14 * DAY;
    expect(history.every((m) => ms(m) <= now.getTime() && ms(m) >= windowStart)).toBe(true);
    expect(history.every((m, i) => i === 0 || ms(history[i - 1]) <= ms(m))).toBe(true);
    expect(new Set(history.map((m) => m.messageId)).size).toBe(history.length);
    expect(history.every((m) => /^demo-\d+$/.test(m.messageId))).toBe(true);
    const short = generateDemoHistory({ now, profiles: 20, days: 3 });
    expect(short.every((m) => ms(m) >= now.getTime() - 3 * DAY)).toBe(true);
  });

  it("has ~300 identified profiles with complete, plausible traits", () => {
    expect(users.size).toBe(300);
    const emails = new Set<string>();
    for (const list of users.values()) {
      const first = list.find((m) => m.type === "identify");
      expect(first, "each user's first identify").toBeDefined();
      expect(list[0].type === "identify" || list[0].type === "page").toBe(true);
      const traits = first?.traits ?? {};
      expect(String(traits.email)).toMatch(new RegExp(`^[a-z.]+\\d*@${DEMO_EMAIL_DOMAIN}$`));
      emails.add(String(traits.email));
      expect(DEMO_PLANS).toContain(traits.plan);
      expect(DEMO_ACQUISITION_SOURCES).toContain(traits.acquisition_source);
      expect(String(traits.timezone)).toMatch(/^[A-Z][a-z]+\/[A-Za-z_]+$/);
      expect(Number.isNaN(Date.parse(String(traits.signup_at)))).toBe(false);
      for (const key of ["name", "company", "role", "country", "usage_pct", "seats"]) {
        expect(traits[key], key).toBeDefined();
      }
    }
    expect(emails.size).toBe(300);
    const zones = new Set([...users.values()].map((l) => l[0].context?.timezone));
    expect(zones.size).toBeGreaterThan(10);
  });

  it("contains every event name, page views and group calls with company traits", () => {
    for (const name of DEMO_EVENT_NAMES)
      expect(tracks(history, name).length, name).toBeGreaterThan(0);
    expect(history.some((m) => m.type === "page" && m.name && m.properties?.path)).toBe(true);
    const group = history.find((m) => m.type === "group");
    expect(group?.groupId).toMatch(/^company-/);
    expect(Object.keys(group?.traits ?? {}).sort()).toEqual(["employees", "name", "plan"]);
    const used = tracks(history, "Feature Used").map((m) => m.properties?.feature);
    expect(new Set(used).size).toBeGreaterThan(3);
  });

  it("has users who finished onboarding step 2 but not step 3 within 24h", () => {
    let reachedStep2 = 0;
    let stalled = 0;
    for (const list of users.values()) {
      const steps = tracks(list, "Onboarding Step Completed");
      const step2 = steps.find((m) => m.properties?.step === 2);
      if (!step2 || now.getTime() - ms(step2) < DAY) continue;
      reachedStep2 += 1;
      const step3 = steps.find((m) => m.properties?.step === 3);
      if (!step3 || ms(step3) - ms(step2) > DAY) stalled += 1;
    }
    expect(stalled).toBeGreaterThanOrEqual(10);
    // Most, as the step where Acme's onboarding loses people (the nudge's cohort), but not everyone.
    expect(stalled / reachedStep2).toBeGreaterThan(0.4);
    expect(stalled / reachedStep2).toBeLessThan(0.8);
  });

  it("has users inactive for more than 7 days", () => {
    const quiet = [...users.values()].filter((list) => now.getTime() - ms(list.at(-1)!) > 7 * DAY);
    expect(quiet.length).toBeGreaterThanOrEqual(20);
    expect(quiet.length).toBeLessThan(users.size / 2);
  });

  it("has anonymous visitors who later identify with both ids", () => {
    const merges = history.filter((m) => m.type === "identify" && m.anonymousId && m.userId);
    expect(merges.length).toBeGreaterThanOrEqual(20);
    for (const merge of merges.slice(0, 20)) {
      const before = history.filter((m) => m.anonymousId === merge.anonymousId && !m.userId);
      expect(before.length).toBeGreaterThan(0);
      expect(before.every((m) => ms(m) <= ms(merge))).toBe(true);
    }
    const neverIdentified = new Set(
      history.filter((m) => m.anonymousId && !m.userId).map((m) => m.anonymousId),
    );
    expect(neverIdentified.size).toBeGreaterThan(merges.length);
  });

  it("has usage_pct rising past the alert level", () => {
    let crossed = 0;
    for (const list of users.values()) {
      const usage = list
        .filter((m) => m.type === "identify" && typeof m.traits?.usage_pct === "number")
        .map((m) => Number(m.traits?.usage_pct));
      if (
        usage.some(
          (v, i) => i > 0 && v >= DEMO_USAGE_ALERT_PCT && usage[i - 1] < DEMO_USAGE_ALERT_PCT,
        )
      ) {
        crossed += 1;
      }
    }
    expect(crossed).toBeGreaterThanOrEqual(10);
  });

  it("shares dashboards only after a first report (first success)", () => {
    let firstSuccess = 0;
    for (const list of users.values()) {
      const firstReport = tracks(list, "Report Created")[0];
      const shares = tracks(list, "Dashboard Shared");
      if (shares.length === 0) continue;
      expect(firstReport).toBeDefined();
      expect(ms(shares[0])).toBeGreaterThanOrEqual(ms(firstReport));
      firstSuccess += 1;
    }
    expect(firstSuccess).toBeGreaterThanOrEqual(20);
  });

  it("keeps the first profiles the same whatever the profile count", () => {
    const small = byUser(generateDemoHistory({ now, profiles: 40 }));
    const strip = (list: SegmentMessage[]) => list.map(({ messageId: _, ...m }) => m);
    expect(small.size).toBe(40);
    expect(strip(small.get("user_0007") ?? [])).toEqual(strip(users.get("user_0007") ?? []));
  });
});
