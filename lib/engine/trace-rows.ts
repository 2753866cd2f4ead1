import type { TraceDecision } from "@/lib/journey-core/run-state";
import type { AppliedEffects } from "./apply-effects";
import type { JourneySendResult } from "./journey-send";
import type { TraceRow } from "./run-rows";

/**
 * The trace rows, with what the channel made of each send: its message id,
 * or a "failed" / "skipped" row right after "sent" saying why.
 */
export function traceRows(
  traces: AppliedEffects["traces"],
  results: ReadonlyMap<string, JourneySendResult>,
  now: Date,
): TraceRow[] {
  const rows: TraceRow[] = [];
  for (const { run, effect } of traces) {
    const base = {
      workspaceId: run.workspaceId,
      journeyId: run.journey.id,
      runId: run.state.runId,
    };
    const key = typeof effect.data?.idempotencyKey === "string" ? effect.data.idempotencyKey : null;
    const sent = effect.decision === "sent" && key ? results.get(key) : undefined;
    const data: Record<string, unknown> = {
      ...effect.data,
      ...(sent?.ok && { messageId: sent.messageId }),
    };
    rows.push({
      ...base,
      nodeId: effect.nodeId,
      decision: effect.decision,
      reason: effect.reason,
      data,
      at: effect.at,
    });
    if (!sent) continue;
    const follow = followUp(sent);
    if (follow) {
      rows.push({
        ...base,
        nodeId: effect.nodeId,
        decision: follow.decision,
        reason: follow.reason,
        data: {
          channel: data.channel,
          idempotencyKey: key,
          ...(sent.ok && { messageId: sent.messageId }),
        },
        at: now,
      });
    }
  }
  return rows;
}

function followUp(result: JourneySendResult): { decision: TraceDecision; reason: string } | null {
  if (!result.ok) return { decision: "failed", reason: `Not sent: ${result.error}` };
  if (result.status === "skipped") {
    return {
      decision: "skipped",
      reason: `The channel skipped it: ${result.error ?? "no reason given"}`,
    };
  }
  if (result.status === "failed") {
    return {
      decision: "failed",
      reason: `The channel failed it: ${result.error ?? "no reason given"}`,
    };
  }
  return null;
}
