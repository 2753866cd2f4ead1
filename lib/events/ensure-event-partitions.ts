import type pg from "pg";

// Makes the weekly partitions of `events` (ranges of its UUIDv7 id, Monday
// 00:00 UTC to the next, named events_pYYYYMMDD). On any pg client, so the
// start, the worker, ingestion and the tests' template database all make them
// the same way. Plain Node (no server-only): test/global-setup.ts imports it.

/** The advisory lock that making and dropping partitions take. */
export const EVENT_PARTITIONS_LOCK = 4_242_011; // sweep 4_242_010, setup 4_242_001

/** Weeks made ahead of the current one: workers may all be down this long before ingestion has to make one. */
export const PARTITION_WEEKS_AHEAD = 4;

const WEEK_MS = 7 * 86_400_000;

/**
 * Autovacuum's pace on the insert-only tables (every partition of `events`,
 * and `event_dedupe`): a 10 ms sleep per cost round instead of the server's
 * 2 ms. Their vacuum (once a minute under load, to mark new pages visible)
 * ran in bursts of 1–10 s that took a share of a 2-core machine from
 * ingestion; spread over the minute it takes the same work in small pieces.
 * bench:ingest from a fresh `npm start`, ten runs: /batch ≥ 0.5 of the
 * ceiling and /track p99 ≤ 50 ms together in 10 of 10, against 8 of 10 (README).
 */
const VACUUM_COST_DELAY_MS = 10;
export const INSERT_ONLY_VACUUM = `autovacuum_vacuum_cost_delay = ${VACUUM_COST_DELAY_MS}`;
/** How pg_class.reloptions spells it. */
const INSERT_ONLY_RELOPTION = `autovacuum_vacuum_cost_delay=${VACUUM_COST_DELAY_MS}`;

/** The lowest UUIDv7 of an instant (cue_uuidv7_floor in SQL). */
export function uuidv7Floor(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

/** The instant in a UUIDv7's first 48 bits. */
export function uuidv7Time(id: string): number {
  return Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);
}

/** Monday 00:00 UTC of the week holding `ms`. */
export function weekStart(ms: number): number {
  const day = new Date(ms);
  day.setUTCHours(0, 0, 0, 0);
  return day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000;
}

interface Bounds {
  name: string;
  lo: string | null;
  hi: string | null;
}

/**
 * Makes the weekly partitions from this week to `weeksAhead` weeks ahead that
 * do not exist yet (and any week missing between the last one and now, so
 * the ranges stay contiguous after a long stop); returns how many it made.
 * Idempotent, and safe in any number of processes at once: they queue on one
 * advisory lock, and each then reads what the others made. A partition is
 * created empty and then attached, a SHARE UPDATE EXCLUSIVE lock on events:
 * reads and writes go on. `client` must not be in a transaction.
 */
export async function ensureEventPartitionsOn(
  client: Pick<pg.ClientBase, "query">,
  options: { weeksAhead?: number; now?: number } = {},
): Promise<number> {
  const weeksAhead = options.weeksAhead ?? PARTITION_WEEKS_AHEAD;
  const thisWeek = weekStart(options.now ?? Date.now());
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1::bigint)", [EVENT_PARTITIONS_LOCK]);
    const { rows } = await client.query<Bounds>(
      "SELECT name, lo::text AS lo, hi::text AS hi FROM cue_event_partitions()",
    );
    const ends = rows.flatMap((p) => (p.hi ? [uuidv7Time(p.hi)] : []));
    const first = ends.length === 0 ? thisWeek : Math.min(thisWeek, weekStart(Math.max(...ends)));
    let made = 0;
    for (let week = first; week <= thisWeek + weeksAhead * WEEK_MS; week += WEEK_MS) {
      const lo = uuidv7Floor(week);
      const hi = uuidv7Floor(week + WEEK_MS);
      const taken = rows.some((p) => (p.lo === null || p.lo < hi) && (p.hi === null || p.hi > lo));
      if (taken) continue;
      const name = `events_p${new Date(week).toISOString().slice(0, 10).replaceAll("-", "")}`;
      await client.query(
        `CREATE TABLE "${name}" (LIKE events INCLUDING DEFAULTS) WITH (${INSERT_ONLY_VACUUM})`,
      );
      await client.query(
        `ALTER TABLE events ATTACH PARTITION "${name}" FOR VALUES FROM ('${lo}') TO ('${hi}')`,
      );
      rows.push({ name, lo, hi });
      made += 1;
    }
    await paceVacuum(client, [...rows.map((p) => p.name), "event_dedupe"]);
    await client.query("COMMIT");
    return made;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** Sets INSERT_ONLY_VACUUM on the tables that lack it (partitions made before it, an upgrade). */
async function paceVacuum(client: Pick<pg.ClientBase, "query">, tables: string[]): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
     WHERE c.relname = ANY($1::text[]) AND c.relnamespace = current_schema()::regnamespace
       AND NOT (coalesce(c.reloptions, '{}') @> ARRAY[$2::text])`,
    [tables, INSERT_ONLY_RELOPTION],
  );
  for (const { name } of rows) {
    await client.query(`ALTER TABLE "${name}" SET (${INSERT_ONLY_VACUUM})`);
  }
}
