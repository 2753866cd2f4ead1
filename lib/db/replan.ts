import type pg from "pg";

// When each pooled connection makes its plans again (used by lib/db/sql.ts).

/**
 * REPLAN. A generic plan is kept until ANALYZE invalidates it, and one made
 * while a table held a handful of rows is wrong once it has grown: it scans
 * the table (every plan costs ~0 on an empty one), or picks any index that
 * starts with the right column (every probe costs the same on a tiny table),
 * so a probe by (workspace, profile) on a (workspace, created) index scans the
 * workspace. On a new database such a plan stays until autovacuum's first
 * ANALYZE of the table, a minute or more; PostgreSQL also picks generic plans
 * by itself (after five executions, when one looks no dearer than custom
 * ones), so this is true of every pooled statement, not only the engine's.
 * So each connection makes its plans again (DISCARD PLANS, before its next
 * statement or BEGIN) 1, 3, 7, 15, 31 s after its first use, then once a
 * minute: each time from the tables' current size. Measured on bench:engine
 * (fresh database): the engine's plans made in the first second were ~10×
 * slower per batch, and the inbox stream's read, planned on an empty
 * inbox_items, scanned it for every item (6.5 ms each at 150 events/s).
 */
const REPLAN_FIRST_MS = 1_000;
const REPLAN_MAX_MS = 60_000;

/** When a connection's plans are next made again, and the wait after that. */
export interface ReplanSchedule {
  at: number;
  every: number;
}

/** Whether a connection with `schedule` makes its plans again now, and its schedule after. */
export function nextReplan(
  schedule: ReplanSchedule | undefined,
  now: number,
): { discard: boolean; schedule: ReplanSchedule } {
  if (!schedule)
    return {
      discard: false,
      schedule: { at: now + REPLAN_FIRST_MS, every: 2 * REPLAN_FIRST_MS },
    };
  if (now < schedule.at) return { discard: false, schedule };
  return {
    discard: true,
    schedule: { at: now + schedule.every, every: Math.min(2 * schedule.every, REPLAN_MAX_MS) },
  };
}

const replanSchedules = new WeakMap<pg.PoolClient, ReplanSchedule>();

export function replanDue(client: pg.PoolClient): boolean {
  const { discard, schedule } = nextReplan(replanSchedules.get(client), Date.now());
  replanSchedules.set(client, schedule);
  return discard;
}
