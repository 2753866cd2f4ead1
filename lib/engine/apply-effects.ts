import type { Effect, TraceEffect } from "@/lib/journey-core/run-state";
import type { RunRecord } from "./batch-records";
import type { ProfileUpdateInput } from "./journey-profile-updates";
import type { JourneySendInput } from "./journey-send";
import type { JourneyWebhookInput } from "./journey-webhooks";

// What the shell does with each kind of effect the core returns. The table is
// total over Effect["type"]: a new kind of effect fails to compile until it
// has a handler here, so nothing the core decides is dropped silently.
//
// Sends and traces become rows (messages, run_traces) in the batch's
// transaction. A schedule and a completion are also in the run's new state
// (wakeAt, status, endedAt), which the run row is written from
// (run-rows.ts), so they are counted here, not written twice.

export interface AppliedEffects {
  sends: JourneySendInput[];
  /** Webhook steps' requests (journey_webhook_calls). */
  webhooks: JourneyWebhookInput[];
  /** Update-profile steps' trait patches (stored as identifies). */
  profileUpdates: ProfileUpdateInput[];
  /** In the order the core emitted them, with their run. */
  traces: { run: RunRecord; effect: TraceEffect }[];
  timersSet: number;
  runsEnded: number;
}

type EffectType = Effect["type"];
type Handler<K extends EffectType> = (
  effect: Extract<Effect, { type: K }>,
  run: RunRecord,
  out: AppliedEffects,
) => void;

const HANDLERS: { [K in EffectType]: Handler<K> } = {
  send(effect, run, out) {
    out.sends.push({
      workspaceId: run.workspaceId,
      profileId: run.state.profileId,
      journey: { id: run.journey.id, name: run.journey.name },
      runId: run.state.runId,
      effect,
      eventProperties: run.state.triggerEvent?.properties,
      // The message is created as of the decision (its event time): the
      // frequency budget counts it then, as backtests and preview do.
      now: effect.at,
    });
  },
  trace(effect, run, out) {
    out.traces.push({ run, effect });
  },
  webhook(effect, run, out) {
    out.webhooks.push({
      workspaceId: run.workspaceId,
      profileId: run.state.profileId,
      journey: { id: run.journey.id, name: run.journey.name },
      runId: run.state.runId,
      effect,
      eventProperties: run.state.triggerEvent?.properties,
    });
  },
  update_profile(effect, run, out) {
    out.profileUpdates.push({
      workspaceId: run.workspaceId,
      profileId: run.state.profileId,
      journeyId: run.journey.id,
      runId: run.state.runId,
      effect,
    });
  },
  schedule(_effect, _run, out) {
    out.timersSet += 1;
  },
  complete(_effect, _run, out) {
    out.runsEnded += 1;
  },
};

/** Sorts every effect of the runs into what the transaction writes. */
export function collectEffects(runs: readonly RunRecord[]): AppliedEffects {
  const out: AppliedEffects = {
    sends: [],
    webhooks: [],
    profileUpdates: [],
    traces: [],
    timersSet: 0,
    runsEnded: 0,
  };
  for (const run of runs) {
    for (const effect of run.effects) {
      // The table's type pairs each kind with its handler; indexing it with a
      // union widens that pairing, hence the cast.
      (HANDLERS[effect.type] as Handler<EffectType>)(effect, run, out);
    }
  }
  return out;
}
