import { Prisma } from "@/lib/generated/prisma/client";
import { eventRetentionDays } from "./event-partitions";

// Event rollups (schema.prisma EventRollup, ARCHITECTURE.md "Event rollups"):
// per profile, tracked event name and UTC day of event time, the count and
// the first and last event time. Every statement that stores tracked events
// writes them (`writeRollups`), in the same statement, so they never
// disagree with `events`; retention drops raw events and keeps them.
//
// A count over (since, at] reads whole days from the rollups and only the
// two edge days from `events` (`rolledCount`): exact to the millisecond,
// never a scan of raw history, and still exact for any window whose first
// day is within the raw events kept. "Ever" and "before the trigger" need
// no raw day but the last one.

/**
 * An INSERT … ON CONFLICT adding `source`'s tracked events to the rollups.
 * `source` yields ("workspaceId", "profileId", name, "timestamp") rows of
 * newly stored track events. Rows are written in key order, the same in
 * every statement, so writers for the same people wait rather than deadlock.
 */
export function writeRollups(
  source: Prisma.Sql,
  /** A bulk load with no concurrent writer: rows in day order, as ingestion makes them over time. */
  options: { bulk?: boolean } = {},
): Prisma.Sql {
  const order = options.bulk ? Prisma.sql`4, 1, 3, 2` : Prisma.sql`1, 2, 3, 4`;
  return Prisma.sql`
    INSERT INTO event_rollups AS r ("workspaceId", "profileId", name, day, count, "firstAt", "lastAt")
    SELECT "workspaceId", "profileId", name, "timestamp"::date, count(*)::int,
           min("timestamp"), max("timestamp")
    FROM (${source}) s
    WHERE name IS NOT NULL
    GROUP BY 1, 2, 3, 4
    ORDER BY ${order}
    ON CONFLICT ("workspaceId", "profileId", name, day) DO UPDATE SET
      count = r.count + excluded.count,
      "firstAt" = least(r."firstAt", excluded."firstAt"),
      "lastAt" = greatest(r."lastAt", excluded."lastAt")`;
}

/** Who and what a count reads: SQL expressions (columns of a LATERAL's outer row, or bound values). */
export interface CountTarget {
  workspaceId: Prisma.Sql;
  profileId: Prisma.Sql;
  name: Prisma.Sql;
}

const eventsOf = (t: CountTarget) => Prisma.sql`
  e."profileId" = ${t.profileId} AND e.name = ${t.name} AND e."workspaceId" = ${t.workspaceId}
  AND e.type = 'track'`;

const rollupsOf = (t: CountTarget) => Prisma.sql`
  ro."workspaceId" = ${t.workspaceId} AND ro."profileId" = ${t.profileId} AND ro.name = ${t.name}`;

/**
 * A subquery of one row, (n int, oldest timestamp): the target's tracked
 * events with event time in (since, at], and the earliest of them. `since`
 * and `at` are timestamp(3) expressions; `since` NULL counts from the first.
 *   whole days after since's and before at's: event_rollups;
 *   at's day up to at, and since's day after since: events, by index on
 *   (profileId, name, timestamp), reading only the partitions that can
 *   hold them (cue_event_id_floor, ARCHITECTURE.md "Pruning").
 */
export function rolledCount(t: CountTarget, since: Prisma.Sql, at: Prisma.Sql): Prisma.Sql {
  const atDay = Prisma.sql`date_trunc('day', ${at})`;
  const sinceDay = Prisma.sql`date_trunc('day', ${since})`;
  return Prisma.sql`(
    SELECT coalesce(sum(part.n), 0)::int AS n, min(part.oldest) AS oldest FROM (
      SELECT sum(ro.count) AS n, min(ro."firstAt") AS oldest FROM event_rollups ro
      WHERE ${rollupsOf(t)}
        AND ro.day > coalesce(${since}::date, '-infinity'::date) AND ro.day < ${at}::date
      UNION ALL
      SELECT count(*), min(e."timestamp") FROM events e
      WHERE ${eventsOf(t)}
        AND e."timestamp" >= ${atDay} AND e."timestamp" <= ${at}
        AND e."timestamp" > coalesce(${since}, '-infinity'::timestamp(3))
        AND e.id >= cue_event_id_floor(greatest(${atDay}, ${since}))
      UNION ALL
      SELECT count(*), min(e."timestamp") FROM events e
      WHERE ${since} IS NOT NULL AND ${eventsOf(t)}
        AND e."timestamp" > ${since} AND e."timestamp" < ${sinceDay} + interval '1 day'
        AND e."timestamp" < ${atDay}
        AND e.id >= cue_event_id_floor(${since})
    ) part)`;
}

/** The event a count stops before: events ordered by (timestamp, receivedAt, id). */
export interface CountBound {
  timestamp: Date;
  receivedAt: Date;
  eventId: string;
}

/**
 * A subquery of one row, (n int): the target's tracked events strictly
 * before `bound` (first-time triggers). Whole days before the bound's day
 * from event_rollups, that day from events.
 */
export function rolledCountBefore(t: CountTarget, bound: CountBound): Prisma.Sql {
  const ts = Prisma.sql`${bound.timestamp}::timestamp(3)`;
  const day = Prisma.sql`date_trunc('day', ${ts})`;
  return Prisma.sql`(
    SELECT coalesce(sum(part.n), 0)::int AS n FROM (
      SELECT sum(ro.count) AS n FROM event_rollups ro
      WHERE ${rollupsOf(t)} AND ro.day < ${ts}::date
      UNION ALL
      SELECT count(*) FROM events e
      WHERE ${eventsOf(t)}
        AND e."timestamp" >= ${day} AND e."timestamp" <= ${ts}
        AND (e."timestamp", e."receivedAt", e.id)
          < (${ts}, ${bound.receivedAt}::timestamp(3), ${bound.eventId}::uuid)
        AND e.id >= cue_event_id_floor(${day})
    ) part)`;
}

/**
 * Event time from which every stored event is still kept, at wall-clock
 * `now`, or null when retention is off (CUE_EVENT_RETENTION_DAYS).
 * Retention keeps every event received in the last `days`, and an event's
 * time is at most a day after its receipt (ingestion refuses later), so an
 * event with time ≥ now − days + 25 h (an hour for clocks) is still there.
 * A range read before it reads the rollups instead.
 */
export function rawEventsKeptFrom(
  now: Date,
  env: Record<string, string | undefined> = process.env,
) {
  const days = eventRetentionDays(env);
  return days === null ? null : new Date(now.getTime() - days * 86_400_000 + 25 * 3_600_000);
}
