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

export type DemoPlan = "free" | "pro" | "team";
export type JsonScalar = string | number | boolean | null;

export interface SegmentMessage {
  type: "identify" | "track" | "page" | "group" | "alias";
  messageId: string;
  timestamp: string;
  userId?: string;
  anonymousId?: string;
  event?: string;
  name?: string;
  groupId?: string;
  properties?: Record<string, JsonScalar>;
  traits?: Record<string, JsonScalar>;
  context?: { timezone?: string; ip?: string; userAgent?: string };
}

export const DEMO_DEFAULTS = { profiles: 300, days: 14, seed: 20_240_611 } as const;
export const DEMO_EMAIL_DOMAIN = "example.com";
export const DEMO_PLANS: readonly DemoPlan[] = ["free", "pro", "team"];
export const DEMO_ACQUISITION_SOURCES = [
  "organic",
  "google_ads",
  "referral",
  "product_hunt",
  "linkedin",
] as const;
export const DEMO_EVENT_NAMES = [
  "Signed Up",
  "Logged In",
  "Onboarding Step Completed",
  "Feature Used",
  "Report Created",
  "Dashboard Shared",
  "Invited Teammate",
  "Plan Upgraded",
] as const;
export type DemoEventName = (typeof DEMO_EVENT_NAMES)[number];
export const DEMO_ONBOARDING_STEPS = [
  { step: 1, name: "Create your workspace" },
  { step: 2, name: "Connect a data source" },
  { step: 3, name: "Build your first report" },
] as const;
export const DEMO_FEATURES = [
  "reports",
  "dashboards",
  "alerts",
  "exports",
  "segments",
  "integrations",
] as const;
/** The usage level the "nearing the plan limit" journey watches for. */
export const DEMO_USAGE_ALERT_PCT = 80;
/** Anonymous-only visitors (never identified), relative to the profile count. */
export const DEMO_ANONYMOUS_VISITOR_SHARE = 0.15;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SITE = "https://acme.example.com";

// --- Seeded randomness ---------------------------------------------------

type Rng = () => number;

/** mulberry32: tiny, fast, good enough for demo data; returns [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const streamSeed = (seed: number, stream: number) =>
  Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35);
const between = (rng: Rng, min: number, max: number) => min + rng() * (max - min);
const intBetween = (rng: Rng, min: number, max: number) => Math.floor(between(rng, min, max + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  let r = rng() * items.reduce((sum, [, w]) => sum + w, 0);
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1][0];
}
const hex = (rng: Rng, n: number) =>
  Array.from({ length: n }, () => Math.floor(rng() * 16).toString(16)).join("");
const uuid = (rng: Rng) =>
  `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-a${hex(rng, 3)}-${hex(rng, 12)}`;

// --- The world -----------------------------------------------------------

const FIRST_NAMES =
  "Maya Liam Sofia Noah Aisha Lucas Emma Mateo Priya Oliver Hana Ethan Chloe Diego Amara Jonas Yuki Leo Fatima Samuel Ines Arjun Zoe Felix Nora Kwame Elena Omar Grace Tomas Mei Daniel Lena Rafael Isla Hugo Sara Kenji Ava Malik Clara Ivan Julia Theo Nia Marco Alice Ravi Freya Luca".split(
    " ",
  );
const LAST_NAMES =
  "Chen Okafor Garcia Müller Patel Smith Rossi Kim Nguyen Silva Johnson Dubois Kowalski Tanaka Andersson Haddad Murphy Costa Schmidt Singh Brown Moreau Yilmaz Novak Fischer Santos Ali Jansen Lopez Walker Ito Mensah Larsen Cohen Wright Ramos Weber Gupta Martin Hughes".split(
    " ",
  );
const COMPANY_WORDS =
  "Northwind Bluebird Lumen Copperleaf Brightside Kestrel Harbor Quartz Pinecone Meridian Solstice Tidewater Ironbark Fernway Juniper Oakridge Silverline Redwood Atlas Beacon".split(
    " ",
  );
const COMPANY_KINDS = "Labs Analytics Studio Health Logistics Finance Software Retail".split(" ");
const ROLES = [
  "Founder",
  "Product Manager",
  "Engineer",
  "Marketing Manager",
  "Growth Lead",
  "Designer",
  "Data Analyst",
  "Customer Success",
];
const USER_AGENTS = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
];
// [IANA zone, standard UTC offset in hours, country, weight]. DST is ignored
// on purpose: it keeps the generator pure and only moves activity by an hour.
const TIMEZONES: readonly (readonly [string, number, string, number])[] = [
  ["America/New_York", -5, "US", 14],
  ["America/Chicago", -6, "US", 7],
  ["America/Denver", -7, "US", 3],
  ["America/Los_Angeles", -8, "US", 10],
  ["America/Toronto", -5, "CA", 4],
  ["America/Mexico_City", -6, "MX", 3],
  ["America/Sao_Paulo", -3, "BR", 4],
  ["Europe/London", 0, "GB", 10],
  ["Europe/Dublin", 0, "IE", 2],
  ["Europe/Berlin", 1, "DE", 7],
  ["Europe/Paris", 1, "FR", 5],
  ["Europe/Madrid", 1, "ES", 3],
  ["Europe/Amsterdam", 1, "NL", 3],
  ["Europe/Stockholm", 1, "SE", 2],
  ["Europe/Warsaw", 1, "PL", 2],
  ["Africa/Lagos", 1, "NG", 2],
  ["Asia/Dubai", 4, "AE", 2],
  ["Asia/Kolkata", 5.5, "IN", 6],
  ["Asia/Singapore", 8, "SG", 3],
  ["Asia/Tokyo", 9, "JP", 3],
  ["Australia/Sydney", 10, "AU", 4],
  ["Pacific/Auckland", 12, "NZ", 1],
];
const SOURCE_WEIGHTS = [
  ["organic", 35],
  ["google_ads", 25],
  ["referral", 15],
  ["product_hunt", 10],
  ["linkedin", 15],
] as const;
const LANDING: Record<
  (typeof DEMO_ACQUISITION_SOURCES)[number],
  { query: string; referrer: string }
> = {
  organic: { query: "", referrer: "https://www.google.com/" },
  google_ads: {
    query: "?utm_source=google&utm_medium=cpc&utm_campaign=analytics",
    referrer: "https://www.google.com/",
  },
  referral: { query: "?ref=partner", referrer: "https://blog.example.net/best-analytics-tools" },
  product_hunt: { query: "?utm_source=producthunt", referrer: "https://www.producthunt.com/" },
  linkedin: {
    query: "?utm_source=linkedin&utm_medium=social",
    referrer: "https://www.linkedin.com/",
  },
};
const MARKETING_PAGES = [
  ["Home", "/"],
  ["Pricing", "/pricing"],
  ["Features", "/features"],
  ["Customers", "/customers"],
  ["Blog", "/blog/cohort-analysis"],
] as const;
const APP_PAGES = [
  ["Reports", "/app/reports"],
  ["Dashboards", "/app/dashboards"],
  ["Settings", "/app/settings"],
  ["Team", "/app/team"],
  ["Integrations", "/app/integrations"],
] as const;
const PLAN_WEIGHTS = [
  ["free", 50],
  ["pro", 30],
  ["team", 20],
] as const;
const SEATS: Record<DemoPlan, [number, number]> = { free: [1, 3], pro: [2, 10], team: [10, 50] };
const EMPLOYEES: Record<DemoPlan, [number, number]> = {
  free: [1, 20],
  pro: [10, 200],
  team: [50, 2000],
};
// Where existing users stand at the window's start, and how fast one unit of
// work eats into the plan limit: free plans fill up, some cross 80%.
const INITIAL_USAGE: Record<DemoPlan, [number, number]> = {
  free: [25, 78],
  pro: [10, 70],
  team: [5, 60],
};
const USAGE_RATE: Record<DemoPlan, number> = { free: 1.6, pro: 0.5, team: 0.25 };

interface Company {
  groupId: string;
  name: string;
  plan: DemoPlan;
  employees: number;
  seats: number;
}

function buildCompanies(seed: number): Company[] {
  const rng = mulberry32(streamSeed(seed, -1));
  const names = COMPANY_WORDS.flatMap((w) => COMPANY_KINDS.map((k) => `${w} ${k}`));
  const companies: Company[] = [];
  for (let i = 0; i < 90; i++) {
    const name = names.splice(Math.floor(rng() * names.length), 1)[0];
    // Round-robin plans so every plan has companies whatever the seed.
    const plan = DEMO_PLANS[i % DEMO_PLANS.length];
    companies.push({
      groupId: `company-${name.toLowerCase().replace(/\W+/g, "-")}`,
      name,
      plan,
      employees: intBetween(rng, ...EMPLOYEES[plan]),
      seats: intBetween(rng, ...SEATS[plan]),
    });
  }
  return companies;
}

// --- One user's two weeks ------------------------------------------------

type Draft = Omit<SegmentMessage, "messageId" | "timestamp"> & { ts: number };
type Source = (typeof DEMO_ACQUISITION_SOURCES)[number];

interface World {
  now: number;
  windowStart: number;
  days: number;
  seed: number;
  companies: Company[];
  emails: Set<string>;
}

/** One simulated user: who they are, and the state that drives what they do next. */
interface Person {
  index: number;
  rng: Rng;
  world: World;
  out: Draft[];
  userId: string;
  traits: Record<string, JsonScalar>;
  context: { timezone: string; ip: string; userAgent: string };
  offsetHours: number;
  company: Company;
  source: Source;
  isNew: boolean;
  signupAt: number;
  activeUntil: number;
  plan: DemoPlan;
  usage: number;
  reports: number;
  firstReportAt: number;
  stalled: boolean;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z.]/g, "");

function createPerson(index: number, world: World): Person {
  const rng = mulberry32(streamSeed(world.seed, index));
  const { now, windowStart } = world;
  const first = pick(rng, FIRST_NAMES);
  const last = pick(rng, LAST_NAMES);
  let email = `${slug(`${first}.${last}`)}@${DEMO_EMAIL_DOMAIN}`;
  for (let n = 2; world.emails.has(email); n++) {
    email = `${slug(`${first}.${last}`)}${n}@${DEMO_EMAIL_DOMAIN}`;
  }
  world.emails.add(email);
  const [timezone, offsetHours, country] = weighted(
    rng,
    TIMEZONES.map((zone) => [zone, zone[3]] as const),
  );
  const plan = weighted(rng, PLAN_WEIGHTS);
  const company = pick(
    rng,
    world.companies.filter((c) => c.plan === plan),
  );
  const source = weighted(rng, SOURCE_WEIGHTS);
  const isNew = rng() < 0.4;
  // About one in five goes quiet more than 7 days before now.
  const churned = world.days > 8 && rng() < 0.18;
  const activeUntil = churned ? now - between(rng, 7.5, world.days - 0.5) * DAY : now;
  const signupAt = isNew
    ? between(rng, windowStart + HOUR, Math.min(activeUntil, now - HOUR))
    : windowStart - between(rng, 1, 400) * DAY;
  return {
    index,
    rng,
    world,
    out: [],
    userId: `user_${String(index + 1).padStart(4, "0")}`,
    traits: {
      email,
      name: `${first} ${last}`,
      signup_at: new Date(signupAt).toISOString(),
      acquisition_source: source,
      timezone,
      company: company.name,
      role: pick(rng, ROLES),
      country,
    },
    context: {
      timezone,
      // RFC 5737 documentation ranges: realistic-looking, never anyone's address.
      ip: `${pick(rng, ["192.0.2", "198.51.100", "203.0.113"])}.${intBetween(rng, 1, 254)}`,
      userAgent: pick(rng, USER_AGENTS),
    },
    offsetHours,
    company,
    source,
    isNew,
    signupAt,
    activeUntil,
    plan,
    usage: isNew ? between(rng, 0, 4) : between(rng, ...INITIAL_USAGE[plan]),
    reports: 0,
    firstReportAt: Number.POSITIVE_INFINITY,
    stalled: false,
  };
}

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
 * Sign-up and onboarding. Most finish step 2; of those about 60% finish
 * step 3 within a day, 10% later, and 30% stall (the "stuck at step 2" journey).
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
  if (rng() >= 0.78) return;
  t += rng() < 0.6 ? between(rng, 5, 60) * 60_000 : between(rng, 2, 30) * HOUR;
  step(2);
  const r = rng();
  if (r >= 0.7) return;
  p.stalled = false;
  t += r < 0.6 ? between(rng, 0.2, 20) * HOUR : between(rng, 26, 72) * HOUR;
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
  const engagement = between(rng, 0.25, 0.9) * (p.stalled ? 0.5 : 1);
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
    ["report", 2],
    ["share", t > p.firstReportAt ? 1.2 : 0],
    ["invite", p.plan === "team" ? 0.8 : 0.25],
    ["billing", p.usage >= 75 ? 0.6 : 0],
  ] as const);
  switch (action) {
    case "feature":
      track(p, t, "Feature Used", { feature: pick(rng, DEMO_FEATURES) });
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

function simulatePerson(index: number, world: World): Draft[] {
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
function simulateVisitor(index: number, world: World): Draft[] {
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
