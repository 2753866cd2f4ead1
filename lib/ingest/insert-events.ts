import "server-only";
import type { RawDb } from "@/lib/db/sql";
import { uuidv7 } from "@/lib/db/uuidv7";
import { writeRollups } from "@/lib/events/event-rollups";
import { Prisma } from "@/lib/generated/prisma/client";
import { traitPreferencesCte } from "@/lib/topics/topic-trait";
import type { NormalizedMessage, Rejection } from "./types";
import type { CatalogCount } from "./update-catalog";

export interface WriteEventsInput {
  workspaceId: string;
  receivedAt: Date;
  /** Valid calls, unique by messageId, in event-time order. */
  messages: readonly NormalizedMessage[];
  /** Final profile of each message, by message index. */
  profileOf: ReadonlyMap<number, string>;
  rejections: readonly Rejection[];
  /** Hand new events to the journey engine (engine_queue rows). */
  evaluate: boolean;
}

/**
 * lastSeenAt moves forward in steps of at least this much. Rewriting a
 * profile row costs as much as inserting an event (lastSeenAt is indexed, so
 * every index gets a new entry), and an active user sends many events a
 * minute; "last seen" to the minute is what journeys and the UI need.
 */
export const LAST_SEEN_RESOLUTION_MS = 60_000;
const LAST_SEEN_RESOLUTION = `${LAST_SEEN_RESOLUTION_MS / 1000} seconds`;

// The profile merge's rules (lib/journey-core/profile-merge.ts) in SQL.
// `tp` is the batch's trait patch of the profile (trait_patches), `s` what
// the batch saw of it (seen).

// `profile.traits` after this batch's identify calls: keys set to null go.
const PATCHED_TRAITS = Prisma.sql`((p.traits - coalesce(tp.unset, '{}')) || coalesce(tp.set, '{}'))`;

// email and the trait timezone follow their keys, with the values Node made
// of the winning identify's traits (normalizeEmail, validTimezone).
const NEW_EMAIL = Prisma.sql`CASE WHEN tp.has_email THEN tp.email ELSE p.email END`;
const NEW_TRAIT_TIMEZONE = Prisma.sql`CASE WHEN tp.has_timezone THEN tp.trait_tz ELSE p."traitTimezone" END`;

// The device timezone moves to the batch's latest report, unless that is
// what is stored or a stored call with a later event time reported one. The
// probe runs only for a report that differs, which is rare.
const deviceTimezoneMoves = (workspaceId: string) => Prisma.sql`(s.context_reported
  AND s.context_tz IS DISTINCT FROM p."contextTimezone"
  AND NOT EXISTS (
    SELECT 1 FROM events e
    WHERE e."workspaceId" = ${workspaceId} AND e."profileId" = p.id
      AND e."timestamp" > s.context_at AND e.id >= cue_event_id_floor(s.context_at)
      AND jsonb_typeof(e.context -> 'timezone') = 'string'))`;

/**
 * Writes one batch in ONE statement: the events (skipping stored messageIds),
 * the profile updates they imply, group memberships, the engine queue rows
 * and the rejected items. One statement means one round trip and one atomic
 * unit even outside an explicit transaction. Only calls actually inserted
 * (not duplicates) update profiles and groups, so a retried batch changes
 * nothing. It returns how many new events each catalog name got, for
 * runAfterCommit (catalog counts and the engine's NOTIFY, see there).
 *
 * Parts a batch does not need (trait merges without identify calls, groups
 * without group calls, …) are left out of the statement, which keeps
 * planning cheap for the common all-track batch and the single /track call.
 *
 * Lock order, the same in every request: profiles by id (`locked`), then
 * dedupe keys by messageId, then the few profile rows that change, then groups by
 * id. The output columns are evaluated left to right, which is what fixes
 * that order. Two batches rewriting the same profiles in opposite orders can
 * still deadlock in rare cases; PostgreSQL detects it and ingest-batch
 * retries the loser.
 */
export async function writeEvents(
  db: RawDb,
  input: WriteEventsInput,
): Promise<{ inserted: number; catalog: CatalogCount[]; inbox: number }> {
  const { workspaceId, messages, profileOf } = input;
  const receivedAt = input.receivedAt.toISOString();
  // Time-ordered ids: the events' primary key grows at its right edge.
  const now = Date.now();
  // Sorted, so that within the batch ids follow `ord` (event time, then
  // position): replays that order a profile's events by (timestamp,
  // receivedAt, id) see equal times in the order ingestion applied them.
  const ids = messages.map(() => uuidv7(now)).sort();
  const rows = JSON.stringify(
    messages.map((m, ord) => ({
      ord,
      id: ids[ord],
      messageId: m.messageId,
      profileId: profileOf.get(m.index),
      type: m.type,
      name: m.name,
      userId: m.userId,
      anonymousId: m.anonymousId,
      properties: m.properties,
      traits: m.traits,
      context: m.context,
      extra: m.extra,
      timestamp: m.timestamp.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      groupId: m.groupId,
      traitEmail: m.traitEmail,
      traitTimezone: m.traitTimezone,
      contextTimezoneReported: m.contextTimezoneReported,
      contextTimezone: m.contextTimezone,
    })),
  );
  // Passed as an array so PostgreSQL fetches the profiles by primary key
  // rather than scanning the workspace's profiles to join them.
  const profileIds = [...new Set(profileOf.values())].sort();
  const hasIdentify = messages.some((m) => m.type === "identify");
  const hasGroup = messages.some((m) => m.type === "group");
  const hasRejections = input.rejections.length > 0;
  const deviceMoves = deviceTimezoneMoves(workspaceId);
  const newContextTimezone = Prisma.sql`CASE WHEN ${deviceMoves} THEN s.context_tz ELSE p."contextTimezone" END`;

  const ctes: Prisma.Sql[] = [
    Prisma.sql`src AS MATERIALIZED (
      SELECT * FROM jsonb_to_recordset(${rows}::jsonb) AS r(
        ord int, id uuid, "messageId" text, "profileId" uuid, type text, name text,
        "userId" text, "anonymousId" text, properties jsonb, traits jsonb,
        context jsonb, extra jsonb, "timestamp" timestamp(3), "sentAt" timestamp(3),
        "groupId" text, "traitEmail" text, "traitTimezone" text,
        "contextTimezoneReported" boolean, "contextTimezone" text))`,
    // FOR KEY SHARE, what a foreign key would take: concurrent batches for
    // the same people do not wait for each other, but a merge or an erasure
    // (which deletes the profile) waits for this statement to commit, and
    // one that committed first makes the profile drop out here (the guard).
    // It also reads what profile_updates compares, so that only profiles
    // with something new are looked up again to be updated.
    Prisma.sql`locked AS MATERIALIZED (
      SELECT id, "firstSeenAt", "lastSeenAt", "contextTimezone"
      FROM profiles
      WHERE id = ANY(${profileIds}::uuid[]) AND "workspaceId" = ${workspaceId}
      ORDER BY id
      FOR KEY SHARE)`,
    // Dedupe by messageId is event_dedupe's primary key, exact across every
    // partition of events (whose own unique indexes must include the
    // partition key, the id). Stored messageIds are filtered out by an index
    // probe rather than with ON CONFLICT DO NOTHING, whose speculative
    // insertion made this insert three times slower. Two requests inserting
    // the same new messageId at the same instant (a client retrying while
    // the first attempt is still running) make one of them fail on the
    // primary key; ingest-batch retries it, and the retry finds the other's rows.
    Prisma.sql`keys AS (
      INSERT INTO event_dedupe ("workspaceId", "messageId", "eventId")
      SELECT ${workspaceId}, "messageId", id FROM src
      -- OFFSET 0 keeps this a probe of the key per message: as an anti-join, a
      -- generic plan made while the table was small hashed every key of the
      -- workspace on each request.
      WHERE NOT EXISTS (
        SELECT 1 FROM event_dedupe d
        WHERE d."workspaceId" = ${workspaceId} AND d."messageId" = src."messageId"
        OFFSET 0)
      ORDER BY "messageId"
      RETURNING "messageId")`,
    Prisma.sql`inserted AS (
      INSERT INTO events (id, "workspaceId", "profileId", "messageId", type, name, "userId",
        "anonymousId", properties, traits, context, extra, "timestamp", "sentAt", "receivedAt")
      SELECT id, ${workspaceId}, "profileId", "messageId", type, name, "userId", "anonymousId",
        coalesce(properties, '{}'), traits, context, extra, "timestamp", "sentAt",
        ${receivedAt}::timestamp(3)
      FROM src JOIN keys USING ("messageId")
      ORDER BY id
      RETURNING "messageId")`,
    Prisma.sql`fresh AS MATERIALIZED (
      SELECT src.* FROM inserted JOIN src USING ("messageId"))`,
    hasIdentify
      ? // Per profile and trait key, what the batch's latest identify says,
        // unless a stored identify with a later event time already decided
        // the key (an older identify arriving late changes only the rest).
        Prisma.sql`trait_patches AS (
          SELECT "profileId",
                 jsonb_object_agg(key, value) FILTER (WHERE jsonb_typeof(value) <> 'null') AS set,
                 array_agg(key) FILTER (WHERE jsonb_typeof(value) = 'null') AS unset,
                 bool_or(key = 'email') AS has_email,
                 max(email) FILTER (WHERE key = 'email') AS email,
                 bool_or(key = 'timezone') AS has_timezone,
                 max(tz) FILTER (WHERE key = 'timezone') AS trait_tz
          FROM (
            SELECT DISTINCT ON (f."profileId", t.key) f."profileId", t.key, t.value, f."timestamp",
                   f."traitEmail" AS email, f."traitTimezone" AS tz
            FROM fresh f CROSS JOIN LATERAL jsonb_each(f.traits) t
            WHERE f.type = 'identify'
            ORDER BY f."profileId", t.key, f."timestamp" DESC, f.ord DESC
          ) latest
          -- LATERAL … LIMIT 1, not NOT EXISTS: an index probe per key. As
          -- an anti-join the generic plan read every identify of the workspace.
          LEFT JOIN LATERAL (
            SELECT true AS found FROM events e
            WHERE e."profileId" = latest."profileId" AND e.name IS NULL
              AND e."timestamp" > latest."timestamp"
              -- Only the partitions that can hold a later event (ARCHITECTURE.md).
              AND e.id >= cue_event_id_floor(latest."timestamp")
              AND e."workspaceId" = ${workspaceId} AND e.type = 'identify' AND e.traits ? latest.key
            LIMIT 1
          ) later ON true
          WHERE later.found IS NULL
          GROUP BY "profileId")`
      : Prisma.sql`trait_patches AS (
          SELECT NULL::uuid AS "profileId", NULL::jsonb AS set, NULL::text[] AS unset,
                 NULL::boolean AS has_email, NULL::text AS email,
                 NULL::boolean AS has_timezone, NULL::text AS trait_tz
          WHERE false)`,
    // Per profile: seen times, and the batch's latest device timezone report.
    Prisma.sql`seen AS (
      SELECT "profileId", min("timestamp") AS first_seen, max("timestamp") AS last_seen,
             bool_or("contextTimezoneReported") AS context_reported,
             (array_agg("contextTimezone" ORDER BY "timestamp" DESC, ord DESC)
               FILTER (WHERE "contextTimezoneReported"))[1] AS context_tz,
             max("timestamp") FILTER (WHERE "contextTimezoneReported") AS context_at
      FROM fresh GROUP BY "profileId")`,
    // The profiles with something new, as `locked` read them; the update
    // below checks again. lastSeenAt and firstSeenAt only move one way and
    // every identified profile is kept, so nothing is missed there. A
    // concurrent batch's uncommitted change is not seen here (a key-share
    // lock does not wait for it), nor by the probes into stored events: of
    // two requests in flight at once for the same person, the one that
    // commits last wins where their calls disagree.
    Prisma.sql`changed AS (
      SELECT s.* FROM seen s JOIN locked l ON l.id = s."profileId"
      WHERE s."profileId" IN (SELECT "profileId" FROM trait_patches)
        OR s.first_seen < l."firstSeenAt"
        OR s.last_seen >= l."lastSeenAt" + ${LAST_SEEN_RESOLUTION}::interval
        OR (s.context_reported AND s.context_tz IS DISTINCT FROM l."contextTimezone"))`,
    // A row with nothing new is left alone (see LAST_SEEN_RESOLUTION).
    Prisma.sql`profile_updates AS (
      UPDATE profiles p SET
        traits = ${PATCHED_TRAITS},
        email = ${NEW_EMAIL},
        "traitTimezone" = ${NEW_TRAIT_TIMEZONE},
        "contextTimezone" = ${newContextTimezone},
        timezone = coalesce(${NEW_TRAIT_TIMEZONE}, ${newContextTimezone}),
        "firstSeenAt" = least(p."firstSeenAt", s.first_seen),
        "lastSeenAt" = greatest(p."lastSeenAt", s.last_seen),
        "updatedAt" = now()
      FROM changed s LEFT JOIN trait_patches tp USING ("profileId")
      WHERE p.id = s."profileId" AND p.id = ANY(${profileIds}::uuid[])
        AND p."workspaceId" = ${workspaceId}
        -- An identify repeating the stored traits (apps send one on every
        -- page load) rewrites nothing.
        AND (${PATCHED_TRAITS} IS DISTINCT FROM p.traits
          OR ${NEW_EMAIL} IS DISTINCT FROM p.email
          OR ${NEW_TRAIT_TIMEZONE} IS DISTINCT FROM p."traitTimezone"
          OR s.first_seen < p."firstSeenAt"
          OR s.last_seen >= p."lastSeenAt" + ${LAST_SEEN_RESOLUTION}::interval
          OR ${deviceMoves})
      RETURNING 1)`,
    // What counts read instead of raw history (lib/events/event-rollups.ts).
    Prisma.sql`rollups AS (${writeRollups(Prisma.sql`
      SELECT ${workspaceId} AS "workspaceId", "profileId", name, "timestamp"
      FROM fresh WHERE type = 'track'`)}
      RETURNING 1)`,
    Prisma.sql`catalog_counts AS (
      SELECT CASE WHEN type = 'track' THEN name ELSE type END AS name,
             count(*)::int AS count, max("timestamp") AS "lastSeenAt"
      FROM fresh WHERE type IN ('track', 'page', 'screen')
      GROUP BY 1)`,
  ];
  const outputs: Prisma.Sql[] = [
    // A profile merged away by a concurrent request since we resolved ids
    // would leave events pointing nowhere: fail the statement with
    // division_by_zero, which ingest-batch retries with fresh lookups.
    Prisma.sql`1 / ((SELECT count(*) FROM locked) = ${profileIds.length})::int AS guard`,
    Prisma.sql`(SELECT count(*) FROM fresh)::int AS inserted`,
    Prisma.sql`(SELECT count(*) FROM profile_updates)::int AS profiles`,
  ];

  if (hasIdentify) {
    // Topics a workspace maps to a trait (lib/topics/topic-trait.ts).
    ctes.push(traitPreferencesCte(workspaceId));
    outputs.push(Prisma.sql`(SELECT count(*) FROM trait_preferences)::int AS preferences`);
  }
  if (hasGroup) {
    ctes.push(
      // Per group, the latest value of each trait; nulls are kept here and
      // dropped below, so that they remove the stored trait.
      Prisma.sql`group_patches AS (
        SELECT "groupId",
               coalesce(jsonb_object_agg(key, value) FILTER (WHERE key IS NOT NULL), '{}') AS traits
        FROM (
          SELECT DISTINCT ON (f."groupId", t.key) f."groupId", t.key, t.value
          FROM fresh f LEFT JOIN LATERAL jsonb_each(f.traits) t ON true
          WHERE f.type = 'group'
          ORDER BY f."groupId", t.key, f."timestamp" DESC, f.ord DESC
        ) latest
        GROUP BY "groupId")`,
      Prisma.sql`groups_written AS (
        INSERT INTO groups AS g ("workspaceId", "groupId", traits, "updatedAt")
        SELECT ${workspaceId}, gp."groupId",
          (SELECT coalesce(jsonb_object_agg(key, value), '{}') FROM jsonb_each(gp.traits)
           WHERE jsonb_typeof(value) <> 'null'),
          now()
        FROM group_patches gp
        ORDER BY gp."groupId"
        ON CONFLICT ("workspaceId", "groupId") DO UPDATE SET
          traits = (SELECT coalesce(jsonb_object_agg(key, value), '{}')
                    FROM jsonb_each(g.traits || (SELECT traits FROM group_patches gp
                                                 WHERE gp."groupId" = excluded."groupId"))
                    WHERE jsonb_typeof(value) <> 'null'),
          "updatedAt" = now()
        RETURNING 1)`,
      // The memberships' foreign key to groups is checked at the end of the
      // statement, after groups_written has run.
      // joinedAt is the earliest group call, whatever order they arrive in.
      Prisma.sql`memberships AS (
        INSERT INTO profile_groups AS m ("workspaceId", "profileId", "groupId", "joinedAt")
        SELECT DISTINCT ON ("profileId", "groupId") ${workspaceId}, "profileId", "groupId", "timestamp"
        FROM fresh WHERE type = 'group'
        ORDER BY "profileId", "groupId", "timestamp"
        ON CONFLICT ("workspaceId", "profileId", "groupId") DO UPDATE SET "joinedAt" = excluded."joinedAt"
          WHERE excluded."joinedAt" < m."joinedAt"
        RETURNING 1)`,
    );
    outputs.push(
      Prisma.sql`(SELECT count(*) FROM groups_written)::int AS groups`,
      Prisma.sql`(SELECT count(*) FROM memberships)::int AS memberships`,
    );
  }
  outputs.push(
    Prisma.sql`(SELECT coalesce(json_agg(catalog_counts), '[]') FROM catalog_counts) AS catalog`,
  );
  if (input.evaluate) {
    // Only what a journey can react to: tracked events whose name a
    // published journey listens for (journey_event_names), and identifies
    // while a trait-change journey is live. Event-time order, so the engine
    // sees a user's calls as they happened.
    // Segments (lib/segments/) are kept by the engine too: the event names
    // they read (segment_event_names), and identifies while one reads traits.
    const identifies = hasIdentify
      ? Prisma.sql`OR (f.type = 'identify' AND (EXISTS (
          SELECT 1 FROM journey_triggers t
          WHERE t."workspaceId" = ${workspaceId} AND t.kind = 'trait_change') OR EXISTS (
          SELECT 1 FROM segments s
          WHERE s."workspaceId" = ${workspaceId} AND s.status = 'ready' AND s."readsTraits")))`
      : Prisma.empty;
    ctes.push(Prisma.sql`inbox AS (
      INSERT INTO engine_queue ("workspaceId", "eventId", "profileId", "timestamp")
      SELECT ${workspaceId}, f.id, f."profileId", f."timestamp" FROM fresh f
      WHERE (f.type = 'track' AND f.name IN (
          SELECT n."eventName" FROM journey_event_names n WHERE n."workspaceId" = ${workspaceId}
          UNION ALL
          SELECT n."eventName" FROM segment_event_names n WHERE n."workspaceId" = ${workspaceId}))
        ${identifies}
      ORDER BY f."timestamp", f.ord
      RETURNING 1)`);
    outputs.push(Prisma.sql`(SELECT count(*) FROM inbox)::int AS inbox`);
  }
  if (hasRejections) {
    const rejected = JSON.stringify(
      input.rejections.map((r) => ({
        batchIndex: r.index,
        code: r.code,
        field: r.field,
        message: r.message,
        payload: r.payload ?? null,
      })),
    );
    ctes.push(Prisma.sql`rejected AS (
      INSERT INTO rejected_events
        ("workspaceId", "receivedAt", "batchIndex", code, field, message, payload)
      SELECT ${workspaceId}, ${receivedAt}::timestamp(3), r."batchIndex", r.code, r.field,
        r.message, r.payload
      FROM jsonb_to_recordset(${rejected}::jsonb)
        AS r("batchIndex" int, code text, field text, message text, payload jsonb)
      RETURNING 1)`);
    outputs.push(Prisma.sql`(SELECT count(*) FROM rejected)::int AS rejected`);
  }

  const result = await db.$queryRaw<
    { inserted: number; catalog: CatalogCount[]; inbox?: number }[]
  >`
    WITH ${Prisma.join(ctes, ",\n")}
    SELECT ${Prisma.join(outputs, ",\n")}`;
  const row = result[0];
  return { inserted: row?.inserted ?? 0, catalog: row?.catalog ?? [], inbox: row?.inbox ?? 0 };
}
