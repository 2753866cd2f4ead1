import { queryParts, type RawDb, sql, sqlTransaction } from "@/lib/db/sql";
import "server-only";
import { asRecord } from "@/lib/db/json-record";
import { isTransientDbError } from "@/lib/db/postgres-errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { indexJourney } from "@/lib/journey-core/journey-graph";
import { traitsMatch } from "@/lib/journey-core/match-trigger";
import { listensForEvents } from "@/lib/journey-core/step";
import { errorText } from "@/lib/log/error-text";
import { type Clock, systemClock } from "./clock";
import { deliverToRun } from "./deliver-to-run";
import {
  claimQueuedEvents,
  profilesWithEarlierEvents,
  type QueuedEvent,
  uniqueRefs,
} from "./event-queue";
import { listeningRunsPart } from "./load-runs";
import {
  saveTraitStatesSql,
  type TriggerRow,
  traitStatesPart,
  triggersPart,
} from "./load-triggers";
import {
  type BatchProfile,
  disarmOrphans,
  type PreparedBatch,
  prepareBatch,
} from "./prepare-batch";
import { lockProfiles } from "./profile-locks";

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

export async function processEvents(
  options: ProcessEventsOptions = {},
): Promise<ProcessEventsResult> {
  const clock = options.now ?? systemClock;
  const log = options.log ?? ((line: string) => console.error(`[cue] ${line}`));
  const limit = options.batchSize ?? DEFAULT_BATCH;
  try {
    return await sqlTransaction((tx) => processBatch(tx, clock(), limit, log));
  } catch (error) {
    if (isTransientDbError(error)) throw error; // the rows are still there; the next round retries
    log(`engine: event batch failed (${errorText(error)}); retrying event by event`);
    return processOneByOne(clock, limit, log);
  }
}

/**
 * After a failed batch: the same work one queued event per transaction, so one
 * bad event cannot hold up the others. A row that still fails for a reason
 * other than a transient database error is dropped, loudly.
 */
async function processOneByOne(
  clock: Clock,
  limit: number,
  log: (line: string) => void,
): Promise<ProcessEventsResult> {
  const total: ProcessEventsResult = { events: 0, entered: 0, sends: 0 };
  for (let i = 0; i < limit; i++) {
    let claimed: bigint | null = null;
    try {
      const result = await sqlTransaction((tx) =>
        processBatch(tx, clock(), 1, log, (id) => (claimed = id)),
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

async function processBatch(
  tx: RawDb,
  now: Date,
  limit: number,
  log: (line: string) => void,
  onClaim?: (queueId: bigint) => void,
): Promise<ProcessEventsResult> {
  const claimed = await claimQueuedEvents(tx, limit);
  if (claimed.length === 0) return { events: 0, entered: 0, sends: 0 };
  if (claimed[0]) onClaim?.(claimed[0].queueId);
  await lockProfiles(
    tx,
    uniqueRefs(claimed).map((r) => r.profileId),
  );
  // Another worker may hold an earlier event of one of these profiles (it
  // claimed first but locked later): leave that profile's events for a later
  // round, so each profile's events are still evaluated in order.
  const behind = await profilesWithEarlierEvents(tx, claimed);
  const rows = claimed.filter((r) => !r.profileId || !behind.has(r.profileId));
  const live = rows.filter((r) => r.profileId !== null && r.eventId !== null);
  const refs = uniqueRefs(live);

  const tracked = live.filter((r) => r.type === "track" && r.name);
  // One statement (see queryParts); the runs are locked FOR UPDATE.
  const { triggers, runRows, traitStates } = await queryParts(tx, {
    triggers: triggersPart(tracked, live),
    runRows: listeningRunsPart(refs, now),
    traitStates: traitStatesPart(live),
  });
  const prepared = await prepareBatch(tx, now, { refs, runRows, entryJourneys: triggers, log });
  await disarmOrphans(tx, prepared.orphans, log);
  const scope: EventScope = {
    prepared,
    triggers,
    now,
    traitStates,
    traitWrites: new Map(),
  };
  let entered = 0;
  for (const row of live) {
    const profile = prepared.profiles.get(row.profileId as string);
    if (!profile || profile.missing) continue;
    if (row.type === "track") entered += await evaluateTrack(scope, profile, row);
    else if (row.type === "identify") entered += await evaluateIdentify(scope, profile, row);
  }

  const summary = await prepared.batch.flush([
    saveTraitStatesSql([...scope.traitWrites.values()], now),
    Prisma.sql`DELETE FROM engine_queue WHERE id = ANY(${rows.map((r) => r.queueId)}::bigint[])`,
  ]);
  return { events: rows.length, entered, sends: summary.sends };
}

interface EventScope {
  prepared: PreparedBatch;
  triggers: readonly TriggerRow[];
  now: Date;
  /** Stored trait-change states, by "journeyId|profileId". */
  traitStates: ReadonlyMap<string, boolean>;
  /** What this batch computed, written back at the end (a later identify reads it first). */
  traitWrites: Map<string, { journeyId: string; profileId: string; matching: boolean }>;
}

/** A tracked event: first the runs that listen (goals, waits), then entries. Returns entries. */
async function evaluateTrack(
  scope: EventScope,
  profile: BatchProfile,
  row: QueuedEvent,
): Promise<number> {
  const { prepared, now } = scope;
  if (!row.name || !row.timestamp || !row.receivedAt || !row.eventId) return 0;
  const event = { name: row.name, properties: asRecord(row.properties), timestamp: row.timestamp };
  for (const run of [...profile.runs]) {
    const live = run.journey.status === "live";
    // Runs of paused or archived journeys go through deliverToRun (hold / cancel).
    if (live && !listensForEvents(run.version.definition, run.state, now)) continue;
    await deliverToRun(prepared.batch, profile, run, { kind: "event", event });
  }
  const ref = { eventId: row.eventId, timestamp: row.timestamp, receivedAt: row.receivedAt };
  let entered = 0;
  for (const trigger of scope.triggers) {
    if (trigger.kind !== "event" || trigger.workspaceId !== row.workspaceId) continue;
    if (trigger.eventName !== row.name) continue;
    const target = entryTarget(prepared, trigger);
    if (!target) continue;
    const signal = { kind: "event" as const, event };
    const decision = await prepared.batch.tryEnter(
      profile,
      target.journey,
      target.version,
      signal,
      ref,
    );
    if (decision.enter) entered += 1;
  }
  return entered;
}

/**
 * An identify, against every live trait-change trigger of the workspace:
 * entry on the change to matching, and the new matching state saved either way.
 */
async function evaluateIdentify(
  scope: EventScope,
  profile: BatchProfile,
  row: QueuedEvent,
): Promise<number> {
  let entered = 0;
  for (const trigger of scope.triggers) {
    if (trigger.kind !== "trait_change" || trigger.workspaceId !== row.workspaceId) continue;
    const target = entryTarget(scope.prepared, trigger);
    const definitionTrigger = target && indexJourney(target.version.definition).trigger?.trigger;
    if (!target || definitionTrigger?.kind !== "trait_change") continue;
    const key = `${trigger.journeyId}|${profile.profileId}`;
    const wasMatching = scope.traitWrites.get(key)?.matching ?? scope.traitStates.get(key) ?? false;
    const currentTraits = profile.facts.traits;
    const signal = { kind: "trait_change" as const, wasMatching, currentTraits };
    const decision = await scope.prepared.batch.tryEnter(
      profile,
      target.journey,
      target.version,
      signal,
      null,
    );
    if (decision.enter) entered += 1;
    const matching = traitsMatch(definitionTrigger, currentTraits);
    scope.traitWrites.set(key, {
      journeyId: trigger.journeyId,
      profileId: profile.profileId,
      matching,
    });
  }
  return entered;
}

function entryTarget(prepared: PreparedBatch, trigger: { journeyId: string; versionId: string }) {
  const journey = prepared.journeys.get(trigger.journeyId);
  const version = prepared.versions.get(trigger.versionId);
  // The trigger row exists only while the journey is live; the status is
  // checked again because this transaction may have read it just before a pause.
  if (!journey || !version || journey.status !== "live") return null;
  return { journey, version };
}
