// What the demo is made of: the names, plans, events and defaults that the
// journeys templates and tests rely on.

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
