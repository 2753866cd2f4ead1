import type { RawDb } from "@/lib/db/sql";

// One profile is evaluated by one transaction at a time: its events in order,
// its timers, its inactivity entry. Without that, two workers could both let
// a profile into a "once" journey, or both spend the last slot of its
// frequency budget. A transaction-scoped advisory lock does it without
// touching the profiles row, which ingestion updates on every event.
//
// Deadlock-free by construction: blocking lockers (events, the sweep) take
// their profiles in one global order (the lock key) before any row lock;
// the timer task, which claims run rows first, only ever *tries*.

/** First key of the two-int advisory lock space, so we never collide with other users. */
const PROFILE_LOCK_SPACE = 0x4355_4501; // "CUE" 1

export async function lockProfiles(tx: RawDb, profileIds: readonly string[]): Promise<void> {
  if (profileIds.length === 0) return;
  await tx.$queryRaw`
    SELECT count(pg_advisory_xact_lock(${PROFILE_LOCK_SPACE}::int, k))::int AS locked
    FROM (SELECT DISTINCT hashtext(id) AS k FROM unnest(${[...profileIds]}::text[]) AS id ORDER BY 1) keys`;
}

/** Locks what is free right now; returns the profiles this transaction holds. */
export async function tryLockProfiles(
  tx: RawDb,
  profileIds: readonly string[],
): Promise<Set<string>> {
  if (profileIds.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ id: string; locked: boolean }[]>`
    SELECT id, pg_try_advisory_xact_lock(${PROFILE_LOCK_SPACE}::int, hashtext(id)) AS locked
    FROM unnest(${[...new Set(profileIds)]}::text[]) AS id ORDER BY hashtext(id)`;
  return new Set(rows.filter((row) => row.locked).map((row) => row.id));
}
