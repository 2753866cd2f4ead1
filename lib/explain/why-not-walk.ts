// The gates along a run's path, read from what the core did in the replay:
// each filter it met (with every condition's actual and expected value), the
// holdout, and for each message node the limit and the delivery rules at the
// moment the node last decided. Pure; the shell adds the template gates
// (rendering is the channel's) and the gates before entry.

import { countAll } from "@/lib/journey-core/count-events";
import { requiredCounts } from "@/lib/journey-core/count-queries";
import type { JourneyDefinition, JourneyNode } from "@/lib/journey-core/definition";
import type { WorkspaceDeliveryRules } from "@/lib/journey-core/delivery-rules";
import type { ConditionContext } from "@/lib/journey-core/evaluate-condition";
import type { JourneyEvent, ProfileFacts, SentMessage } from "@/lib/journey-core/facts";
import { indexJourney } from "@/lib/journey-core/journey-graph";
import type { RunState, TraceDecision } from "@/lib/journey-core/run-state";
import { profileAt, type SimEvent, type SimulationResult } from "@/lib/journey-core/simulate";
import { nodeLabel } from "./describe-path";
import {
  deliveryGates,
  filterGate,
  holdoutGate,
  messageLimitGate,
  routeGate,
} from "./explain-gates";
import type { GateResult, PathOutcome } from "./explain-types";

/** What a send node records when the run reaches it. */
const SEND_DECISIONS: ReadonlySet<TraceDecision> = new Set([
  "sent",
  "skipped",
  "deferred",
  "holdout",
  "limit_reached",
]);

export interface WalkInput {
  definition: JourneyDefinition;
  run: RunState;
  outcome: PathOutcome;
  /** Exactly what the simulation was given. */
  result: SimulationResult;
  profile: ProfileFacts;
  events: readonly SimEvent[];
  priorEvents: readonly JourneyEvent[];
  sentBefore: readonly SentMessage[];
  rules: WorkspaceDeliveryRules;
  /** The message asked about; every message node on the path when null. */
  target: string | null;
}

type SendNode = Extract<JourneyNode, { type: "send_email" | "send_inapp" }>;

function isSend(node: JourneyNode | undefined): node is SendNode {
  return node?.type === "send_email" || node?.type === "send_inapp";
}

/** The facts and counts the core saw at `at` (the profile as simulate built it by then). */
function conditionContext(input: WalkInput, at: Date): ConditionContext {
  const prior = [...input.priorEvents].sort(
    (a, b) => a.timestamp.getTime() - b.timestamp.getTime(),
  );
  const tracked = input.events.flatMap((e) =>
    e.type === "track" && e.at <= at
      ? [{ name: e.name, properties: e.properties ?? {}, timestamp: e.at }]
      : [],
  );
  const log = [...prior, ...tracked];
  const triggerIndex = input.run.triggerEvent ? prior.length : -1;
  return {
    event: input.run.triggerEvent,
    profile: profileAt(input.profile, input.events, at),
    now: at,
    counts: countAll(requiredCounts(input.definition), log, at, triggerIndex),
  };
}

/** Sends before the node's decision (its own send left out), for the budget. */
function sentBeforeDecision(input: WalkInput, nodeId: string, at: Date): SentMessage[] {
  const replayed = input.result.sends
    .filter((s) => s.at < at || (s.at.getTime() === at.getTime() && s.nodeId !== nodeId))
    .map((s) => ({
      at: s.at,
      channel: s.channel,
      transactional: s.channel === "email" && s.content.transactional === true,
    }));
  return [...input.sentBefore, ...replayed];
}

export function walkGates(input: WalkInput): GateResult[] {
  const { definition, run, target } = input;
  const { nodes } = indexJourney(definition);
  const labelOf = (id: string) => nodeLabel(nodes.get(id), id);
  const traces = input.result.traces.filter((t) => t.runId === run.runId);
  const holdout = holdoutGate(definition.settings.holdoutPercent, run.holdout);
  const gates: GateResult[] = [];
  const seen = new Set<string>();
  let holdoutShown = false;
  let reached = false;

  for (const trace of traces) {
    const node = nodes.get(trace.nodeId);
    if (node?.type === "filter" && (trace.decision === "passed" || trace.decision === "filtered")) {
      gates.push(filterGate(node, labelOf(node.id), trace, conditionContext(input, trace.at)));
      continue;
    }
    if (!isSend(node) || !SEND_DECISIONS.has(trace.decision)) continue;
    if ((target && node.id !== target) || seen.has(node.id)) continue;
    seen.add(node.id);
    reached = true;
    if (!holdoutShown) {
      gates.push(holdout);
      holdoutShown = true;
    }
    if (run.holdout) continue;
    const atNode = traces.filter((t) => t.nodeId === node.id);
    const last = atNode.at(-1) ?? trace;
    const limited = atNode.find((t) => t.decision === "limit_reached");
    gates.push(messageLimitGate(node.id, definition.settings.messageLimit, limited));
    if (limited) continue;
    gates.push(
      ...deliveryGates({
        nodeId: node.id,
        rules: input.rules,
        channel: node.type === "send_email" ? "email" : "in_app",
        transactional: node.type === "send_email" && node.content.transactional === true,
        topic: node.content.topic,
        profile: conditionContext(input, last.at).profile,
        sentInWindow: sentBeforeDecision(input, node.id, last.at),
        now: last.at,
      }),
      // Rendered by the shell (the channel's renderer).
      { gate: "template", nodeId: node.id, passed: true, detail: "" },
    );
  }
  if (!holdoutShown) gates.push(holdout);
  const targetRef = target ? { nodeId: target, label: labelOf(target) } : null;
  gates.push(routeGate({ target: targetRef, reached, outcome: input.outcome, labelOf }));
  return gates;
}
