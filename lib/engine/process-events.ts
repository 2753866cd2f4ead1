import { queryParts, type RawDb, sql, sqlTransaction } from "@/lib/db/sql";
import "server-only";
import { asRecord } from "@/lib/db/json-record";
import { isTransientDbError } from "@/lib/db/postgres-errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TraitChangeTrigger } from "@/lib/journey-core/definition";
import { indexJourney } from "@/lib/journey-core/journey-graph";
import { statusAt } from "@/lib/journey-core/journey-status";
import { matchTraitChange } from "@/lib/journey-core/match-trigger";
import { listensForEvents } from "@/lib/journey-core/step";
import { errorText } from "@/lib/log/error-text";
import { recordEngineEvaluated } from "@/lib/metrics/record";
import { refreshSegmentsForEvents } from "@/lib/segments/refresh-segments";
import { allowedLatenessMs, strictEventOrder } from "./allowed-lateness";
import { type Clock, systemClock } from "./clock";
import { deliverToRun } from "./deliver-to-run";
import type { EngineBatch } from "./engine-batch";
import {
  claimQueuedEvents,
  profilesWithEarlierEvents,
  type QueuedEvent,
  uniqueRefs,
} from "./event-queue";
import { catchUpHeld, type HeldEvent, heldEventsPart } from "./held-events";
import type { JourneyInfo, LoadedVersion } from "./load-journeys";
import { listeningRunsPart } from "./load-runs";
import {
  type EvaluatedEvent,
  evaluatedEventsPart,
  type TriggerRow,
  triggersPart,
} from "./load-triggers";
import {
  type BatchProfile,
  disarmOrphans,
  type JourneyRef,
  type PreparedBatch,
  prepareBatch,
} from "./prepare-batch";
import { lockProfiles } from "./profile-locks";
import { redecideAfterEnd } from "./redecide-entry";
import { timerNotFinalBefore, wakeDue } from "./run-timeline";
import { stepSourceJourney, traitChangeSignal } from "./trait-change-signal";

// The "engine-events" task: evaluates what ingestion handed over in
// engine_queue, in commit order, one transaction per batch. For each event,
// first the profile's runs that listen (goals, waits), then entries through
// journey_triggers, looked up by (workspace, kind, event name): an event
// costs nothing for journeys that do not listen to it. An identify is checked
// against live trait-change triggers. The queue rows are deleted in the same
// transaction, so a crash replays the whole batch and nothing twice.

export interface ProcessEventsOptions {
  now?: Clock;
  batchSize?: number;
  log?: (line: string) => void;
  /**
   * Default: CUE_ALLOWED_LATENESS_MS (5 s). An event right after one of its
   * profile's timers waits until that timer is final (event-queue.ts);
   * fake-clock tests that fire timers on time pass 0.
   */
  allowedLatenessMs?: number;
  /**
   * Default: CUE_STRICT_EVENT_ORDER. Evaluate an event only once its allowed
   * lateness has passed, in event-time order (allowed-lateness.ts).
   */
  strictOrder?: boolean;
}

export interface ProcessEventsResult {
  /** Queue rows consumed (events evaluated, plus rows whose event is gone). */
  events: number;
  entered: number;
  sends: number;
}

export const ENGINE_EVENTS_TASK = "engine-events";
// Small: a message is readable only when its batch commits (see listen-engine-events.ts).
const DEFAULT_BATCH = 20;
// Every statement of a batch is a key probe: planned once per connection (lib/db/sql.ts).
const PROBES = { probePlans: true } as const;

export async function processEvents(
  options: ProcessEventsOptions = {},
): Promise<ProcessEventsResult> {
  const clock = options.now ?? systemClock;
  const log = options.log ?? ((line: string) => console.error(`[cue] ${line}`));
  const limit = options.batchSize ?? DEFAULT_BATCH;
  const lateness = options.allowedLatenessMs ?? allowedLatenessMs();
  const strict = options.strictOrder ?? strictEventOrder();
  const at = (): Instant => {
    const now = clock();
    return { now, finalBefore: new Date(now.getTime() - lateness), strict };
  };
  try {
    return await sqlTransaction((tx) => processBatch(tx, at(), limit, log), PROBES);
  } catch (error) {
    if (isTransientDbError(error)) throw error; // the rows are still there; the next round retries
    log(`engine: event batch failed (${errorText(error)}); retrying event by event`);
    return processOneByOne(at, limit, log);
  }
}

/**
 * After a failed batch: the same work one queued event per transaction, so one
 * bad event cannot hold up the others. A row that still fails for a reason
 * other than a transient database error is dropped, loudly.
 */
async function processOneByOne(
  at: () => Instant,
  limit: number,
  log: (line: string) => void,
): Promise<ProcessEventsResult> {
  const total: ProcessEventsResult = { events: 0, entered: 0, sends: 0 };
  for (let i = 0; i < limit; i++) {
    let claimed: bigint | null = null;
    try {
      const result = await sqlTransaction(
        (tx) => processBatch(tx, at(), 1, log, (id) => (claimed = id)),
        PROBES,
      );
      if (result.events === 0) break;
      total.events += result.events;
      total.entered += result.entered;
      total.sends += result.sends;
    } catch (error) {
      if (isTransientDbError(error) || claimed === null) throw error;
      log(`engine: dropped queued event ${claimed} after an error: ${errorText(error)}`);
      await sql.$executeRaw`DELETE FROM engine_queue WHERE id = ${claimed}`;
      total.events += 1;
    }
  }
  return total;
}

/** The batch's clock reading, and before when a timer is final (due by now minus the lateness). */
interface Instant {
  now: Date;
  finalBefore: Date;
  /** Strict event order: only events that happened before `finalBefore` are claimed. */
  strict: boolean;
}

async function processBatch(
  tx: RawDb,
  { now, finalBefore, strict }: Instant,
  limit: number,
  log: (line: string) => void,
  onClaim?: (queueId: bigint) => void,
): Promise<ProcessEventsResult> {
  const claimed = await claimQueuedEvents(tx, limit, finalBefore, strict);
  if (claimed.length === 0) return { events: 0, entered: 0, sends: 0 };
  if (claimed[0]) onClaim?.(claimed[0].queueId);
  await lockProfiles(
    tx,
    uniqueRefs(claimed).map((r) => r.profileId),
  );
  // Another worker may hold an earlier event of one of these profiles (it
  // claimed first but locked later): leave that profile's events for a later
  // round, so each profile's events are still evaluated in order.
  const behind = await profilesWithEarlierEvents(tx, claimed, finalBefore, strict);
  const rows = claimed.filter((r) => !r.profileId || !behind.has(r.profileId));
  const live = rows.filter(
    (r): r is QueuedEvent & { profileId: string; timestamp: Date } =>
      r.profileId !== null && r.eventId !== null && r.timestamp !== null,
  );
  const refs = uniqueRefs(live);
  // Segment membership first, so this batch's filters and exclusions see it (lib/segments/).
  await refreshSegmentsForEvents(tx, live, now);
  // Decisions are made at event time, so the batch reads as of its earliest event.
  const from = new Date(Math.min(now.getTime(), ...live.map((r) => r.timestamp.getTime())));

  const tracked = live.filter((r) => r.type === "track" && r.name);
  // One statement (see queryParts); the runs are locked FOR UPDATE.
  const { triggers, runRows, evaluated, held } = await queryParts(tx, {
    triggers: triggersPart(tracked, live),
    runRows: listeningRunsPart(refs, from),
    evaluated: evaluatedEventsPart(live),
    held: heldEventsPart(refs),
  });
  const entryJourneys = new Map<string, JourneyRef>();
  for (const trigger of triggers) {
    for (const row of live) {
      if (row.workspaceId !== trigger.workspaceId) continue;
      const versionId = statusAt(trigger.history, row.timestamp).versionId ?? trigger.versionId;
      entryJourneys.set(`${trigger.journeyId}|${versionId}`, { ...trigger, versionId });
    }
  }
  const historySince = new Map<string, Date>();
  for (const row of live) {
    const since = historySince.get(row.profileId);
    if (!since || row.timestamp < since) historySince.set(row.profileId, row.timestamp);
  }
  const prepared = await prepareBatch(tx, now, {
    refs,
    runRows,
    entryJourneys: [...entryJourneys.values()],
    sendsFrom: from,
    historySince,
    log,
  });
  await disarmOrphans(tx, prepared.orphans, log);
  const scope: EventScope = { prepared, triggers, finalBefore, held };
  let entered = 0;
  const waiting = new Set<bigint>();
  for (const ref of refs) {
    const profile = prepared.profiles.get(ref.profileId);
    if (!profile || profile.missing) continue;
    const result = await evaluateProfile(
      scope,
      profile,
      live.filter((r) => r.profileId === ref.profileId),
      evaluated.get(ref.profileId) ?? [],
    );
    entered += result.entered;
    for (const id of result.waiting) waiting.add(id);
  }

  const done = rows.filter((r) => !waiting.has(r.queueId));
  const summary = await prepared.batch.flush([
    Prisma.sql`DELETE FROM engine_queue WHERE id = ANY(${done.map((r) => r.queueId)}::bigint[])`,
  ]);
  // Counted as the batch's writes end, just before its commit.
  recordEngineEvaluated(done.map((r) => r.receivedAt));
  return { events: done.length, entered, sends: summary.sends };
}

interface EventScope {
  prepared: PreparedBatch;
  triggers: readonly TriggerRow[];
  /** A timer due after this is not final yet (see notWaitingForTimer in event-queue.ts). */
  finalBefore: Date;
  /** Events held for the profiles' runs during a pause (held-events.ts). */
  held: ReadonlyMap<string, HeldEvent[]>;
}

type TimelineItem =
  | { kind: "queued"; at: Date; id: string; row: QueuedEvent & { timestamp: Date } }
  | { kind: "evaluated"; at: Date; id: string; event: EvaluatedEvent };

/**
 * One profile's queued events, in event-time order (timestamp, then id: ids
 * are time-ordered UUIDv7, the order ingestion applied them), whatever order
 * or batch they arrived in. Before each event, the profile's timers due
 * before it fire at their own times. Events the engine evaluated before
 * (`evaluated`, later than a trigger that arrived after them) go only to the
 * runs this batch entered. Returns the entries.
 */
async function evaluateProfile(
  scope: EventScope,
  profile: BatchProfile,
  queued: readonly (QueuedEvent & { timestamp: Date })[],
  evaluated: readonly EvaluatedEvent[],
): Promise<{ entered: number; waiting: bigint[] }> {
  const { batch } = scope.prepared;
  const items: TimelineItem[] = [
    ...queued.map((row) => ({
      kind: "queued" as const,
      at: row.timestamp,
      id: row.eventId ?? "",
      row,
    })),
    ...evaluated.map((event) => ({
      kind: "evaluated" as const,
      at: event.timestamp,
      id: event.eventId,
      event,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const firstQueued = items.find((item) => item.kind === "queued")?.at;
  let entered = 0;
  // A run a pause left behind takes what it missed first, whichever task meets it first.
  await catchUpHeld(batch, profile, scope.held);
  for (const [index, item] of items.entries()) {
    // Evaluated events before the batch's first event concern no run of this batch.
    if (item.kind === "evaluated" && firstQueued && item.at <= firstQueued) continue;
    if (timerNotFinalBefore(profile, item.at, scope.finalBefore)) {
      // A timer (armed by this batch, or committed since the claim) is due before this
      // event and not final: the rest waits for it, as claimQueuedEvents makes events wait.
      return { entered, waiting: deferRest(batch, profile, items.slice(index)) };
    }
    await wakeDue(batch, profile, { before: item.at });
    if (item.kind === "evaluated") {
      const { name, properties } = item.event;
      // An identify goes to no run: it is only a trigger to decide again.
      const event = name === null ? null : { name, properties, timestamp: item.at };
      for (const run of profile.runs) {
        if (!event || !run.enteredInBatch || run.state.enteredAt > item.at) continue;
        if (!listensForEvents(run.version.definition, run.state, item.at)) continue;
        await deliverToRun(batch, profile, run, { kind: "event", event }, item.at, item.id);
      }
      entered += await redecideAfterEnd(batch, profile, item.event);
      continue;
    }
    if (item.row.type === "track") entered += await evaluateTrack(scope, profile, item.row);
    else if (item.row.type === "identify")
      entered += await evaluateIdentify(scope, profile, item.row);
  }
  return { entered, waiting: [] };
}

/**
 * The profile's items from a timer that is not final yet on: queued events
 * stay in the queue (returned), and evaluated ones are held for the runs this
 * batch entered, which take them in order with their timers when those fire.
 */
function deferRest(batch: EngineBatch, profile: BatchProfile, rest: TimelineItem[]): bigint[] {
  const waiting: bigint[] = [];
  for (const item of rest) {
    if (item.kind === "queued") {
      waiting.push(item.row.queueId);
      continue;
    }
    for (const run of profile.runs) {
      if (run.enteredInBatch && run.state.enteredAt <= item.at) batch.hold(run, item.id);
    }
  }
  return waiting;
}

/** A tracked event: first the runs that listen (goals, waits), then entries. Returns entries. */
async function evaluateTrack(
  scope: EventScope,
  profile: BatchProfile,
  row: QueuedEvent & { timestamp: Date },
): Promise<number> {
  const { prepared } = scope;
  if (!row.name || !row.receivedAt || !row.eventId) return 0;
  const at = row.timestamp;
  const event = { name: row.name, properties: asRecord(row.properties), timestamp: at };
  for (const run of [...profile.runs]) {
    const live = run.journey.status === "live";
    // Runs of paused or archived journeys go through deliverToRun (hold / cancel).
    if (live && !listensForEvents(run.version.definition, run.state, at)) continue;
    await deliverToRun(prepared.batch, profile, run, { kind: "event", event }, at, row.eventId);
  }
  const ref = { eventId: row.eventId, timestamp: at, receivedAt: row.receivedAt };
  let entered = 0;
  for (const trigger of scope.triggers) {
    if (trigger.kind !== "event" || trigger.workspaceId !== row.workspaceId) continue;
    if (trigger.eventName !== row.name) continue;
    const target = entryTarget(prepared, trigger, at);
    if (!target) continue;
    const signal = { kind: "event" as const, event };
    const decision = await prepared.batch.tryEnter(
      profile,
      target.journey,
      target.version,
      signal,
      ref,
      at,
      { hold: target.hold, eventId: row.eventId },
    );
    if (decision.enter) entered += 1;
  }
  return entered;
}

/**
 * An identify, against every live trait-change trigger of the workspace: entry
 * on the change to matching, judged by the profile just before the identify
 * and just after it (its history at event time, not a stored state). Refused
 * while the journey is paused because a run of it looks in progress, the
 * identify is held with that run and decided again once the run has caught up
 * (held-events.ts): in event time it may have ended before the change.
 */
async function evaluateIdentify(
  scope: EventScope,
  profile: BatchProfile,
  row: QueuedEvent & { timestamp: Date },
): Promise<number> {
  let entered = 0;
  const at = row.timestamp;
  const eventId = row.eventId ?? undefined;
  for (const trigger of scope.triggers) {
    if (trigger.kind !== "trait_change" || trigger.workspaceId !== row.workspaceId) continue;
    // An update-profile step never re-triggers its own journey (journey-profile-updates.ts).
    if (stepSourceJourney(row.properties) === trigger.journeyId) continue;
    const target = entryTarget(scope.prepared, trigger, at);
    const definitionTrigger = target && indexJourney(target.version.definition).trigger?.trigger;
    if (!target || definitionTrigger?.kind !== "trait_change") continue;
    const signal = traitChangeSignal(profile, definitionTrigger, at, eventId);
    const decision = await scope.prepared.batch.tryEnter(
      profile,
      target.journey,
      target.version,
      signal,
      null,
      at,
      { hold: target.hold, eventId },
    );
    if (decision.enter) entered += 1;
    else if (target.hold && eventId && isChangeToMatching(definitionTrigger, signal))
      holdWithRunsInProgress(scope, profile, trigger, eventId);
  }
  return entered;
}

/** The trigger matched, so re-entry (or exclusion) refused it: what a run catching up may change. */
function isChangeToMatching(
  trigger: TraitChangeTrigger,
  signal: ReturnType<typeof traitChangeSignal>,
): boolean {
  return matchTraitChange(trigger, signal.wasMatching, signal.currentTraits).match;
}

/** Keeps a refused identify with the journey's runs in progress, for the resume (see above). */
function holdWithRunsInProgress(
  scope: EventScope,
  profile: BatchProfile,
  trigger: TriggerRow,
  eventId: string,
): void {
  for (const run of profile.runs) {
    if (run.journey.id !== trigger.journeyId || run.state.endedAt) continue;
    scope.prepared.batch.hold(run, eventId);
  }
}

/**
 * The journey and version a trigger at `at` enters: the journey must have
 * been live then (its status history at the trigger's event time, however
 * late the engine gets to it) and must not be archived now. If it is paused
 * now, the run is created and held until the resume enters it.
 */
function entryTarget(
  prepared: PreparedBatch,
  trigger: TriggerRow,
  at: Date,
): { journey: JourneyInfo; version: LoadedVersion; hold: boolean } | null {
  const then = statusAt(trigger.history, at);
  if (then.status !== "live" || !then.versionId) return null;
  const journey = prepared.journeys.get(trigger.journeyId);
  const version = prepared.versions.get(then.versionId);
  if (!journey || !version) return null;
  if (journey.status !== "live" && journey.status !== "paused") return null;
  return { journey, version, hold: journey.status === "paused" };
}
