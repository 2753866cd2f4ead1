import "server-only";
import { jsonPart, jsonTimestamp, queryParts, type RawDb } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { applyVerdicts, membershipsPart } from "./apply-membership";
import { type PointReads, profileFacts, profileKey, segmentPointReads } from "./evaluate-members";
import type { LiveSegment } from "./refresh-segments";

// A new segment (or a changed condition) over every profile of its
// workspace, at one instant, through the live path's evaluator
// (evaluate-members.ts). What differs is how counts are read: per profile,
// a count is an index probe on events (profileId, name, timestamp), and a
// million profiles make millions of probes. Here each count without property
// filters is aggregated once for the whole workspace, from event_rollups
// (workspaceId, name, day) for whole days and events (workspaceId, name,
// timestamp) for the edge days, into a temporary table
// dropped at commit; then profiles are read in id order, 5,000 at a time,
// each chunk with its counts (a range of that table), its current memberships
// and the rows of counts with property filters in one statement, and written
// in one.

const CHUNK = 5_000;

interface CountRow {
  pid: string;
  k: number;
  n: number;
  oldest: string | null;
}

interface ProfileRow {
  id: string;
  workspaceId: string;
  traits: Prisma.JsonValue;
  firstSeenAt: Date;
  lastSeenAt: Date;
  timezone: string | null;
  email: string | null;
}

export async function computeSegment(tx: RawDb, segment: LiveSegment, now: Date): Promise<void> {
  const queries = segment.reads.counts.filter((q) => q.where.length === 0);
  const since = queries.map((q) =>
    q.withinMs === null ? null : new Date(now.getTime() - q.withinMs),
  );
  const counted = queries.length > 0;
  if (counted) {
    // The aggregate of up to millions of events stays in memory rather than spilling.
    await tx.$executeRaw`SELECT set_config('work_mem', '128MB', true)`;
    await tx.$executeRaw`
      CREATE TEMP TABLE segment_compute_counts (
        pid uuid NOT NULL, k int NOT NULL, n int NOT NULL, oldest timestamp(3),
        PRIMARY KEY (pid, k)) ON COMMIT DROP`;
    // As rolledCount (event-rollups.ts) reads one profile's count, for the
    // whole workspace: whole days from event_rollups (workspaceId, name,
    // day), the day of `now` and each window's first day from events.
    const at = Prisma.sql`${now}::timestamp(3)`;
    const atDay = Prisma.sql`date_trunc('day', ${at})`;
    const ws = segment.workspaceId;
    await tx.$executeRaw`
      WITH q AS MATERIALIZED (
        SELECT * FROM unnest(${queries.map((q) => q.event)}::text[], ${since}::timestamp(3)[])
          WITH ORDINALITY AS q(name, since, k))
      INSERT INTO segment_compute_counts (pid, k, n, oldest)
      SELECT pid, k::int, sum(n)::int, min(oldest) FROM (
        SELECT ro."profileId" AS pid, q.k, sum(ro.count) AS n, min(ro."firstAt") AS oldest
        FROM q
        JOIN event_rollups ro ON ro."workspaceId" = ${ws} AND ro.name = q.name
          AND ro.day > coalesce(q.since::date, '-infinity'::date) AND ro.day < ${at}::date
        GROUP BY 1, 2
        UNION ALL
        SELECT e."profileId", q.k, count(*), min(e."timestamp")
        FROM q
        JOIN events e ON e."workspaceId" = ${ws} AND e.name = q.name AND e.type = 'track'
          AND e."timestamp" >= ${atDay} AND e."timestamp" <= ${at}
          AND e."timestamp" > coalesce(q.since, '-infinity'::timestamp(3))
          AND e.id >= cue_event_id_floor(${atDay})
        GROUP BY 1, 2
        UNION ALL
        SELECT e."profileId", q.k, count(*), min(e."timestamp")
        FROM q
        JOIN events e ON e."workspaceId" = ${ws} AND e.name = q.name AND e.type = 'track'
          AND q.since IS NOT NULL AND e."timestamp" > q.since
          AND e."timestamp" < date_trunc('day', q.since) + interval '1 day'
          AND e."timestamp" < ${atDay}
          AND e.id >= cue_event_id_floor(q.since)
        GROUP BY 1, 2
      ) parts
      GROUP BY 1, 2`;
    await tx.$executeRaw`ANALYZE segment_compute_counts`;
  }
  // A new segment has no members or timers yet: nothing to read per chunk, nothing to clear.
  const [held] = await tx.$queryRaw<{ members: boolean; timers: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM segment_memberships WHERE "segmentId" = ${segment.id}) AS members,
           EXISTS (SELECT 1 FROM segment_timers WHERE "segmentId" = ${segment.id}) AS timers`;
  // A count's position in `queries` (1-based, as k) from its request's event and window.
  const kOf = new Map(
    queries.map((q, i) => [`${q.event}|${since[i]?.getTime() ?? ""}`, i + 1] as const),
  );
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await tx.$queryRaw<ProfileRow[]>`
      SELECT id::text AS id, "workspaceId", traits, "firstSeenAt", "lastSeenAt", timezone, email
      FROM profiles
      WHERE "workspaceId" = ${segment.workspaceId} AND id > ${after}::uuid
      -- The uuid column, not the text alias: in the primary key's order, so
      -- each chunk is a range of that index, not a sort of every profile.
      ORDER BY profiles.id LIMIT ${CHUNK}`;
    if (rows.length === 0) break;
    const first = rows[0]?.id as string;
    const last = rows[rows.length - 1]?.id as string;
    after = last;
    const points = rows.map((row) => ({ segment, profileId: row.id, at: now }));
    const { parts, decide, plainRequests } = segmentPointReads(points, {
      facts: true,
      counts: true,
    });
    const loaded = await queryParts(tx, {
      rows: parts.rows,
      current: membershipsPart(
        held?.members ? rows.map((r) => ({ segmentId: segment.id, profileId: r.id })) : [],
      ),
      counts: jsonPart<CountRow, CountRow[]>(
        counted
          ? Prisma.sql`
        SELECT pid::text AS pid, k, n, oldest FROM segment_compute_counts
        WHERE pid BETWEEN ${first}::uuid AND ${last}::uuid`
          : null,
        (list) => list,
      ),
    });
    const byProfile = new Map<string, { n: number; oldest: Date | null }>();
    for (const c of loaded.counts) {
      byProfile.set(`${c.pid}|${c.k}`, { n: c.n, oldest: jsonTimestamp(c.oldest) });
    }
    const counts: PointReads["counts"] = new Map();
    plainRequests.forEach((request, index) => {
      const k = kOf.get(`${request.event}|${request.since?.getTime() ?? ""}`);
      const found = k === undefined ? undefined : byProfile.get(`${request.profileId}|${k}`);
      if (found) counts.set(index, found);
    });
    const facts = new Map(
      rows.map((row) => [profileKey(row.workspaceId, row.id), profileFacts(row)]),
    );
    const verdicts = decide({ facts, counts, rows: loaded.rows }).flatMap((v, i) =>
      v
        ? [
            {
              segment,
              profileId: rows[i]?.id as string,
              member: v.member,
              at: now,
              // No timer to clear on a new segment.
              nextCheckAt: v.nextCheckAt ?? (held?.timers ? null : undefined),
            },
          ]
        : [],
    );
    await applyVerdicts(tx, verdicts, { events: false, receivedAt: now }, loaded.current);
  }
}
