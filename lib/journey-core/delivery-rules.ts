// Workspace delivery rules, applied to every send from every journey:
// address/suppression/unsubscribe for email, one frequency budget across
// channels (with optional per-channel caps), and quiet hours in the user's
// timezone. A blocked send is skipped or deferred, as each rule is configured.
//
// The shell passes the profile's recent sends (`sentInWindow`) rather than
// bare counts: with timestamps the rule can say exactly when the budget frees
// a slot, so a deferred send wakes once, at the right time, instead of polling.
//
// Transactional email ignores unsubscribe, the budget and quiet hours (a
// receipt at 23:00 is expected) and is not counted in the budget; it is still
// never sent to a suppressed or missing address.

import { z } from "zod";
import type { Channel, ProfileFacts, SentMessage } from "./facts";
import { isWithinLocalWindow, nextLocalTime, resolveTimeZone } from "./local-time";
import { topicOptOut } from "./topic-preferences";

const HOUR = 3_600_000;
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Expected a time as HH:MM");

export const deliveryRulesSchema = z.strictObject({
  frequency: z
    .strictObject({
      windowHours: z
        .number()
        .positive()
        .max(24 * 31),
      max: z.int().min(0).max(1000),
      perChannel: z
        .strictObject({
          email: z.int().min(0).max(1000).optional(),
          in_app: z.int().min(0).max(1000).optional(),
        })
        .optional(),
      onLimit: z.enum(["skip", "defer"]),
    })
    .optional(),
  quietHours: z
    .strictObject({
      start: clockTime,
      end: clockTime,
      onQuiet: z.enum(["defer", "skip"]),
      /** Channels held by quiet hours; all when omitted. */
      channels: z
        .array(z.enum(["email", "in_app"]))
        .min(1)
        .optional(),
    })
    .optional(),
});
export type WorkspaceDeliveryRules = z.infer<typeof deliveryRulesSchema>;

export type DeliveryRule =
  | "no_email_address"
  | "suppressed"
  | "unsubscribed"
  | "topic_opted_out"
  | "frequency_total"
  | "frequency_channel"
  | "quiet_hours";

export type DeliveryDecision =
  | { outcome: "send" }
  | { outcome: "skip"; rule: DeliveryRule; reason: string }
  | { outcome: "defer"; rule: DeliveryRule; until: Date; reason: string };

export interface DeliveryContext {
  /** "webhook": a webhook step counted as a message; only the total budget applies. */
  channel: Channel | "webhook";
  transactional: boolean;
  /** The send's subscription topic (its key), if it has one. */
  topic?: string | null;
  profile: ProfileFacts;
  /** Sends to this profile in at least the last `frequency.windowHours`; older ones are ignored. */
  sentInWindow: readonly SentMessage[];
  now: Date;
}

type Block = Exclude<DeliveryDecision, { outcome: "send" }>;

function checkAddress(ctx: DeliveryContext): Block | null {
  if (ctx.channel !== "email") return null;
  if (!ctx.profile.email) {
    return { outcome: "skip", rule: "no_email_address", reason: "Profile has no email address" };
  }
  if (ctx.profile.suppressed) {
    return { outcome: "skip", rule: "suppressed", reason: "Email address is suppressed" };
  }
  if (ctx.profile.unsubscribed && !ctx.transactional) {
    return { outcome: "skip", rule: "unsubscribed", reason: "Profile unsubscribed from email" };
  }
  return null;
}

/** The profile opted out of the send's topic on its channel, as of the decision. */
function checkTopic(ctx: DeliveryContext): Block | null {
  // A webhook step is not a message to the person: topics (and their opt-outs) don't apply.
  if (ctx.channel === "webhook") return null;
  const optOut = topicOptOut(ctx.profile, ctx.topic, ctx.channel, ctx.now);
  return optOut && { outcome: "skip", rule: "topic_opted_out", reason: optOut.reason };
}

/** When the budget has room again: the instant enough of the oldest sends leave the window. */
function slotFreesAt(sendTimes: number[], max: number, windowMs: number): Date | null {
  if (max === 0) return null;
  const sorted = [...sendTimes].sort((a, b) => a - b);
  return new Date(sorted[sorted.length - max] + windowMs);
}

function checkFrequency(
  rules: WorkspaceDeliveryRules,
  ctx: DeliveryContext,
  at: Date,
): Block | null {
  const frequency = rules.frequency;
  if (!frequency) return null;
  const windowMs = frequency.windowHours * HOUR;
  const inWindow = ctx.sentInWindow.filter(
    (m) => !m.transactional && m.at.getTime() > at.getTime() - windowMs && m.at <= at,
  );
  const channelMax = ctx.channel === "webhook" ? undefined : frequency.perChannel?.[ctx.channel];
  const limits: { rule: DeliveryRule; max: number; times: number[]; what: string }[] = [
    {
      rule: "frequency_total",
      max: frequency.max,
      times: inWindow.map((m) => m.at.getTime()),
      what: "messages",
    },
  ];
  if (channelMax !== undefined) {
    limits.push({
      rule: "frequency_channel",
      max: channelMax,
      times: inWindow.filter((m) => m.channel === ctx.channel).map((m) => m.at.getTime()),
      what: `${ctx.channel === "email" ? "emails" : "in-app messages"}`,
    });
  }
  for (const limit of limits) {
    if (limit.times.length < limit.max) continue;
    const reason = `${limit.times.length} ${limit.what} in the last ${frequency.windowHours} h (limit ${limit.max})`;
    const until = slotFreesAt(limit.times, limit.max, windowMs);
    if (frequency.onLimit === "skip" || !until) {
      return { outcome: "skip", rule: limit.rule, reason };
    }
    return { outcome: "defer", rule: limit.rule, until, reason };
  }
  return null;
}

function checkQuietHours(
  rules: WorkspaceDeliveryRules,
  ctx: DeliveryContext,
  at: Date,
): Block | null {
  const quiet = rules.quietHours;
  if (!quiet || ctx.channel === "webhook") return null;
  if (quiet.channels && !quiet.channels.includes(ctx.channel)) return null;
  const zone = resolveTimeZone(ctx.profile.timezone);
  if (!isWithinLocalWindow(at, quiet.start, quiet.end, zone)) return null;
  const reason = `Quiet hours ${quiet.start}–${quiet.end} in ${zone}`;
  if (quiet.onQuiet === "skip") return { outcome: "skip", rule: "quiet_hours", reason };
  return {
    outcome: "defer",
    rule: "quiet_hours",
    until: nextLocalTime(at, quiet.end, zone),
    reason,
  };
}

function firstBlock(rules: WorkspaceDeliveryRules, ctx: DeliveryContext, at: Date): Block | null {
  return checkFrequency(rules, ctx, at) ?? checkQuietHours(rules, ctx, at);
}

/**
 * Decides one send at `ctx.now`. A deferral is pushed past every rule that
 * would still defer at the new time (budget full, then quiet hours), so the
 * run wakes once; rules that would *skip* are left to be re-checked at wake,
 * when the facts (new sends, unsubscribes) may have changed.
 */
export function checkDeliveryRules(
  rules: WorkspaceDeliveryRules,
  ctx: DeliveryContext,
): DeliveryDecision {
  const address = checkAddress(ctx);
  if (address) return address;
  if (ctx.transactional) return { outcome: "send" };
  const topic = checkTopic(ctx);
  if (topic) return topic;
  const first = firstBlock(rules, ctx, ctx.now);
  if (!first) return { outcome: "send" };
  if (first.outcome === "skip") return first;
  let until = first.until;
  for (let round = 0; round < 8; round++) {
    const later = firstBlock(rules, ctx, until);
    if (!later || later.outcome === "skip" || later.until <= until) break;
    until = later.until;
  }
  return { ...first, until };
}
