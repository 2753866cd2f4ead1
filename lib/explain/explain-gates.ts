// The "why not?" gates as data. Every verdict comes from the journey core:
// the trigger matchers, checkReentry, the run's holdout flag, the filter's
// trace, and checkDeliveryRules — called once per rule, with the other rules
// left out, so each gate says for itself whether it would hold the message.
// Nothing here decides on its own.

import { assertNever } from "@/lib/journey-core/assert-never";
import type { NodeOfType, ReentryPolicy } from "@/lib/journey-core/definition";
import { describeDuration } from "@/lib/journey-core/definition";
import {
  checkDeliveryRules,
  type DeliveryDecision,
  type WorkspaceDeliveryRules,
} from "@/lib/journey-core/delivery-rules";
import type { ConditionContext } from "@/lib/journey-core/evaluate-condition";
import type { Channel, ProfileFacts, SentMessage } from "@/lib/journey-core/facts";
import { resolveTimeZone, toWallTime } from "@/lib/journey-core/local-time";
import {
  checkReentry,
  type PreviousRun,
  type TriggerMatch,
} from "@/lib/journey-core/match-trigger";
import { topicOptOut } from "@/lib/journey-core/topic-preferences";
import { explainConditions } from "./explain-conditions";
import type { Gate, GateResult, PathOutcome } from "./explain-types";

const HOUR = 3_600_000;

export function triggerGate(match: TriggerMatch, passDetail?: string): GateResult {
  if (match.match) return { gate: "trigger", passed: true, detail: passDetail ?? match.reason };
  const failure = match.failures?.[0];
  return {
    gate: "trigger",
    passed: false,
    detail: failure ? `${match.reason}: ${failure.condition}` : match.reason,
    ...(failure && { expected: failure.expected, actual: failure.actual }),
  };
}

/** Re-entry at `at`, over the runs that had entered by then (ending later = still going). */
export function reentryGate(
  policy: ReentryPolicy,
  runs: readonly PreviousRun[],
  at: Date,
): GateResult {
  const known = runs
    .filter((r) => r.enteredAt <= at)
    .map((r) => ({
      enteredAt: r.enteredAt,
      endedAt: r.endedAt && r.endedAt <= at ? r.endedAt : null,
    }));
  const decision = checkReentry(policy, known, at);
  const expected =
    policy.mode === "cooldown"
      ? `re-entry after ${describeDuration(policy.cooldown)}`
      : policy.mode === "once"
        ? "entry once per profile"
        : "re-entry any time (one run at a time)";
  const actual = `${known.length} earlier run${known.length === 1 ? "" : "s"}`;
  if (decision.allowed) {
    const detail =
      known.length === 0 ? "First time in this journey" : `Re-entry allowed (${expected})`;
    return { gate: "reentry", passed: true, detail, expected, actual };
  }
  return { gate: "reentry", passed: false, detail: decision.reason, expected, actual };
}

export function holdoutGate(percent: number, inHoldout: boolean): GateResult {
  if (percent === 0) return { gate: "holdout", passed: true, detail: "The journey has no holdout" };
  return inHoldout
    ? {
        gate: "holdout",
        passed: false,
        detail: `In the ${percent}% holdout group: followed for the goal, sent nothing`,
        expected: "treatment group",
        actual: "holdout",
      }
    : {
        gate: "holdout",
        passed: true,
        detail: `In the treatment group (${percent}% are held out)`,
      };
}

export function filterGate(
  node: NodeOfType<"filter">,
  label: string,
  trace: { decision: string; reason: string },
  ctx: ConditionContext,
): GateResult {
  const conditions = explainConditions(node.condition, ctx);
  const passed = trace.decision === "passed";
  const failed = conditions.find((c) => !c.passed);
  return {
    gate: "filter",
    nodeId: node.id,
    passed,
    detail: passed ? `${label}: passed` : `${label}: ${trace.reason}`,
    conditions,
    ...(!passed && failed && { expected: failed.expected, actual: failed.actual }),
  };
}

export function messageLimitGate(
  nodeId: string,
  limit: number | undefined,
  reached: { reason: string } | undefined,
): GateResult {
  if (reached) return { gate: "message_limit", nodeId, passed: false, detail: reached.reason };
  const detail =
    limit === undefined ? "No message limit per run" : `Under the limit of ${limit} per run`;
  return { gate: "message_limit", nodeId, passed: true, detail };
}

function fromDecision(
  gate: Gate,
  nodeId: string,
  decision: DeliveryDecision,
  passDetail: string,
  values: { expected?: unknown; actual?: unknown },
): GateResult {
  switch (decision.outcome) {
    case "send":
      return { gate, nodeId, passed: true, detail: passDetail, ...values };
    case "skip":
      return { gate, nodeId, passed: false, detail: `${decision.reason}: skipped`, ...values };
    case "defer":
      return {
        gate,
        nodeId,
        passed: false,
        detail: `${decision.reason}: deferred until ${decision.until.toISOString()}`,
        ...values,
      };
    default:
      return assertNever(decision);
  }
}

export interface DeliveryGateInput {
  nodeId: string;
  rules: WorkspaceDeliveryRules;
  channel: Channel;
  transactional: boolean;
  /** The send's subscription topic (its key), if any. */
  topic?: string;
  profile: ProfileFacts;
  /** Sends before this one, for the budget. */
  sentInWindow: readonly SentMessage[];
  /** When the send node decided (its last decision by the time asked about). */
  now: Date;
}

/** Address, suppression, unsubscribe (email), the frequency budget and quiet hours, one by one. */
export function deliveryGates(input: DeliveryGateInput): GateResult[] {
  const { nodeId, rules, channel, transactional, topic, profile, sentInWindow, now } = input;
  const check = (only: WorkspaceDeliveryRules, facts: ProfileFacts) =>
    checkDeliveryRules(only, { channel, transactional, topic, profile: facts, sentInWindow, now });
  const deliverable: ProfileFacts = {
    ...profile,
    email: profile.email ?? "address@example.invalid",
    suppressed: false,
    unsubscribed: false,
    topicPreferences: [],
  };
  const gates: GateResult[] = [];
  if (channel === "email") {
    gates.push(
      fromDecision(
        "email_address",
        nodeId,
        check({}, { ...profile, suppressed: false, unsubscribed: false, topicPreferences: [] }),
        `Sends to ${profile.email}`,
        {},
      ),
      fromDecision(
        "suppression",
        nodeId,
        check({}, { ...deliverable, suppressed: profile.suppressed }),
        "The address is not suppressed",
        {
          expected: "not suppressed",
          actual: profile.suppressed ? "suppressed" : "not suppressed",
        },
      ),
      fromDecision(
        "unsubscribe",
        nodeId,
        check({}, { ...deliverable, unsubscribed: profile.unsubscribed }),
        transactional && profile.unsubscribed
          ? "Unsubscribed, but this email is transactional"
          : "Subscribed",
        { expected: "subscribed", actual: profile.unsubscribed ? "unsubscribed" : "subscribed" },
      ),
    );
  }
  gates.push(
    topicGate(input, check({}, { ...deliverable, topicPreferences: profile.topicPreferences })),
  );
  const { frequency, quietHours } = rules;
  if (!frequency) {
    gates.push({
      gate: "frequency",
      nodeId,
      passed: true,
      detail: "The workspace has no frequency budget",
    });
  } else {
    const windowMs = frequency.windowHours * HOUR;
    const recent = sentInWindow.filter(
      (m) => !m.transactional && m.at.getTime() > now.getTime() - windowMs && m.at <= now,
    );
    const sameChannel = recent.filter((m) => m.channel === channel).length;
    const channelMax = frequency.perChannel?.[channel];
    gates.push(
      fromDecision(
        "frequency",
        nodeId,
        check({ frequency }, deliverable),
        transactional
          ? "Transactional: not counted by the budget"
          : `Within the budget (${recent.length} of ${frequency.max} in ${frequency.windowHours} h)`,
        {
          expected: `fewer than ${frequency.max} messages${channelMax === undefined ? "" : ` (${channelMax} ${channel})`} in ${frequency.windowHours} h`,
          actual: `${recent.length} (${sameChannel} ${channel})`,
        },
      ),
    );
  }
  if (!quietHours || (quietHours.channels && !quietHours.channels.includes(channel))) {
    const detail = quietHours
      ? `Quiet hours do not hold ${channel} messages`
      : "The workspace has no quiet hours";
    gates.push({ gate: "quiet_hours", nodeId, passed: true, detail });
  } else {
    const zone = resolveTimeZone(profile.timezone);
    const wall = toWallTime(now, zone);
    const local = `${String(wall.hour).padStart(2, "0")}:${String(wall.minute).padStart(2, "0")} in ${zone}`;
    gates.push({
      ...fromDecision(
        "quiet_hours",
        nodeId,
        check({ quietHours }, deliverable),
        `Outside quiet hours (${local})`,
        {
          expected: `outside ${quietHours.start}–${quietHours.end}`,
          actual: local,
        },
      ),
      timeZone: zone,
    });
  }
  return gates;
}

/** The send's subscription topic: whether the profile had opted out of it on this channel by then. */
function topicGate(input: DeliveryGateInput, decision: DeliveryDecision): GateResult {
  const { nodeId, topic, transactional, profile, channel, now } = input;
  if (!topic) {
    return { gate: "topic", nodeId, passed: true, detail: "The message has no subscription topic" };
  }
  const optedOut = topicOptOut(profile, topic, channel, now);
  const passDetail =
    optedOut && transactional
      ? `Opted out of "${optedOut.topicName}", but this email is transactional`
      : `Subscribed to topic "${topic}" for ${channel === "email" ? "email" : "in-app messages"}`;
  return fromDecision("topic", nodeId, decision, passDetail, {
    expected: "subscribed",
    actual: optedOut ? "opted out" : "subscribed",
  });
}

/** Whether the path got to the message asked about (or to any message) by then, and if not where it is. */
export function routeGate(input: {
  target: { nodeId: string; label: string } | null;
  reached: boolean;
  outcome: PathOutcome;
  labelOf: (nodeId: string) => string;
}): GateResult {
  const { target, reached, outcome, labelOf } = input;
  const what = target ? `"${target.label}"` : "a message";
  if (reached) {
    return {
      gate: "route",
      passed: true,
      detail: `The path reaches ${what}`,
      ...(target && { nodeId: target.nodeId }),
    };
  }
  return {
    gate: "route",
    passed: false,
    detail: `The path does not reach ${what}: ${describeOutcome(outcome, labelOf)}`,
    ...(target && { nodeId: target.nodeId }),
  };
}

export function describeOutcome(outcome: PathOutcome, labelOf: (nodeId: string) => string): string {
  switch (outcome.kind) {
    case "converted":
      return `converted at ${outcome.at} (reaching the goal ends the journey)`;
    case "waiting":
      return `waiting at "${outcome.label}"${outcome.until ? ` until ${outcome.until}` : ""}${outcome.reason ? ` (${outcome.reason})` : ""}`;
    case "completed":
      return `the path ended at "${labelOf(outcome.nodeId)}"`;
    case "filtered":
      return `stopped at "${labelOf(outcome.nodeId)}" (${outcome.reason})`;
    case "exited":
      return `left at "${labelOf(outcome.nodeId)}" (${outcome.reason})`;
    case "not_entered":
      return `never entered (${outcome.reason})`;
    default:
      return assertNever(outcome);
  }
}
