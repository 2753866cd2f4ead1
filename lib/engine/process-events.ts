import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { indexJourney } from "@/lib/journeys/journey-graph";
import { traitsMatch } from "@/lib/journeys/match-trigger";
import { listensForEvents } from "@/lib/journeys/step";
import { type Clock, systemClock } from "./clock";
import { errorText, isTransientDbError } from "./db-errors";
import { deliverToRun } from "./deliver-to-run";
import type { ProfileRef } from "./load-facts";
import { asRecord } from "./load-facts";
import { loadListeningRuns } from "./load-runs";
import { disarmOrphans, type PreparedBatch, prepareBatch } from "./prepare-batch";
import { lockProfiles } from "./profile-locks";

// The "engine-events" task: evaluates what ingestion handed over in
// engine_inbox, in commit order, one transaction per batch. For each event,
// first the profile's runs that listen (goals, waits), then entries through
// journey_triggers, looked up by (workspace, kind, event name): an event
// costs nothing for journeys that do not listen to it. An identify is checked
// against live trait-change triggers. The inbox rows are deleted in the same
// transaction, so a crash replays the whole batch and nothing twice.

type Tx = Prisma.TransactionClient;

export interface ProcessEventsOptions {
  now?: Clock;
  batchSize?: number;
  log?: (line: string) => void;
}

export interface ProcessEventsResult {
  /** Inbox rows consumed (events evaluated, plus rows whose event is gone). */
  events: number;
  entered: number;
  sends: number;
}

interface InboxEvent {
  inboxId: bigint;
  workspaceId: string;
  eventId: string | null;
  profileId: string | null;
  type: string | null;
  name: string | null;
  properties: Prisma.JsonValue;
  timestamp: Date | null;
  receivedAt: Date | null;
}

export const ENGINE_EVENTS_TASK = "engine-events";
const DEFAULT_BATCH = 200;
export const ENGINE_TX = { maxWait: 10_000, timeout: 120_000 } as const;

export async function processEvents(
  options: ProcessEventsOptions = {},
): Promise<ProcessEventsResult> {
  const clock = options.now ?? systemClock;
  const log = options.log ?? ((line: string) => console.error(`[cue] ${line}`));
  const limit = options.batchSize ?? DEFAULT_BATCH;
  try {
    return await prisma.$transaction((tx) => processBatch(tx, clock(), limit, log), ENGINE_TX);
  } catch (error) {
    if (isTransientDbError(error)) throw error; // the rows are still there; the next round retries
    log(`engine: event batch failed (${errorText(error)}); retrying event by event`);
    return processOneByOne(clock, limit, log);
  }
}

/**
 * After a failed batch: the same work one inbox row per transaction, so one
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
      const result = await prisma.$transaction(
        (tx) => processBatch(tx, clock(), 1, log, (id) => (claimed = id)),
        ENGINE_TX,
      );
      if (result.events === 0) break;
      total.events += result.events;
      total.entered += result.entered;
      total.sends += result.sends;
    } catch (error) {
      if (isTransientDbError(error) || claimed === null) throw error;
      log(`engine: dropped inbox row ${claimed} after an error: ${errorText(error)}`);
      await prisma.engineInbox.deleteMany({ where: { id: claimed } });
      total.events += 1;
    }
  }
  return total;
}

async function claimInbox(tx: Tx, limit: number): Promise<InboxEvent[]> {
  return tx.$queryRaw<InboxEvent[]>`
    SELECT i.id AS "inboxId", i."workspaceId", e.id::text AS "eventId", e."profileId"::text AS "profileId",
           e.type, e.name, e.properties, e."timestamp", e."receivedAt"
    FROM (SELECT id, "workspaceId", "eventId" FROM engine_inbox
          ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED) i
    LEFT JOIN events e ON e.id = i."eventId" AND e."workspaceId" = i."workspaceId"
    ORDER BY i.id`;
}

async function processBatch(
  tx: Tx,
  now: Date,
  limit: number,
  log: (line: string) => void,
  onClaim?: (inboxId: bigint) => void,
): Promise<ProcessEventsResult> {
  const claimed = await claimInbox(tx, limit);
  if (claimed.length === 0) return { events: 0, entered: 0, sends: 0 };
  if (claimed[0]) onClaim?.(claimed[0].inboxId);
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

  const hasIdentify = live.some((r) => r.type === "identify");
  const tracked = live.filter((r) => r.type === "track" && r.name);
  // The index on (workspaceId, kind, eventName) answers this with the live
  // journeys that listen to these names, and nothing else.
  const wanted: Prisma.JourneyTriggerWhereInput[] = [
    ...uniquePairs(tracked).map(([workspaceId, eventName]) => ({
      workspaceId,
      kind: "event",
      eventName,
    })),
    ...(hasIdentify
      ? [...new Set(live.filter((r) => r.type === "identify").map((r) => r.workspaceId))].map(
          (workspaceId) => ({ workspaceId, kind: "trait_change" }),
        )
      : []),
  ];
  const triggers =
    wanted.length > 0 ? await tx.journeyTrigger.findMany({ where: { OR: wanted } }) : [];
  const runRows = await loadListeningRuns(tx, refs, now);
  const prepared = await prepareBatch(tx, now, { refs, runRows, entryJourneys: triggers, log });
  await disarmOrphans(tx, prepared.orphans, log);
  const traitStates = await loadTraitStates(tx, triggers, live);
  const traitWrites = new Map<
    string,
    { journeyId: string; profileId: string; matching: boolean }
  >();

  let entered = 0;
  for (const row of live) {
    const profile = prepared.profiles.get(row.profileId as string);
    if (!profile || profile.missing) continue;
    if (row.type === "track" && row.name && row.timestamp && row.receivedAt) {
      const event = {
        name: row.name,
        properties: asRecord(row.properties),
        timestamp: row.timestamp,
      };
      for (const run of [...profile.runs]) {
        if (
          !listensForEvents(run.version.definition, run.state, now) &&
          run.journey.status === "live"
        ) {
          continue;
        }
        await deliverToRun(prepared.batch, profile, run, { kind: "event", event });
      }
      const ref = {
        eventId: row.eventId as string,
        timestamp: row.timestamp,
        receivedAt: row.receivedAt,
      };
      for (const trigger of triggers) {
        if (trigger.kind !== "event" || trigger.workspaceId !== row.workspaceId) continue;
        if (trigger.eventName !== row.name) continue;
        const target = entryTarget(prepared, trigger);
        if (!target) continue;
        const decision = await prepared.batch.tryEnter(
          profile,
          target.journey,
          target.version,
          { kind: "event", event },
          ref,
        );
        if (decision.enter) entered += 1;
      }
    } else if (row.type === "identify") {
      for (const trigger of triggers) {
        if (trigger.kind !== "trait_change" || trigger.workspaceId !== row.workspaceId) continue;
        const target = entryTarget(prepared, trigger);
        const definitionTrigger =
          target && indexJourney(target.version.definition).trigger?.trigger;
        if (!target || definitionTrigger?.kind !== "trait_change") continue;
        const key = `${trigger.journeyId}|${profile.profileId}`;
        const wasMatching = traitWrites.get(key)?.matching ?? traitStates.get(key) ?? false;
        const currentTraits = profile.facts.traits;
        const signal = { kind: "trait_change" as const, wasMatching, currentTraits };
        const decision = await prepared.batch.tryEnter(
          profile,
          target.journey,
          target.version,
          signal,
          null,
        );
        if (decision.enter) entered += 1;
        const matching = traitsMatch(definitionTrigger, currentTraits);
        traitWrites.set(key, {
          journeyId: trigger.journeyId,
          profileId: profile.profileId,
          matching,
        });
      }
    }
  }

  const summary = await prepared.batch.flush();
  await saveTraitStates(tx, [...traitWrites.values()], now);
  await tx.engineInbox.deleteMany({ where: { id: { in: rows.map((r) => r.inboxId) } } });
  return { events: rows.length, entered, sends: summary.sends };
}

async function profilesWithEarlierEvents(
  tx: Tx,
  claimed: readonly InboxEvent[],
): Promise<Set<string>> {
  const profileIds = uniqueRefs(claimed).map((r) => r.profileId);
  if (profileIds.length === 0) return new Set();
  const ids = claimed.map((r) => r.inboxId);
  const max = claimed[claimed.length - 1]?.inboxId ?? 0n; // claimed in id order
  const rows = await tx.$queryRaw<{ profileId: string }[]>`
    SELECT DISTINCT e."profileId"::text AS "profileId"
    FROM engine_inbox i JOIN events e ON e.id = i."eventId" AND e."workspaceId" = i."workspaceId"
    WHERE i.id < ${max} AND i.id <> ALL(${ids}::bigint[])
      AND e."profileId" = ANY(${profileIds}::uuid[])`;
  return new Set(rows.map((r) => r.profileId));
}

function entryTarget(prepared: PreparedBatch, trigger: { journeyId: string; versionId: string }) {
  const journey = prepared.journeys.get(trigger.journeyId);
  const version = prepared.versions.get(trigger.versionId);
  // The trigger row exists only while the journey is live; the status is
  // checked again because this transaction may have read it just before a pause.
  if (!journey || !version || journey.status !== "live") return null;
  return { journey, version };
}

function uniqueRefs(rows: readonly InboxEvent[]): ProfileRef[] {
  const seen = new Map<string, ProfileRef>();
  for (const row of rows) {
    if (row.profileId)
      seen.set(row.profileId, { workspaceId: row.workspaceId, profileId: row.profileId });
  }
  return [...seen.values()];
}

function uniquePairs(rows: readonly InboxEvent[]): [string, string][] {
  const keys = new Set(rows.map((r) => JSON.stringify([r.workspaceId, r.name])));
  return [...keys].map((k) => JSON.parse(k) as [string, string]);
}

// trait_trigger_states has no workspaceId column: its journeyIds come from
// this batch's workspace-scoped trigger lookup, which is what scopes it.
async function loadTraitStates(
  tx: Tx,
  triggers: readonly { journeyId: string; kind: string }[],
  rows: readonly InboxEvent[],
): Promise<Map<string, boolean>> {
  const journeyIds = triggers.filter((t) => t.kind === "trait_change").map((t) => t.journeyId);
  const profileIds = [
    ...new Set(rows.filter((r) => r.type === "identify").map((r) => r.profileId as string)),
  ];
  if (journeyIds.length === 0 || profileIds.length === 0) return new Map();
  const states = await tx.traitTriggerState.findMany({
    where: { journeyId: { in: journeyIds }, profileId: { in: profileIds } },
  });
  return new Map(states.map((s) => [`${s.journeyId}|${s.profileId}`, s.matching]));
}

async function saveTraitStates(
  tx: Tx,
  states: readonly { journeyId: string; profileId: string; matching: boolean }[],
  now: Date,
): Promise<void> {
  if (states.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO trait_trigger_states ("journeyId", "profileId", matching, "updatedAt")
    SELECT s."journeyId", s."profileId", s.matching, ${now}::timestamp(3)
    FROM jsonb_to_recordset(${JSON.stringify(states)}::jsonb)
      AS s("journeyId" text, "profileId" uuid, matching boolean)
    ORDER BY 1, 2
    ON CONFLICT ("journeyId", "profileId")
    DO UPDATE SET matching = excluded.matching, "updatedAt" = excluded."updatedAt"`;
}
