import type { JourneyRun, Message, RunTrace } from "@/lib/generated/prisma/client";
import { RUN_STATUSES, type RunStatus } from "@/lib/journey-core/run-state";
import type { RunJson, TraceJson } from "./journey-schemas";

// Runs as the APIs show them: the explainer's data. Traces are the engine's
// decisions in order; messages say what became of each send afterwards
// (delivered, bounced, failed at the provider).

export function toRunJson(
  run: JourneyRun,
  extra: {
    journeyName: string;
    version: number | null;
    traces?: RunTrace[];
    /** Step names by node id, from the run's version. */
    stepNames?: ReadonlyMap<string, string>;
    messages?: Pick<
      Message,
      "id" | "nodeId" | "channel" | "status" | "subject" | "error" | "createdAt"
    >[];
  },
): RunJson {
  return {
    id: run.id,
    journey: { id: run.journeyId, name: extra.journeyName },
    versionId: run.versionId,
    version: extra.version,
    profileId: run.profileId,
    status: toRunStatus(run.status),
    nodeId: run.nodeId,
    holdout: run.holdout,
    enteredAt: run.enteredAt.toISOString(),
    endedAt: run.endedAt?.toISOString() ?? null,
    convertedAt: run.convertedAt?.toISOString() ?? null,
    wakeAt: run.wakeAt?.toISOString() ?? null,
    ...(extra.traces && {
      trace: extra.traces.map((t) => toTraceJson(t, extra.stepNames)),
    }),
    ...(extra.messages && {
      messages: extra.messages.map((m) => ({
        id: m.id,
        nodeId: m.nodeId,
        channel: m.channel,
        status: m.status,
        subject: m.subject,
        error: m.error,
        createdAt: m.createdAt.toISOString(),
      })),
    }),
  };
}

export function toTraceJson(trace: RunTrace, stepNames?: ReadonlyMap<string, string>): TraceJson {
  return {
    id: trace.id.toString(),
    at: trace.at.toISOString(),
    nodeId: trace.nodeId,
    step: trace.nodeId ? (stepNames?.get(trace.nodeId) ?? null) : null,
    decision: trace.decision,
    reason: trace.reason,
    data: trace.data,
  };
}

function toRunStatus(status: string): RunStatus {
  return (RUN_STATUSES as readonly string[]).includes(status) ? (status as RunStatus) : "exited";
}
