// One user's two weeks: the messages a simulated person sends, and the
// anonymous visitors who never sign up.
import {
  DEMO_EMAIL_DOMAIN,
  DEMO_FEATURES,
  DEMO_ONBOARDING_STEPS,
  DEMO_USAGE_ALERT_PCT,
  type DemoEventName,
  type DemoPlan,
} from "./catalog";
import { between, intBetween, mulberry32, pick, streamSeed, uuid, weighted } from "./random";
import {
  APP_PAGES,
  createPerson,
  DAY,
  type Draft,
  FIRST_NAMES,
  HOUR,
  LANDING,
  LAST_NAMES,
  MARKETING_PAGES,
  type Person,
  SITE,
  slug,
  TIMEZONES,
  USAGE_RATE,
  USER_AGENTS,
  type World,
} from "./world";

function track(p: Person, ts: number, event: DemoEventName, properties: Draft["properties"] = {}) {
  p.out.push({ ts, type: "track", userId: p.userId, event, properties, context: p.context });
}

function page(p: Person, ts: number, [name, path]: readonly [string, string]) {
  const properties = { path, url: SITE + path, title: `${name} – Acme` };
  p.out.push({ ts, type: "page", userId: p.userId, name, properties, context: p.context });
}

const usageTraits = (p: Person) => ({
  plan: p.plan,
  seats: p.company.seats,
  usage_pct: Math.round(p.usage),
});

function identify(p: Person, ts: number, traits: Draft["traits"], anonymousId?: string) {
  const ids = anonymousId ? { userId: p.userId, anonymousId } : { userId: p.userId };
  p.out.push({ ts, type: "identify", ...ids, traits, context: p.context });
}

function group(p: Person, ts: number, plan: DemoPlan) {
  const { groupId, name, employees } = p.company;
  const traits = { name, plan, employees };
  p.out.push({ ts, type: "group", userId: p.userId, groupId, traits, context: p.context });
}

/** Half of the sign-ups browsed the marketing site anonymously first. */
function emitAnonymousVisit(p: Person): string | undefined {
  const { rng, signupAt, world } = p;
  if (rng() >= 0.5) return undefined;
  const anonymousId = uuid(rng);
  const { query, referrer } = LANDING[p.source];
  const lead = Math.min(48 * HOUR, signupAt - world.windowStart);
  let t = signupAt - between(rng, 0.05, 1) * lead;
  for (let i = 0, n = intBetween(rng, 1, 4); i < n && t < signupAt; i++) {
    const [name, path] = i === 0 ? MARKETING_PAGES[0] : pick(rng, MARKETING_PAGES);
    const properties = {
      path,
      url: SITE + path + (i === 0 ? query : ""),
      title: `${name} – Acme`,
      referrer: i === 0 ? referrer : SITE,
    };
    p.out.push({ ts: t, type: "page", anonymousId, name, properties, context: p.context });
    t += between(rng, 0.3, 8) * 60_000;
  }
  return anonymousId;
}

/**
 * Sign-up and onboarding. Most finish step 2; of those about 35% finish
 * step 3 within a day, 10% later, and 55% stall (the "stuck at step 2"
 * journey): on their own they seldom build a report (emitAction), so what
 * the stall nudge does for them shows (react-to-message.ts).
 */
function emitSignup(p: Person) {
  const { rng, signupAt } = p;
  const anonymousId = emitAnonymousVisit(p);
  identify(p, signupAt, { ...p.traits, ...usageTraits(p) }, anonymousId);
  group(p, signupAt + 500, p.plan);
  track(p, signupAt + 1000, "Signed Up", {
    method: pick(rng, ["email", "google"]),
    plan: p.plan,
    source: p.source,
  });
  page(p, signupAt + 3000, ["Onboarding", "/app/onboarding"]);
  let t = signupAt + between(rng, 1, 10) * 60_000;
  const step = (n: 1 | 2 | 3) =>
    track(p, t, "Onboarding Step Completed", {
      step: n,
      step_name: DEMO_ONBOARDING_STEPS[n - 1].name,
    });
  p.stalled = true;
  if (rng() >= 0.92) return;
  step(1);
  if (rng() >= 0.85) return;
  t += rng() < 0.6 ? between(rng, 5, 60) * 60_000 : between(rng, 2, 30) * HOUR;
  step(2);
  const r = rng();
  if (r >= 0.45) return;
  p.stalled = false;
  t += r < 0.35 ? between(rng, 0.2, 20) * HOUR : between(rng, 26, 72) * HOUR;
  p.reports = 1;
  p.firstReportAt = t - 30_000;
  track(p, p.firstReportAt, "Report Created", {
    report_id: `rpt_${p.index + 1}_1`,
    template: "starter",
    source: "onboarding",
  });
  step(3);
}

/** UTC instants of the user's local midnights, from the window's first day to today. */
function localMidnights(p: Person): number[] {
  const { now, days } = p.world;
  const offset = p.offsetHours * HOUR;
  const today = Math.floor((now + offset) / DAY) * DAY - offset;
  return Array.from({ length: days + 1 }, (_, i) => today - (days - i) * DAY);
}

/** Working-hours sessions on active days; quieter at weekends, fading for new users. */
function emitSessions(p: Person) {
  const { rng } = p;
  const engagement = between(rng, 0.25, 0.9) * (p.stalled ? 0.8 : 1);
  const startAt = p.isNew ? p.signupAt + 3 * HOUR : p.world.windowStart;
  const crossing = { at: p.usage >= DEMO_USAGE_ALERT_PCT ? startAt : Infinity, decided: false };
  for (const midnight of localMidnights(p)) {
    const weekday = new Date(midnight + p.offsetHours * HOUR).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.3 : 1;
    const fading = p.isNew ? Math.max(0.3, 1 - (midnight - p.signupAt) / (12 * DAY)) : 1;
    if (rng() >= engagement * fading * weekend) continue;
    const sessions = rng() < 0.25 ? 2 : 1;
    for (let s = 0; s < sessions; s++) {
      const t = midnight + (s === 0 ? between(rng, 8, 13) : between(rng, 14, 21)) * HOUR;
      if (t < startAt || t > p.activeUntil || t > p.world.now) continue;
      emitSession(p, t, crossing);
    }
  }
}

function emitSession(p: Person, start: number, crossing: { at: number; decided: boolean }) {
  const { rng } = p;
  let t = start;
  const next = () => {
    t += between(rng, 0.3, 6) * 60_000;
    return t;
  };
  const bucket = Math.floor(p.usage / 10);
  const wasBelow = p.usage < DEMO_USAGE_ALERT_PCT;
  if (rng() < 0.55) {
    track(p, t, "Logged In", { method: pick(rng, ["password", "google", "sso"]) });
    next();
  }
  page(p, t, ["Dashboard", "/app"]);
  for (let a = 0, n = intBetween(rng, 1, 4); a < n; a++) emitAction(p, next(), next);
  p.usage = Math.min(p.usage, 100);
  const crossed = wasBelow && p.usage >= DEMO_USAGE_ALERT_PCT;
  if (crossed) crossing.at = t;
  if (crossed || Math.floor(p.usage / 10) !== bucket) identify(p, next(), usageTraits(p));
  // Some free users near the limit upgrade a day or more later.
  if (p.plan !== "free" || crossing.decided || t - crossing.at < 20 * HOUR) return;
  crossing.decided = true;
  if (rng() >= 0.4) return;
  page(p, next(), ["Billing", "/app/settings/billing"]);
  p.plan = "pro";
  p.usage *= 0.25;
  track(p, next(), "Plan Upgraded", { from_plan: "free", to_plan: "pro", seats: p.company.seats });
  identify(p, next(), usageTraits(p));
  group(p, next(), p.plan);
}

function emitAction(p: Person, t: number, next: () => number) {
  const { rng } = p;
  const action = weighted(rng, [
    ["feature", 5],
    ["page", 3],
    // Someone stuck at onboarding's report step seldom gets past it alone.
    ["report", p.stalled && p.reports === 0 ? 0.15 : 2],
    ["share", t > p.firstReportAt ? 1.2 : 0],
    ["invite", p.plan === "team" ? 0.8 : 0.25],
    ["billing", p.usage >= 75 ? 0.6 : 0],
  ] as const);
  switch (action) {
    case "feature":
      // New users who have not built a report yet try alerts first (the onboarding suggests them).
      track(p, t, "Feature Used", {
        feature: p.isNew && p.reports === 0 && rng() < 0.7 ? "alerts" : pick(rng, DEMO_FEATURES),
      });
      p.usage += USAGE_RATE[p.plan] * between(rng, 0.5, 2);
      return;
    case "page":
      return page(p, t, pick(rng, APP_PAGES));
    case "billing":
      return page(p, t, ["Billing", "/app/settings/billing"]);
    case "report": {
      page(p, t, ["Report Editor", "/app/reports/new"]);
      const at = next();
      p.reports += 1;
      p.firstReportAt = Math.min(p.firstReportAt, at);
      p.usage += USAGE_RATE[p.plan] * between(rng, 3, 7);
      return track(p, at, "Report Created", {
        report_id: `rpt_${p.index + 1}_${p.reports}`,
        template: pick(rng, ["blank", "funnel", "retention", "revenue"]),
        source: "app",
      });
    }
    case "share":
      return track(p, t, "Dashboard Shared", {
        dashboard_id: `dash_${p.index + 1}_${intBetween(rng, 1, Math.max(1, p.reports))}`,
        channel: pick(rng, ["link", "email", "slack"]),
        recipients: intBetween(rng, 1, 6),
      });
    case "invite":
      return track(p, t, "Invited Teammate", {
        invitee_email: `${slug(`${pick(rng, FIRST_NAMES)}.${pick(rng, LAST_NAMES)}`)}@${DEMO_EMAIL_DOMAIN}`,
        role: pick(rng, ["admin", "editor", "viewer"]),
      });
    default: {
      const unreachable: never = action;
      throw new Error(`Unknown demo action ${String(unreachable)}`);
    }
  }
}

export function simulatePerson(index: number, world: World): Draft[] {
  const p = createPerson(index, world);
  const initialUsage = usageTraits(p);
  if (p.isNew) emitSignup(p);
  emitSessions(p);
  const limit = Math.min(world.now, p.activeUntil);
  const kept = p.out
    .filter((m) => m.ts >= world.windowStart && m.ts <= limit)
    .sort((a, b) => a.ts - b.ts);
  if (p.isNew) return kept;
  // Existing users have their traits synced on their first visit in the window.
  const at =
    kept.length > 0
      ? Math.max(world.windowStart, kept[0].ts - 2000)
      : between(p.rng, world.windowStart, limit);
  p.out = [];
  identify(p, at, { ...p.traits, ...initialUsage });
  group(p, at, initialUsage.plan);
  return [...p.out, ...kept];
}

/** Visitors who browse the marketing site and never sign up. */
export function simulateVisitor(index: number, world: World): Draft[] {
  const rng = mulberry32(streamSeed(world.seed, 1_000_000 + index));
  const anonymousId = uuid(rng);
  const [timezone] = pick(rng, TIMEZONES);
  const context = {
    timezone,
    ip: `203.0.113.${intBetween(rng, 1, 254)}`,
    userAgent: pick(rng, USER_AGENTS),
  };
  let ts = between(rng, world.windowStart, world.now - HOUR);
  return Array.from({ length: intBetween(rng, 1, 3) }, (_, i): Draft => {
    const [name, path] = i === 0 ? MARKETING_PAGES[0] : pick(rng, MARKETING_PAGES);
    ts += between(rng, 0.2, 5) * 60_000;
    const properties = { path, url: SITE + path, title: `${name} – Acme` };
    return { ts, type: "page", anonymousId, name, properties, context };
  });
}
