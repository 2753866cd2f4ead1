import { queryParts, type RawDb } from "@/lib/db/sql";
import type { EntrySignal } from "@/lib/journey-core/decide-entry";
import type { Trigger } from "@/lib/journey-core/definition";
import { indexJourney } from "@/lib/journey-core/journey-graph";
import { statusAt } from "@/lib/journey-core/journey-status";
import type { EngineBatch, RunRecord } from "./engine-batch";
import { loadVersions } from "./load-journeys";
import { previousRunsPart } from "./load-runs";
import type { EvaluatedEvent } from "./load-triggers";
import type { BatchProfile } from "./prepare-batch";
import { stepSourceJourney, traitChangeSignal } from "./trait-change-signal";

// Deciding an entry again, in event time, when what refused it has changed
// since: a trigger refused as re-entry because a run of the same journey was
// in progress, where in event time that run had ended before the trigger:
// - a run a pause left behind, caught up on resume (held-events.ts), for
//   tracked-event and trait-change triggers alike;
// - a run ended by a wait or goal event that reached Cue late, after the
//   later trigger had been evaluated (process-events.ts).
// The entry is decided as of the trigger's event time with the caught-up
// runs, by the same core call as any entry (decideEntry via tryEnter), with
// the same signal as when it was first evaluated.

/** A call that may start a run: a tracked event, or an identify (trait-change triggers). */
export interface TriggerCall {
  eventId: string;
  /** Default "track". */
  type?: "track" | "identify";
  /** The tracked event's name (null for an identify). */
  name: string | null;
  properties: Record<string, unknown>;
  timestamp: Date;
  receivedAt: Date;
}

/**
 * Re-entry history (profile.previousRuns) for journeys the batch did not
 * load it for (the timer task loads none). Runs the batch holds keep its
 * state (they may have ended in this batch).
 */
export async function ensurePreviousRuns(
  tx: RawDb,
  profile: BatchProfile,
  journeyIds: Iterable<string>,
): Promise<void> {
  const missing = [...new Set(journeyIds)].filter((id) => !profile.previousRuns.has(id));
  if (missing.length === 0) return;
  const ref = { workspaceId: profile.workspaceId, profileId: profile.profileId };
  const { previous } = await queryParts(tx, { previous: previousRunsPart([ref], missing) });
  const loaded = previous.get(profile.profileId);
  for (const journeyId of missing) {
    const known = new Map((loaded?.get(journeyId) ?? []).map((run) => [run.runId, run]));
    for (const run of profile.runs) {
      if (run.journey.id !== journeyId) continue;
      const { runId, enteredAt, endedAt } = run.state;
      known.set(runId, { runId, enteredAt, endedAt: endedAt ?? null });
    }
    profile.previousRuns.set(journeyId, [...known.values()]);
  }
}

/**
 * Decides again whether `call` starts a run of `run`'s journey: only if the
 * journey was live at the call's time with a trigger the call is a signal
 * for (an event trigger on its name; a trait-change trigger for an
 * identify), and the call has not started a run already. Returns the run it
 * entered.
 */
export async function redecideEntry(
  batch: EngineBatch,
  profile: BatchProfile,
  run: RunRecord,
  call: TriggerCall,
): Promise<RunRecord | null> {
  const journey = run.journey;
  const then = statusAt(journey.history, call.timestamp);
  if (then.status !== "live" || !then.versionId) return null;
  const version =
    then.versionId === run.version.id
      ? run.version
      : (
          await loadVersions(batch.tx, [
            { versionId: then.versionId, workspaceId: run.workspaceId },
          ])
        ).get(then.versionId);
  const trigger = version && indexJourney(version.definition).trigger?.trigger;
  const signal = version && trigger ? signalFor(profile, journey.id, trigger, call) : null;
  if (!version || !signal) return null;
  if (await startedRun(batch.tx, profile, journey.id, call)) return null;
  await ensurePreviousRuns(batch.tx, profile, [journey.id]);
  const ref =
    signal.kind === "event"
      ? { eventId: call.eventId, timestamp: call.timestamp, receivedAt: call.receivedAt }
      : null;
  const decision = await batch.tryEnter(profile, journey, version, signal, ref, call.timestamp, {
    eventId: call.eventId,
  });
  return decision.run ?? null;
}

/** What the call is to the trigger, as when it was first evaluated; null: nothing. */
function signalFor(
  profile: BatchProfile,
  journeyId: string,
  trigger: Trigger,
  call: TriggerCall,
): EntrySignal | null {
  if (call.type === "identify") {
    if (trigger.kind !== "trait_change") return null;
    if (stepSourceJourney(call.properties) === journeyId) return null;
    return traitChangeSignal(profile, trigger, call.timestamp, call.eventId);
  }
  if (trigger.kind !== "event" || trigger.event !== call.name) return null;
  const event = { name: call.name, properties: call.properties, timestamp: call.timestamp };
  return { kind: "event", event };
}

/** Whether the call already started a run of the journey (this batch's or a stored one). */
async function startedRun(
  tx: RawDb,
  profile: BatchProfile,
  journeyId: string,
  call: TriggerCall,
): Promise<boolean> {
  const sameEntry = (r: RunRecord) =>
    r.journey.id === journeyId &&
    (r.state.triggerEventId === call.eventId ||
      r.state.enteredAt.getTime() === call.timestamp.getTime());
  if (profile.runs.some(sameEntry)) return true;
  const rows = await tx.$queryRaw<{ found: number }[]>`
    SELECT 1 AS found FROM journey_runs
    WHERE "workspaceId" = ${profile.workspaceId} AND "journeyId" = ${journeyId}
      AND "profileId" = ${profile.profileId}::uuid AND "enteredAt" = ${call.timestamp}::timestamp(3)
    LIMIT 1`;
  return rows.length > 0;
}

/**
 * An evaluated trigger, after a run of its journey that this batch ended
 * before it (a wait or goal event that reached Cue late): when it was first
 * evaluated that run was in progress and refused it, so it is decided again
 * in event time (redecide-entry.ts). Returns the entries.
 */
export async function redecideAfterEnd(
  batch: EngineBatch,
  profile: BatchProfile,
  call: EvaluatedEvent,
): Promise<number> {
  let entered = 0;
  const seen = new Set<string>();
  for (const run of [...profile.runs]) {
    if (!run.endedInBatch || seen.has(run.journey.id) || run.journey.status !== "live") continue;
    if (!run.state.endedAt || run.state.endedAt >= call.timestamp) continue;
    seen.add(run.journey.id);
    if (await redecideEntry(batch, profile, run, call)) entered += 1;
  }
  return entered;
}
