import "server-only";
import { type RawDb, sql, sqlTransaction } from "@/lib/db/sql";
import { allowedLatenessMs } from "./allowed-lateness";
import { type Clock, systemClock } from "./clock";
import { deliverToRun } from "./deliver-to-run";
import type { EngineBatch } from "./engine-batch";
import { catchUpHeld, type HeldEvent, loadHeldEvents } from "./held-events";
import type { ProfileRef } from "./load-facts";
import { type BatchProfile, disarmOrphans, prepareBatch } from "./prepare-batch";
import { tryLockProfiles } from "./profile-locks";
import { parseRunState, type RunRow } from "./run-rows";
import { wakeDue } from "./run-timeline";

// The "engine-timers" task: delays, wait timeouts and deferred sends are a
// `wakeAt` on the run row. Any number of workers claim due rows with
// FOR UPDATE SKIP LOCKED (so each run goes to one of them), step each with
// { kind: "wake" } and apply the effects in the same transaction. A worker
// killed mid-batch leaves the rows to the next claim; an early or repeated
// wake is a no-op in the core, so at-least-once claiming is exactly-once in
// effect.
//
// Time: a timer is decided as of its due time (`wakeAt`), never as of when
// a worker got to it. It fires once the allowed lateness has passed after it
// (allowed-lateness.ts) and no event of its profile at or before it is still
// queued: the per-profile watermark, so an event that happened before a
// timeout always reaches the run before the timeout does. A run woken to
// catch up (a resumed journey) first takes its held events, in event-time
// order with its timers.

export const ENGINE_TIMERS_TASK = "engine-timers";
const DEFAULT_BATCH = 500;

export interface ProcessDueRunsOptions {
  now?: Clock;
  batchSize?: number;
  log?: (line: string) => void;
  /** Default: CUE_ALLOWED_LATENESS_MS (5 s). Fake-clock tests pass 0. */
  allowedLatenessMs?: number;
}

export interface ProcessDueRunsResult {
  /** Due runs claimed (stepped, held or skipped). */
  claimed: number;
  stepped: number;
  sends: number;
}

export async function processDueRuns(
  options: ProcessDueRunsOptions = {},
): Promise<ProcessDueRunsResult> {
  const clock = options.now ?? systemClock;
  const log = options.log ?? ((line: string) => console.error(`[cue] ${line}`));
  const limit = options.batchSize ?? DEFAULT_BATCH;
  const lateness = options.allowedLatenessMs ?? allowedLatenessMs();
  // Key probes, like the event batches (process-events.ts): planned once per connection.
  return sqlTransaction(
    (tx) => {
      const now = clock();
      return processBatch(tx, now, new Date(now.getTime() - lateness), limit, log);
    },
    { probePlans: true },
  );
}

// Cross-workspace on purpose: a worker serves every tenant, and the index on
// wakeAt orders all due timers. Each run's own workspaceId scopes what follows.
async function claimDueRuns(tx: RawDb, bound: Date, limit: number): Promise<RunRow[]> {
  return tx.$queryRaw<RunRow[]>`
    SELECT r.id, r."workspaceId", r."journeyId", r."versionId", r."profileId"::text AS "profileId", r.state
    FROM journey_runs r
    WHERE r."wakeAt" <= ${bound}::timestamp(3)
      AND NOT EXISTS (SELECT 1 FROM engine_queue q
                      WHERE q."profileId" = r."profileId" AND q."timestamp" <= r."wakeAt")
    ORDER BY r."wakeAt"
    LIMIT ${limit}
    FOR UPDATE OF r SKIP LOCKED`;
}

async function processBatch(
  tx: RawDb,
  now: Date,
  bound: Date,
  limit: number,
  log: (line: string) => void,
): Promise<ProcessDueRunsResult> {
  const claimed = await claimDueRuns(tx, bound, limit);
  if (claimed.length === 0) return { claimed: 0, stepped: 0, sends: 0 };
  // Row locks first, so only *try* the profile locks (see profile-locks.ts):
  // a run whose profile is busy with its events is left for the next round.
  const locked = await tryLockProfiles(
    tx,
    claimed.map((r) => r.profileId),
  );
  const runRows = claimed.filter((r) => locked.has(r.profileId));
  const refs = new Map<string, ProfileRef>();
  for (const row of runRows)
    refs.set(row.profileId, { workspaceId: row.workspaceId, profileId: row.profileId });

  const heldEvents = await loadHeldEvents(
    tx,
    runRows.map((r) => r.id),
  );
  // Decisions are as of each timer's due time (and each held event's time):
  // the budget and the profile are read from the earliest of them on.
  const historySince = new Map<string, Date>();
  for (const row of runRows) {
    const state = parseRunState(row);
    const times = [
      state.status === "active" ? state.enteredAt : (state.wakeAt ?? bound),
      ...(heldEvents.get(row.id) ?? []).map((e) => e.timestamp),
    ];
    const earliest = new Date(Math.min(...times.map((t) => t.getTime())));
    const known = historySince.get(row.profileId);
    if (!known || earliest < known) historySince.set(row.profileId, earliest);
  }
  const earliest = new Date(
    Math.min(bound.getTime(), ...[...historySince.values()].map((t) => t.getTime())),
  );
  const prepared = await prepareBatch(tx, now, {
    refs: [...refs.values()],
    runRows,
    entryJourneys: [],
    sendsFrom: earliest,
    historySince,
    // Only the claimed runs are stepped, and historySince holds each one's earliest moment.
    historySinceCoversRuns: true,
    log,
  });
  await disarmOrphans(tx, prepared.orphans, log);
  let stepped = 0;
  for (const profile of prepared.profiles.values()) {
    stepped += await catchUp(prepared.batch, profile, heldEvents, bound);
    for (const run of profile.runs) {
      // A claimed run that did not move (its state disagrees with its
      // column, e.g. written by an older version) must not be claimed again.
      if (!run.dirty && run.journey.status === "live") prepared.batch.touch(run);
    }
  }
  const summary = await prepared.batch.flush();
  return { claimed: claimed.length, stepped, sends: summary.sends };
}

/**
 * One profile's claimed runs, up to `bound`: a paused journey's run is
 * written again with its timer disarmed (an archived one's is cancelled), a
 * run a pause left behind catches up (catchUpHeld), then every timer due by
 * `bound` fires at its own time. Returns how many runs moved.
 */
async function catchUp(
  batch: EngineBatch,
  profile: BatchProfile,
  held: ReadonlyMap<string, HeldEvent[]>,
  bound: Date,
): Promise<number> {
  let moved = 0;
  for (const run of profile.runs) {
    if (run.journey.status === "live") continue;
    if (await deliverToRun(batch, profile, run, { kind: "wake" }, run.state.wakeAt ?? bound))
      moved += 1;
  }
  moved += await catchUpHeld(batch, profile, held);
  moved += await wakeDue(batch, profile, { through: bound });
  return moved;
}

/** When the earliest armed timer may fire (null: none), for the worker's sleep. */
export async function nextRunWakeAt(latenessMs = allowedLatenessMs()): Promise<Date | null> {
  const rows = await sql.$queryRaw<{ at: Date | null }[]>`
    SELECT min("wakeAt") AS at FROM journey_runs WHERE "wakeAt" IS NOT NULL`;
  const at = rows[0]?.at ?? null;
  return at && new Date(at.getTime() + latenessMs);
}
