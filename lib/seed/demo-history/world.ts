// The world the demo users live in (names, companies, time zones, pages) and
// the simulated person each profile starts as.
import {
  type DEMO_ACQUISITION_SOURCES,
  DEMO_EMAIL_DOMAIN,
  DEMO_PLANS,
  type DemoPlan,
  type JsonScalar,
  type SegmentMessage,
} from "./catalog";
import { between, intBetween, mulberry32, pick, type Rng, streamSeed, weighted } from "./random";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const SITE = "https://acme.example.com";

export const FIRST_NAMES =
  "Maya Liam Sofia Noah Aisha Lucas Emma Mateo Priya Oliver Hana Ethan Chloe Diego Amara Jonas Yuki Leo Fatima Samuel Ines Arjun Zoe Felix Nora Kwame Elena Omar Grace Tomas Mei Daniel Lena Rafael Isla Hugo Sara Kenji Ava Malik Clara Ivan Julia Theo Nia Marco Alice Ravi Freya Luca".split(
    " ",
  );
export const LAST_NAMES =
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
export const USER_AGENTS = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
];
// [IANA zone, standard UTC offset in hours, country, weight]. DST is ignored
// on purpose: it keeps the generator pure and only moves activity by an hour.
export const TIMEZONES: readonly (readonly [string, number, string, number])[] = [
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
export const LANDING: Record<
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
export const MARKETING_PAGES = [
  ["Home", "/"],
  ["Pricing", "/pricing"],
  ["Features", "/features"],
  ["Customers", "/customers"],
  ["Blog", "/blog/cohort-analysis"],
] as const;
export const APP_PAGES = [
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
const SEATS: Record<DemoPlan, [number, number]> = {
  free: [1, 3],
  pro: [2, 10],
  team: [10, 50],
};
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
export const USAGE_RATE: Record<DemoPlan, number> = { free: 1.6, pro: 0.5, team: 0.25 };

interface Company {
  groupId: string;
  name: string;
  plan: DemoPlan;
  employees: number;
  seats: number;
}

export function buildCompanies(seed: number): Company[] {
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

export type Draft = Omit<SegmentMessage, "messageId" | "timestamp"> & { ts: number };
type Source = (typeof DEMO_ACQUISITION_SOURCES)[number];

export interface World {
  now: number;
  windowStart: number;
  days: number;
  seed: number;
  companies: Company[];
  emails: Set<string>;
}

/** One simulated user: who they are, and the state that drives what they do next. */
export interface Person {
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

export const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z.]/g, "");

export function createPerson(index: number, world: World): Person {
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
  // Half signed up during the window: the onboarding journeys' cohort.
  const isNew = rng() < 0.5;
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
