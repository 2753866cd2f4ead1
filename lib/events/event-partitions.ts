import "server-only";
import { postgresErrorCode } from "@/lib/db/postgres-errors";
import { getPool, type RawDb, sql } from "@/lib/db/sql";
import {
  EVENT_PARTITIONS_LOCK,
  ensureEventPartitionsOn,
  uuidv7Time,
} from "./ensure-event-partitions";

// The weekly partitions of `events` and retention (ARCHITECTURE.md,
// Database). Making them is ensure-event-partitions.ts, on any pg client.

const DAY_MS = 86_400_000;

/**
 * Makes the coming weeks' partitions that do not exist yet (see
 * ensureEventPartitionsOn), on a pooled connection; returns how many it made.
 */
export async function ensureEventPartitions(
  options: { weeksAhead?: number; now?: number } = {},
): Promise<number> {
  const client = await getPool().connect();
  let broken: Error | undefined;
  try {
    return await ensureEventPartitionsOn(client, options);
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * An insert whose id has no partition (23514 "no partition of relation
 * events found for row"): no worker made this week's partition in time.
 * Ingestion makes them and tries again.
 */
export function isMissingEventPartition(error: unknown): boolean {
  return (
    postgresErrorCode(error) === "23514" &&
    error instanceof Error &&
    error.message.includes('no partition of relation "events"')
  );
}

export interface EventPartition {
  name: string;
  /** The first instant of its ids (null: the partition of everything before the first week). */
  from: Date | null;
  /** The instant its ids end before (null: unbounded). */
  to: Date | null;
}

/** The partitions of events, oldest first. */
export async function listEventPartitions(db: RawDb = sql): Promise<EventPartition[]> {
  const rows = await db.$queryRaw<{ name: string; lo: string | null; hi: string | null }[]>`
    SELECT name, lo::text AS lo, hi::text AS hi FROM cue_event_partitions()
    ORDER BY hi NULLS LAST`;
  const time = (id: string | null) => (id === null ? null : new Date(uuidv7Time(id)));
  return rows.map((row) => ({ name: row.name, from: time(row.lo), to: time(row.hi) }));
}

/**
 * CUE_EVENT_RETENTION_DAYS: days of raw events kept (by receipt), for the
 * whole deployment; null (unset, empty or not a positive number) keeps them all.
 */
export function eventRetentionDays(env: Record<string, string | undefined> = process.env) {
  const value = env.CUE_EVENT_RETENTION_DAYS?.trim();
  if (!value) return null;
  const days = Number(value);
  return Number.isFinite(days) && days > 0 ? days : null;
}

export interface RetentionResult {
  /** Partitions dropped (whole: no DELETE of events). */
  dropped: string[];
  /** Dedupe keys of dropped events deleted (event_dedupe). */
  keys: number;
}

// Names the migration and cue_ensure_event_partitions give; anything else is left alone.
const PARTITION_NAME = /^events_(before|p\d{8})$/;

/**
 * Drops every partition of events whose ids all lie before `now - days`, so
 * between `days` and `days + 7` days of events are kept. Each one is first
 * detached with DETACH PARTITION … CONCURRENTLY (a SHARE UPDATE EXCLUSIVE
 * lock: ingestion and reads go on; it waits for queries that may still read
 * the partition), then dropped as a table of its own. One process at a time
 * (the partitions' advisory lock; another returns at once). A detach
 * interrupted half-way is finished (FINALIZE) by the next round. Then the
 * dropped events' dedupe keys go, in batches (`keyBatch`).
 */
export async function dropExpiredEvents(
  now: Date,
  days: number,
  options: { keyBatch?: number } = {},
): Promise<RetentionResult> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  // DETACH … CONCURRENTLY cannot run in a transaction: a connection of its
  // own, holding a session-level advisory lock.
  const client = await getPool().connect();
  const dropped: string[] = [];
  let broken: Error | undefined;
  try {
    const { rows: lock } = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock($1::bigint) AS locked",
      [EVENT_PARTITIONS_LOCK],
    );
    if (!lock[0]?.locked) return { dropped, keys: 0 };
    try {
      const { rows } = await client.query<{ name: string; pending: boolean }>(
        `SELECT name, pending FROM cue_event_partitions()
         WHERE hi IS NOT NULL AND hi <= cue_uuidv7_floor($1::timestamp(3))
         ORDER BY hi`,
        [cutoff.toISOString()],
      );
      for (const { name, pending } of rows) {
        if (!PARTITION_NAME.test(name)) continue;
        await client.query(
          `ALTER TABLE events DETACH PARTITION "${name}" ${pending ? "FINALIZE" : "CONCURRENTLY"}`,
        );
        await client.query(`DROP TABLE "${name}"`);
        dropped.push(name);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [EVENT_PARTITIONS_LOCK]);
    }
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A connection whose statement failed may hold the session lock: never reuse it.
    client.release(broken);
  }
  const keys = await pruneDedupeKeys(sql, options.keyBatch ?? 10_000);
  return { dropped, keys };
}

/**
 * Deletes the dedupe keys of events below the oldest partition (dropped by
 * retention), `batch` at a time, found through event_dedupe's BRIN index on
 * eventId. Idempotent: a round stopped half-way is finished by the next.
 */
export async function pruneDedupeKeys(db: RawDb, batch: number): Promise<number> {
  // The lowest bound of what is kept: none while events_before (MINVALUE) is.
  const [oldest] = await db.$queryRaw<{ lo: string | null }[]>`
    SELECT lo::text AS lo FROM cue_event_partitions()
    ORDER BY lo NULLS FIRST LIMIT 1`;
  if (!oldest?.lo) return 0;
  let total = 0;
  for (;;) {
    const count = await db.$executeRaw`
      DELETE FROM event_dedupe WHERE ctid = ANY(ARRAY(
        SELECT ctid FROM event_dedupe WHERE "eventId" < ${oldest.lo}::uuid LIMIT ${batch}))`;
    total += count;
    if (count < batch) return total;
  }
}
