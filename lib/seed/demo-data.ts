// Demo history for the "Acme" workspace: a few hundred users of a SaaS
// analytics product over two weeks, shaped so that every journey trigger Cue
// ships has something to fire on: a first "Report Created", onboarding that
// stalls after step 2, users gone quiet for more than 7 days, usage climbing
// past 80% of the plan limit, a first "Dashboard Shared" after a report, and
// anonymous visitors who later sign up (identity merging).
//
// Pure and deterministic: the same options give the same messages, byte for
// byte. That is what lets the seed resume after a crash (duplicates are
// skipped by messageId) and lets tests use the history as a fixture. Each
// profile draws from its own PRNG stream, so profile #n is the same whether
// 40 or 300 are generated.
//
// The generator lives in lib/seed/demo-history/: catalog.ts (names, plans,
// events), random.ts (seeded streams), world.ts (people and companies) and
// simulate-person.ts (what each of them does).
import {
  DEMO_ANONYMOUS_VISITOR_SHARE,
  DEMO_DEFAULTS,
  type SegmentMessage,
} from "./demo-history/catalog";
import { simulatePerson, simulateVisitor } from "./demo-history/simulate-person";
import { buildCompanies, DAY, type Draft, type World } from "./demo-history/world";

export * from "./demo-history/catalog";
export { mulberry32 } from "./demo-history/random";

/**
 * The demo workspace's history: identified users (traits, companies, product
 * events) and anonymous-only visitors, sorted by timestamp, every timestamp
 * within [now - days, now]. Message ids are `demo-<n>` in that order.
 */
export function generateDemoHistory(opts: {
  now: Date;
  profiles?: number;
  days?: number;
  seed?: number;
}): SegmentMessage[] {
  const profiles = opts.profiles ?? DEMO_DEFAULTS.profiles;
  const days = opts.days ?? DEMO_DEFAULTS.days;
  const seed = opts.seed ?? DEMO_DEFAULTS.seed;
  const now = opts.now.getTime();
  if (!Number.isFinite(now)) throw new Error("generateDemoHistory: `now` is not a valid date.");
  const world: World = {
    now,
    windowStart: now - days * DAY,
    days,
    seed,
    companies: buildCompanies(seed),
    emails: new Set(),
  };
  const drafts: Draft[] = [];
  for (let i = 0; i < profiles; i++) drafts.push(...simulatePerson(i, world));
  const visitors = Math.round(profiles * DEMO_ANONYMOUS_VISITOR_SHARE);
  for (let i = 0; i < visitors; i++) drafts.push(...simulateVisitor(i, world));
  // Array.prototype.sort is stable: ties keep generation order (identify first).
  drafts.sort((a, b) => a.ts - b.ts);
  return drafts.map(({ ts, ...message }, i) => ({
    ...message,
    timestamp: new Date(Math.floor(ts)).toISOString(),
    messageId: `demo-${i + 1}`,
  }));
}
