import type { RawDb } from "@/lib/db/sql";
import "server-only";
import { randomUUID } from "node:crypto";
import { executeAll } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { decideEntry, type EntryDecision, type EntrySignal } from "@/lib/journey-core/decide-entry";
import type { WorkspaceDeliveryRules } from "@/lib/journey-core/delivery-rules";
import { factsAsOf } from "@/lib/journey-core/profile-as-of";
import type { StepContext, StepInput, StepResult } from "@/lib/journey-core/run-state";
import { createRun } from "@/lib/journey-core/run-state";
import { enterJourney, step } from "@/lib/journey-core/step";
import { collectEffects } from "./apply-effects";
import type { ProfileWork, RunRecord } from "./batch-records";
import { writeProfileUpdates } from "./journey-profile-updates";
import { type JourneySendResult, sendFromJourneys } from "./journey-send";
import { queueJourneyWebhooks } from "./journey-webhooks";
import { CountCache, type TriggerRef } from "./load-counts";
import type { JourneyInfo, LoadedVersion } from "./load-journeys";
import {
  insertRunsSql,
  insertTracesSql,
  type RunWrite,
  type TraceRow,
  updateRunsSql,
} from "./run-rows";
import { traceRows } from "./trace-rows";

// The imperative half of one engine transaction. A task loads what a batch
// needs, then calls `stepRun` / `tryEnter` for each input in order: the pure
// core decides, and the batch keeps the new states and their effects in
// memory (so a profile's second event sees what its first one did, and two
// sends in one batch share the frequency budget). `flush` then applies every
// effect in the same transaction as the run rows: messages through the
// channel, traces, run inserts and updates. Either all of it commits or none.

export type { KnownRun, ProfileWork, RunRecord } from "./batch-records";

export interface FlushSummary {
  runsCreated: number;
  runsUpdated: number;
  traces: number;
  sends: number;
  failedSends: number;
  /** Runs that now wait for a timer, and runs that ended. */
  timersSet: number;
  runsEnded: number;
}

export class EngineBatch {
  readonly records: RunRecord[] = [];
  private readonly counts: CountCache;
  private readonly held: { runId: string; eventId: string; workspaceId: string }[] = [];
  private readonly released: string[] = [];

  constructor(
    readonly tx: RawDb,
    readonly now: Date,
    private readonly rules: ReadonlyMap<string, WorkspaceDeliveryRules>,
  ) {
    this.counts = new CountCache(tx);
  }

  /**
   * The core's context for a decision at `now`: the event time of the input
   * (the trigger, the event, the timer's due time), never the time this
   * batch happens to run. Counts are read as of `now`.
   */
  private async context(
    profile: ProfileWork,
    run: RunRecord | null,
    definition: LoadedVersion,
    trigger: TriggerRef | null,
    now: Date,
    eventId?: string,
  ): Promise<StepContext> {
    return {
      now,
      // The profile as it was then, not as it is now (profile-as-of.ts).
      profile: factsAsOf(profile.facts, profile.history, now, eventId),
      counts: await this.counts.countsFor(definition.definition, {
        workspaceId: profile.workspaceId,
        profileId: profile.profileId,
        now,
        trigger: trigger ?? run?.triggerRef ?? null,
      }),
      deliveryRules: this.rules.get(profile.workspaceId) ?? {},
      sentInWindow: profile.sent,
    };
  }

  /** Steps a loaded run at `now` and keeps the result; returns whether anything happened. */
  async stepRun(
    profile: ProfileWork,
    run: RunRecord,
    input: StepInput,
    now: Date,
    eventId?: string,
  ): Promise<boolean> {
    const ctx = await this.context(profile, run, run.version, null, now, eventId);
    const result = step(run.version.definition, run.state, input, ctx);
    return this.keep(profile, run, result);
  }

  /**
   * Decides entry at `now` (the trigger's event time) and, when allowed,
   * creates the run. It is entered at once, unless `hold` (its journey is
   * paused): then it waits, not yet entered, for the resume to enter it as of
   * `now`. Refusals create nothing (there is no run to trace them on).
   */
  async tryEnter(
    profile: ProfileWork,
    journey: JourneyInfo,
    version: LoadedVersion,
    signal: EntrySignal,
    trigger: TriggerRef | null,
    now: Date,
    options: { hold?: boolean; eventId?: string } = {},
  ): Promise<EntryDecision & { run?: RunRecord }> {
    const ctx = await this.context(profile, null, version, trigger, now, options.eventId);
    const previousRuns = profile.previousRuns.get(journey.id) ?? [];
    const decision = decideEntry(version.definition, signal, {
      counts: ctx.counts,
      previousRuns,
      now,
      segmentIds: ctx.profile.segmentIds,
    });
    if (!decision.enter) return decision;
    const newRun = {
      runId: randomUUID(),
      journeyId: journey.id,
      versionId: version.id,
      profileId: profile.profileId,
      triggerEvent: decision.triggerEvent,
      // Entered later, on resume: as of exactly this call.
      ...(options.hold && options.eventId !== undefined && { triggerEventId: options.eventId }),
      now,
    };
    const result: StepResult = options.hold
      ? { state: createRun(version.definition, newRun), effects: [] }
      : enterJourney(version.definition, newRun, ctx);
    const run: RunRecord = {
      workspaceId: profile.workspaceId,
      journey,
      version,
      state: result.state,
      isNew: true,
      dirty: true,
      effects: [],
      triggerRef: trigger,
      enteredInBatch: true,
    };
    profile.runs.push(run);
    this.records.push(run);
    profile.previousRuns.set(journey.id, [
      ...previousRuns,
      { runId: result.state.runId, enteredAt: result.state.enteredAt, endedAt: null },
    ]);
    this.keep(profile, run, result);
    return { ...decision, run };
  }

  /** Keeps an event for a run of a paused journey, to catch up on when it resumes. */
  hold(run: RunRecord, eventId: string): void {
    this.held.push({ runId: run.state.runId, eventId, workspaceId: run.workspaceId });
  }

  /** Held events the run has now caught up on (deleted at flush). */
  release(runId: string): void {
    this.released.push(runId);
  }

  /** Adds a loaded run to the batch (without stepping it). */
  track(run: RunRecord): void {
    this.records.push(run);
  }

  /** Writes the run again without stepping it (e.g. to disarm the timer of a paused journey). */
  touch(run: RunRecord): void {
    run.dirty = true;
  }

  private keep(profile: ProfileWork, run: RunRecord, result: StepResult): boolean {
    const changed = result.effects.length > 0 || result.state !== run.state;
    if (!changed) return false;
    if (result.state.endedAt && !run.state.endedAt) run.endedInBatch = true;
    run.state = result.state;
    run.effects.push(...result.effects);
    run.dirty = true;
    for (const effect of result.effects) {
      if (effect.type === "webhook" && effect.countsAsMessage) {
        profile.sent.push({ at: effect.at, channel: "webhook" });
      }
      if (effect.type === "update_profile") patchFacts(profile, effect.traits);
      if (effect.type !== "send") continue;
      const transactional = effect.channel === "email" && effect.content.transactional === true;
      profile.sent.push({ at: effect.at, channel: effect.channel, transactional });
    }
    const previous = profile.previousRuns.get(run.journey.id);
    // Only where loaded: a journey's history the batch never read stays unread (ensurePreviousRuns).
    if (result.state.endedAt && previous) {
      profile.previousRuns.set(
        run.journey.id,
        previous.map((p) =>
          p.runId === run.state.runId ? { ...p, endedAt: result.state.endedAt } : p,
        ),
      );
    }
    return true;
  }

  /**
   * Applies every kept state and effect inside the batch's transaction: the
   * sends through the channel, then the runs, their traces and the caller's
   * `also` statements in one round trip (executeAll).
   */
  async flush(more: readonly (Prisma.Sql | null)[] = []): Promise<FlushSummary> {
    const dirty = this.records.filter((r) => r.dirty);
    const also = [heldEventsSql(this.held), releasedEventsSql(this.released), ...more];
    const summary: FlushSummary = {
      runsCreated: 0,
      runsUpdated: 0,
      traces: 0,
      sends: 0,
      failedSends: 0,
      timersSet: 0,
      runsEnded: 0,
    };
    if (dirty.length === 0) {
      await executeAll(this.tx, also);
      return summary;
    }
    const toWrite = (r: RunRecord): RunWrite => ({
      workspaceId: r.workspaceId,
      state: r.state,
      definition: r.version.definition,
      timerArmed: r.journey.status === "live",
    });
    const created = dirty.filter((r) => r.isNew);
    const updated = dirty.filter((r) => !r.isNew);

    const applied = collectEffects(dirty);
    const sent = await sendFromJourneys(this.tx, applied.sends);
    const results = new Map<string, JourneySendResult>();
    applied.sends.forEach((send, i) => {
      const result = sent[i] as JourneySendResult;
      results.set(send.effect.idempotencyKey, result);
      summary.sends += 1;
      if (!result.ok) summary.failedSends += 1;
    });
    const traces: TraceRow[] = traceRows(applied.traces, results, this.now);
    await queueJourneyWebhooks(this.tx, applied.webhooks, this.now);
    await writeProfileUpdates(this.tx, applied.profileUpdates, this.now);

    await executeAll(this.tx, [
      insertRunsSql(created.map(toWrite), this.now),
      updateRunsSql(updated.map(toWrite), this.now),
      insertTracesSql(traces),
      ...also,
    ]);
    summary.runsCreated = created.length;
    summary.runsUpdated = updated.length;
    summary.traces = traces.length;
    summary.timersSet = applied.timersSet;
    summary.runsEnded = applied.runsEnded;
    return summary;
  }
}

/**
 * What the rest of this batch decides on sees an update-profile step's
 * traits at once (the stored identify is written at flush). A decision
 * folded back to an earlier time (factsAsOf) does not see it: the history
 * loaded for the batch predates it.
 */
function patchFacts(profile: ProfileWork, traits: Record<string, unknown>): void {
  const next = { ...profile.facts.traits };
  for (const [key, value] of Object.entries(traits)) {
    if (value === null) delete next[key];
    else
      Object.defineProperty(next, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  profile.facts = { ...profile.facts, traits: next };
}

function heldEventsSql(
  rows: readonly { runId: string; eventId: string; workspaceId: string }[],
): Prisma.Sql | null {
  if (rows.length === 0) return null;
  return Prisma.sql`
    INSERT INTO held_events ("runId", "eventId", "workspaceId")
    SELECT * FROM unnest(${rows.map((r) => r.runId)}::text[], ${rows.map((r) => r.eventId)}::uuid[],
                         ${rows.map((r) => r.workspaceId)}::text[])
    ON CONFLICT DO NOTHING`;
}

function releasedEventsSql(runIds: readonly string[]): Prisma.Sql | null {
  if (runIds.length === 0) return null;
  return Prisma.sql`DELETE FROM held_events WHERE "runId" = ANY(${[...runIds]}::text[])`;
}
