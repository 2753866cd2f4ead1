// Turns what the simulator recorded (runs, traces, sends, entry decisions)
// into the walked path a person reads: each decision with its node and
// reason, each message with its authored content (rendered later by the
// shell), and how the run ended. Pure: no decision is made here, it only
// reads the core's own traces and run states.

import type { MessageContent } from "@/lib/channels/message-content";
import { assertNever } from "@/lib/journey-core/assert-never";
import type { JourneyDefinition, JourneyNode, NodeType } from "@/lib/journey-core/definition";
import { describeDuration } from "@/lib/journey-core/definition";
import { indexJourney } from "@/lib/journey-core/journey-graph";
import type { RunState, WebhookEffect } from "@/lib/journey-core/run-state";
import type { SimulationResult } from "@/lib/journey-core/simulate";
import { describeTraitOperations } from "@/lib/journey-core/update-profile-step";
import type { EntryDecisionJson, PathOutcome, PathStep } from "./explain-types";

/** A message on the path before rendering: the shell renders it with the profile's data. */
export interface PendingMessage {
  at: Date;
  nodeId: string;
  label: string;
  content: MessageContent;
  eventProperties: Record<string, unknown>;
}

/** A webhook step's request on the path, before its body is rendered. */
export interface PendingWebhook {
  at: Date;
  nodeId: string;
  label: string;
  effect: WebhookEffect;
  eventProperties: Record<string, unknown>;
}

export interface DescribedRun {
  state: RunState;
  steps: PathStep[];
  messages: PendingMessage[];
  webhooks: PendingWebhook[];
  outcome: PathOutcome;
}

const TYPE_LABELS: Record<NodeType, string> = {
  trigger: "Trigger",
  filter: "Filter",
  delay: "Delay",
  wait: "Wait for event",
  branch: "Branch",
  split: "Split",
  send_email: "Email",
  send_inapp: "In-app message",
  exit: "Exit",
  send_webhook: "Webhook",
  update_profile: "Update profile",
};

/** The node's own label, or a short description of what it does. */
export function nodeLabel(node: JourneyNode | undefined, nodeId: string): string {
  if (!node) return nodeId;
  if (node.label) return node.label;
  switch (node.type) {
    case "trigger": {
      const t = node.trigger;
      if (t.kind === "event") return `When "${t.event}" happens`;
      if (t.kind === "inactivity") return `Inactive for ${describeDuration(t.inactiveFor)}`;
      return "When traits change";
    }
    case "send_email":
      return `Email: ${node.content.subject}`;
    case "send_inapp":
      return `In-app: ${node.content.title}`;
    case "wait":
      return `Wait for "${node.event}"`;
    case "send_webhook":
      return `Webhook: ${node.method} ${node.url}`;
    case "update_profile":
      return `Update profile: ${describeTraitOperations(node.operations) ?? "traits"}`;
    case "delay":
    case "filter":
    case "branch":
    case "split":
    case "exit":
      return TYPE_LABELS[node.type];
    default:
      return assertNever(node);
  }
}

/**
 * The profile's zone when the step's timing depends on it: quiet hours are
 * kept in it, and a delay until a time of day waits for that time there. The
 * core records the zone it judged in (the profile's as of then), else `fallback`.
 */
function zoneOfStep(
  node: JourneyNode | undefined,
  step: PathStep,
  fallback: string,
): string | undefined {
  const data = step.data as { rule?: unknown; timeZone?: unknown } | undefined;
  const judged = typeof data?.timeZone === "string" ? data.timeZone : fallback;
  if (step.decision === "deferred") return data?.rule === "quiet_hours" ? judged : undefined;
  if (node?.type === "delay" && node.delay.kind !== "duration") return judged;
  return undefined;
}

/** Marks the steps at nodes whose timing depends on the profile's zone with that zone. */
function withZones(
  steps: PathStep[],
  nodes: ReadonlyMap<string, JourneyNode>,
  fallback: string,
): PathStep[] {
  const zoneAt = new Map<string, string>();
  return steps.map((step) => {
    const zone = zoneOfStep(nodes.get(step.nodeId), step, fallback) ?? zoneAt.get(step.nodeId);
    if (!zone) return step;
    zoneAt.set(step.nodeId, zone);
    return { ...step, timeZone: zone };
  });
}

function outcomeOf(
  state: RunState,
  steps: readonly PathStep[],
  labelOf: (id: string) => string,
): PathOutcome {
  const last = steps.findLast((s) => s.nodeId === state.nodeId);
  const lastReason = last?.reason ?? "";
  if (state.convertedAt) {
    return { kind: "converted", at: state.convertedAt.toISOString(), nodeId: state.nodeId };
  }
  const endedAt = (state.endedAt ?? state.enteredAt).toISOString();
  switch (state.status) {
    case "active":
    case "waiting":
      return {
        kind: "waiting",
        nodeId: state.nodeId,
        label: labelOf(state.nodeId),
        until: state.wakeAt?.toISOString() ?? null,
        reason: lastReason,
        ...(last?.timeZone && { timeZone: last.timeZone }),
      };
    case "completed":
    case "converted":
      return { kind: "completed", nodeId: state.nodeId, at: endedAt };
    case "filtered":
      return { kind: "filtered", nodeId: state.nodeId, at: endedAt, reason: lastReason };
    case "exited":
      return { kind: "exited", nodeId: state.nodeId, at: endedAt, reason: lastReason };
    default:
      return assertNever(state.status);
  }
}

/**
 * Each run the simulation made, in order of entry, with its steps, messages
 * and outcome. `timeZone` is the profile's (see PathStep.timeZone).
 */
export function describeRuns(
  definition: JourneyDefinition,
  result: SimulationResult,
  journeyId: string,
  timeZone = "UTC",
): DescribedRun[] {
  const { nodes } = indexJourney(definition);
  const labelOf = (id: string) => nodeLabel(nodes.get(id), id);
  return result.runs
    .filter((run) => run.journeyId === journeyId)
    .map((state) => {
      const traced: PathStep[] = result.traces
        .filter((t) => t.runId === state.runId)
        .map((t) => ({
          at: t.at.toISOString(),
          nodeId: t.nodeId,
          nodeType: nodes.get(t.nodeId)?.type ?? null,
          label: labelOf(t.nodeId),
          decision: t.decision,
          reason: t.reason,
          ...(t.data && { data: t.data }),
        }));
      const steps = withZones(traced, nodes, timeZone);
      const messages: PendingMessage[] = result.sends
        .filter((s) => s.runId === state.runId)
        .map((s) => ({
          at: s.at,
          nodeId: s.nodeId,
          label: labelOf(s.nodeId),
          content:
            s.channel === "email"
              ? { channel: "email", email: s.content }
              : { channel: "in_app", inApp: s.content },
          eventProperties: state.triggerEvent?.properties ?? {},
        }));
      const webhooks: PendingWebhook[] = result.effects.flatMap((e) =>
        e.runId === state.runId && e.effect.type === "webhook"
          ? [
              {
                at: e.at,
                nodeId: e.effect.nodeId,
                label: labelOf(e.effect.nodeId),
                effect: e.effect,
                eventProperties: state.triggerEvent?.properties ?? {},
              },
            ]
          : [],
      );
      return { state, steps, messages, webhooks, outcome: outcomeOf(state, steps, labelOf) };
    });
}

/** The journey's entry decisions (refusals too), the latest `limit`. */
export function describeEntries(
  result: SimulationResult,
  journeyId: string,
  limit = 50,
): EntryDecisionJson[] {
  return result.entries
    .filter((e) => e.journeyId === journeyId)
    .slice(-limit)
    .map(({ at, decision }) => ({
      at: at.toISOString(),
      entered: decision.enter,
      reason: decision.reason,
      ...(!decision.enter && decision.failures && { failures: decision.failures }),
    }));
}

/** Why a profile with no run never entered: the last refusal, or that nothing triggered. */
export function notEnteredReason(
  definition: JourneyDefinition,
  entries: readonly EntryDecisionJson[],
  windowText: string,
): string {
  const refusal = entries.findLast((e) => !e.entered);
  if (refusal) return refusal.reason;
  const trigger = indexJourney(definition).trigger?.trigger;
  if (!trigger) return "The journey has no trigger";
  switch (trigger.kind) {
    case "event":
      return `No "${trigger.event}" event ${windowText}`;
    case "trait_change":
      return `Their traits did not start matching the trigger ${windowText}`;
    case "inactivity":
      return `Not inactive for ${describeDuration(trigger.inactiveFor)} ${windowText}`;
    case "segment":
      return `Did not ${trigger.on === "entry" ? "enter" : "leave"} segment "${trigger.segmentId}" ${windowText}`;
    default:
      return assertNever(trigger);
  }
}
