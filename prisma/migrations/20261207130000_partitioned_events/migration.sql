-- Partitioned events (issue 18): `events` becomes a table partitioned by RANGE
-- of its UUIDv7 id, one partition per week (Monday 00:00 UTC), made ahead from
-- Node (lib/events/ensure-event-partitions.ts: at every start, by the worker,
-- and by ingestion when a row finds none). The existing table is kept in place
-- as the partition of everything before next week (`events_before`): no row is
-- copied, none is lost. Dedupe by messageId moves to `event_dedupe`, whose
-- primary key is exact across partitions (a unique index on a partitioned
-- table must include the partition key, so (workspaceId, messageId) can no
-- longer be one on events).
--
-- Prisma's driver adapter runs this file split at every semicolon, so no
-- statement here may hold one inside it: no PL/pgSQL, single-expression SQL
-- functions only, and no semicolon in any comment.

-- The lowest UUIDv7 of an instant (UTC): its 48 bits of Unix milliseconds, then zeros.
CREATE FUNCTION cue_uuidv7_floor(at TIMESTAMP) RETURNS UUID
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (lpad(to_hex(greatest(floor(extract(epoch FROM at) * 1000), 0)::bigint), 12, '0')
          || '00000000000000000000')::uuid
$$;

-- `id` with its first 48 bits set to the instant's milliseconds and its
-- version to 7: the UUIDv7 of that instant that keeps id's other bits.
CREATE FUNCTION cue_uuidv7_with_time(id UUID, at TIMESTAMP) RETURNS UUID
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT encode(set_bit(set_bit(set_bit(set_bit(overlay(uuid_send(id)
    PLACING substring(int8send(greatest(floor(extract(epoch FROM at) * 1000), 0)::bigint) FROM 3)
    FROM 1 FOR 6), 52, 1), 53, 1), 54, 1), 55, 0), 'hex')::uuid
$$;

-- A new UUIDv7 (the ids ingestion makes in Node, lib/db/uuidv7.ts), for rows
-- inserted without an id.
CREATE FUNCTION cue_uuidv7() RETURNS UUID
LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT cue_uuidv7_with_time(gen_random_uuid(), clock_timestamp() AT TIME ZONE 'UTC')
$$;

-- The lowest id an event whose event time is `at` or later can have. An
-- event's id is made when it is received, and ingestion refuses event times
-- more than 24 hours after receipt (MAX_FUTURE_MS), so the id's time is at
-- least `at` - 24 h, and one more hour covers clocks between processes. Reads
-- by event time add `id >= cue_event_id_floor(since)` so PostgreSQL prunes the
-- older partitions.
CREATE FUNCTION cue_event_id_floor(at TIMESTAMP) RETURNS UUID
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT cue_uuidv7_floor(at - interval '25 hours')
$$;

-- The first instant of next week (UTC), where the weekly partitions begin.
CREATE FUNCTION cue_next_event_week() RETURNS TIMESTAMP
LANGUAGE sql STABLE AS $$
  SELECT date_trunc('week', now() AT TIME ZONE 'UTC') + interval '1 week'
$$;

-- 1. The existing table becomes the partition of everything before next week.
ALTER TABLE "events" RENAME TO "events_before";
ALTER INDEX "events_pkey" RENAME TO "events_before_pkey";
ALTER INDEX "events_profileId_timestamp_idx" RENAME TO "events_before_profileId_timestamp_idx";
ALTER INDEX "events_profileId_name_timestamp_idx" RENAME TO "events_before_profileId_name_timestamp_idx";
ALTER INDEX "events_workspaceId_name_timestamp_idx" RENAME TO "events_before_workspaceId_name_timestamp_idx";
ALTER INDEX "events_workspaceId_receivedAt_idx" RENAME TO "events_before_workspaceId_receivedAt_idx";
ALTER TABLE "events_before" ALTER COLUMN "id" SET DEFAULT cue_uuidv7();

-- 2. Rows whose id lies at or past next week (ids made outside ingestion with
-- the old gen_random_uuid() default, or on a clock ahead) get the UUIDv7 of
-- their receipt that keeps their other bits, and the rows naming them follow
-- first. Usually there are none.
UPDATE "engine_queue" q
SET "eventId" = cue_uuidv7_with_time(e.id, least(e."receivedAt", now() AT TIME ZONE 'UTC'))
FROM "events_before" e
WHERE q."eventId" = e.id AND e.id >= cue_uuidv7_floor(cue_next_event_week());
UPDATE "held_events" h
SET "eventId" = cue_uuidv7_with_time(e.id, least(e."receivedAt", now() AT TIME ZONE 'UTC'))
FROM "events_before" e
WHERE h."eventId" = e.id AND e.id >= cue_uuidv7_floor(cue_next_event_week());
UPDATE "events_before"
SET id = cue_uuidv7_with_time(id, least("receivedAt", now() AT TIME ZONE 'UTC'))
WHERE id >= cue_uuidv7_floor(cue_next_event_week());

-- 3. Dedupe keys: one per stored event (the old unique index held them unique).
CREATE TABLE "event_dedupe" (
    "workspaceId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "eventId" UUID NOT NULL,

    CONSTRAINT "event_dedupe_pkey" PRIMARY KEY ("workspaceId","messageId")
);
INSERT INTO "event_dedupe" ("workspaceId", "messageId", "eventId")
SELECT "workspaceId", "messageId", id FROM "events_before";
DROP INDEX "events_workspaceId_messageId_key";

-- A BRIN index: ids grow with time, so it is tiny and costs ingestion almost
-- nothing. Retention finds the keys of dropped partitions with it.
CREATE INDEX "event_dedupe_eventId_idx" ON "event_dedupe" USING BRIN ("eventId");

-- 4. The partitioned table, with the same columns and index names.
CREATE TABLE "events" (
    "id" UUID NOT NULL DEFAULT cue_uuidv7(),
    "workspaceId" TEXT NOT NULL,
    "profileId" UUID NOT NULL,
    "messageId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT,
    "userId" TEXT,
    "anonymousId" TEXT,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "traits" JSONB,
    "context" JSONB,
    "extra" JSONB,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
) PARTITION BY RANGE ("id");
CREATE INDEX "events_profileId_timestamp_idx" ON "events"("profileId", "timestamp");
CREATE INDEX "events_profileId_name_timestamp_idx" ON "events"("profileId", "name", "timestamp");
CREATE INDEX "events_workspaceId_name_timestamp_idx" ON "events"("workspaceId", "name", "timestamp");
CREATE INDEX "events_workspaceId_receivedAt_idx" ON "events"("workspaceId", "receivedAt");

-- The existing rows' indexes become the partition's (ATTACH finds and reuses
-- them), and the check scans the table once: nothing is rewritten. The bound
-- is an expression evaluated once, now.
ALTER TABLE "events" ATTACH PARTITION "events_before"
  FOR VALUES FROM (MINVALUE) TO (cue_uuidv7_floor(cue_next_event_week()));
DROP FUNCTION cue_next_event_week();

-- The partitions of events: name, bounds (NULL: MINVALUE / MAXVALUE), and
-- whether a DETACH … CONCURRENTLY of it was interrupted (retention finishes it).
CREATE FUNCTION cue_event_partitions() RETURNS TABLE (name TEXT, lo UUID, hi UUID, pending BOOLEAN)
LANGUAGE sql STABLE AS $$
  SELECT c.relname::text,
         (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \(''([0-9a-f-]+)''\)'))[1]::uuid,
         (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \(''([0-9a-f-]+)''\)'))[1]::uuid,
         i.inhdetachpending
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
  WHERE i.inhparent = 'events'::regclass
$$;
