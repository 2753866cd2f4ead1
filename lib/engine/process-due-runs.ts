import "server-only";
import { type RawDb, sql, sqlTransaction } from "@/lib/db/sql";
import { type Clock, systemClock } from "./clock";
import { deliverToRun } from "./deliver-to-run";
import type { ProfileRef } from "./load-facts";
import { disarmOrphans, prepareBatch } from "./prepare-batch";
import { tryLockProfiles } from "./profile-locks";
import type { RunRow } from "./run-rows";

// The "engine-timers" task: delays, wait timeouts and deferred sends are a
// `wakeAt` on the run row. Any number of workers claim due rows with
// FOR UPDATE SKIP LOCKED (so each run goes to one of them), step each with
// { kind: "wake" } and apply the effects in the same transaction. A worker
// killed mid-batch leaves the rows to the next claim; an early or repeated
// wake is a no-op in the core, so at-least-once claiming is exactly-once in
// effect.

export const ENGINE_TIMERS_TASK = "engine-timers";
const DEFAULT_BATCH = 500;

export interface ProcessDueRunsOptions {
  now?: Clock;
  batchSize?: number;
  log?: (line: string) => void;
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
  return sqlTransaction((tx) => processBatch(tx, clock(), limit, log));
}

// Cross-workspace on purpose: a worker serves every tenant, and the index on
// wakeAt orders all due timers. Each run's own workspaceId scopes what follows.
async function claimDueRuns(tx: RawDb, now: Date, limit: number): Promise<RunRow[]> {
  return tx.$queryRaw<RunRow[]>`
    SELECT id, "workspaceId", "journeyId", "versionId", "profileId"::text AS "profileId", state
    FROM journey_runs
    WHERE "wakeAt" <= ${now}::timestamp(3)
    ORDER BY "wakeAt"
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
}

async function processBatch(
  tx: RawDb,
  now: Date,
  limit: number,
  log: (line: string) => void,
): Promise<ProcessDueRunsResult> {
  const claimed = await claimDueRuns(tx, now, limit);
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

  const prepared = await prepareBatch(tx, now, {
    refs: [...refs.values()],
    runRows,
    entryJourneys: [],
    log,
  });
  await disarmOrphans(tx, prepared.orphans, log);
  let stepped = 0;
  for (const profile of prepared.profiles.values()) {
    for (const run of profile.runs) {
      const changed = await deliverToRun(prepared.batch, profile, run, { kind: "wake" });
      if (changed) stepped += 1;
      // A claimed run that did not move (its state disagrees with its
      // column, e.g. written by an older version) must not be claimed again.
      else if (run.journey.status === "live") prepared.batch.touch(run);
    }
  }
  const summary = await prepared.batch.flush();
  return { claimed: claimed.length, stepped, sends: summary.sends };
}

/** When the earliest armed timer is due (null: none), for the worker's sleep. */
export async function nextRunWakeAt(): Promise<Date | null> {
  const rows = await sql.$queryRaw<{ at: Date | null }[]>`
    SELECT min("wakeAt") AS at FROM journey_runs WHERE "wakeAt" IS NOT NULL`;
  return rows[0]?.at ?? null;
}
