// What a demo user does after a journey reached them: opens and clicks, and
// sometimes what the message asked for. Pure and deterministic: the same
// message to the same user gives the same reaction, whatever else happened.
//
// This is where the demo's journeys differ, on purpose. Only a message the
// engine actually sent gets a reaction, so its holdout never reacts:
// - "Nudge a stalled onboarding" works: the email and the card in the bell
//   get many of those stuck at step 3 to build their first report (Report
//   Created, the demo's activation event, and step 3, the journey's goal),
//   which the stalled users of its holdout seldom do on their own
//   (simulate-person.ts). It raises activation.
// - "Introduce a feature on first use" gets people to set up another alert
//   (its own goal), but nothing about it makes them build a report: it lifts
//   its goal and leaves activation as it was.
// - "Re-engage after 7 quiet days" brings a few people back.
import { fnv1a32 } from "@/lib/journey-core/assign-bucket";
import { DEMO_ONBOARDING_STEPS } from "./catalog";
import { between, mulberry32, type Rng, streamSeed } from "./random";
import { HOUR } from "./world";

const MINUTE = 60_000;
const SECOND = 1000;

export interface DemoMessage {
  /** messages.id */
  id: string;
  userId: string;
  /** The demo journey's template slug. */
  journey: string;
  nodeId: string;
  channel: "email" | "in_app";
  /** When the engine created it (ms). */
  at: number;
}

export type DemoCall = {
  ts: number;
  type: "track" | "page";
  userId: string;
  event?: string;
  name?: string;
  properties: Record<string, string | number | boolean>;
};

export interface DemoReaction {
  /** Calls the user's app sends (product events). */
  calls: DemoCall[];
  /** What the email provider reports (Resend webhook event types). */
  email: { type: "email.delivered" | "email.opened" | "email.clicked"; at: number }[];
  /** What the user does with the in-app item. */
  inbox: { action: "seen" | "clicked"; at: number }[];
}

interface Behaviour {
  /** Chance to open (email) or see (in-app). */
  open: number;
  /** Chance to click, once opened. */
  click: number;
  /** What a click (or, with `onOpen`, an open) leads to. */
  leadsTo?: { chance: number; onOpen?: number; calls: (user: string, at: number) => DemoCall[] };
}

const usesAlerts = (userId: string, at: number): DemoCall[] => [
  {
    ts: at,
    type: "page",
    userId,
    name: "Alerts",
    properties: { path: "/app/alerts/new", title: "Alerts – Acme" },
  },
  {
    ts: at + between(mulberry32(at), 1, 4) * MINUTE,
    type: "track",
    userId,
    event: "Feature Used",
    properties: { feature: "alerts" },
  },
];

const comesBack = (userId: string, at: number): DemoCall[] => [
  { ts: at, type: "track", userId, event: "Logged In", properties: { method: "password" } },
  { ts: at + 20 * SECOND, type: "page", userId, name: "Dashboard", properties: { path: "/app" } },
];

/** The starter template the nudge links to: the first report, and onboarding's last step. */
const buildsFirstReport = (userId: string, at: number): DemoCall[] => {
  const created = at + between(mulberry32(at), 2, 6) * MINUTE;
  return [
    {
      ts: at,
      type: "page",
      userId,
      name: "Report Editor",
      properties: { path: "/app/reports/new", title: "Report Editor – Acme" },
    },
    {
      ts: created,
      type: "track",
      userId,
      event: "Report Created",
      properties: { report_id: `rpt_${userId}_starter`, template: "starter", source: "onboarding" },
    },
    {
      ts: created + 30 * SECOND,
      type: "track",
      userId,
      event: "Onboarding Step Completed",
      properties: { step: 3, step_name: DEMO_ONBOARDING_STEPS[2].name },
    },
  ];
};

/** By journey, then send node. A node not listed gets opens and clicks only. */
const BEHAVIOUR: Record<string, Record<string, Behaviour>> = {
  "introduce-feature-on-first-use": {
    "alerts-tooltip": {
      open: 0.8,
      click: 0.5,
      leadsTo: { chance: 0.6, onOpen: 0.3, calls: usesAlerts },
    },
    "alerts-guide-email": { open: 0.6, click: 0.5, leadsTo: { chance: 0.75, calls: usesAlerts } },
  },
  "nudge-stalled-onboarding": {
    "nudge-email": {
      open: 0.6,
      click: 0.45,
      leadsTo: { chance: 0.9, onOpen: 0.45, calls: buildsFirstReport },
    },
    "nudge-banner": {
      open: 0.65,
      click: 0.4,
      leadsTo: { chance: 0.85, onOpen: 0.3, calls: buildsFirstReport },
    },
  },
  "reengage-inactive-users": {
    "we-miss-you": {
      open: 0.45,
      click: 0.5,
      leadsTo: {
        chance: 0.8,
        calls: (userId, at) => [
          ...comesBack(userId, at),
          ...(fnv1a32(`${userId}:${at}`) % 2 === 0
            ? [
                {
                  ts: at + 15 * MINUTE,
                  type: "track" as const,
                  userId,
                  event: "Report Created",
                  properties: { report_id: `rpt_back_${at}`, template: "blank", source: "app" },
                },
              ]
            : []),
        ],
      },
    },
    "last-try": { open: 0.3, click: 0.3, leadsTo: { chance: 0.6, calls: comesBack } },
  },
};
const DEFAULT: Behaviour = { open: 0.5, click: 0.3 };

/** The user's reaction to one message, as of `at` onwards (nothing after `until`). */
export function reactToMessage(
  message: DemoMessage,
  options: { seed: number; until: number },
): DemoReaction {
  const rng: Rng = mulberry32(
    streamSeed(options.seed, 2_000_000 + (fnv1a32(`${message.userId}:${message.nodeId}`) % 1e6)),
  );
  const behaviour = BEHAVIOUR[message.journey]?.[message.nodeId] ?? DEFAULT;
  const reaction: DemoReaction = { calls: [], email: [], inbox: [] };
  let at = message.at;
  if (message.channel === "email") {
    at += between(rng, 2, 40) * SECOND;
    reaction.email.push({ type: "email.delivered", at });
  }
  const opened = rng() < behaviour.open;
  const clicked = opened && rng() < behaviour.click;
  const follows = rng();
  if (opened) {
    // Email is opened at the next look at the inbox; in-app items are seen at the next visit.
    at += between(rng, 0.5, message.channel === "email" ? 10 : 6) * HOUR;
    if (message.channel === "email") reaction.email.push({ type: "email.opened", at });
    else reaction.inbox.push({ action: "seen", at });
  }
  if (clicked) {
    at += between(rng, 10, 120) * SECOND;
    if (message.channel === "email") reaction.email.push({ type: "email.clicked", at });
    else reaction.inbox.push({ action: "clicked", at });
  }
  const leadsTo = behaviour.leadsTo;
  if (leadsTo && opened && follows < (clicked ? leadsTo.chance : (leadsTo.onOpen ?? 0))) {
    reaction.calls.push(...leadsTo.calls(message.userId, at + between(rng, 1, 10) * MINUTE));
  }
  return {
    calls: reaction.calls.filter((c) => c.ts <= options.until),
    email: reaction.email.filter((e) => e.at <= options.until),
    inbox: reaction.inbox.filter((i) => i.at <= options.until),
  };
}
