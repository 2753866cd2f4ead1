import "server-only";
import type { RawDb } from "@/lib/db/sql";
import type { IdentityPlan } from "./plan-identities";

/**
 * Applies the identity part of a plan inside the ingestion transaction:
 * one statement creates profiles, identities and anonymous→known upgrades,
 * and one more folds merged profiles into their survivors. Trait patches,
 * seen-times, email and timezone are written with the events
 * (insert-events.ts), so they only count calls that were not duplicates.
 *
 * A concurrent request creating the same userId or identity makes these
 * inserts fail with a unique violation; ingest-batch retries the whole batch,
 * which then finds the other request's rows.
 */
export async function upsertProfiles(
  db: RawDb,
  workspaceId: string,
  plan: IdentityPlan,
): Promise<void> {
  if (
    plan.newProfiles.length > 0 ||
    plan.newIdentities.length > 0 ||
    plan.userIdAssignments.length > 0
  ) {
    await createProfiles(db, workspaceId, plan);
  }
  if (plan.merges.length > 0) await mergeProfiles(db, workspaceId, plan.merges);
}

async function createProfiles(db: RawDb, workspaceId: string, plan: IdentityPlan): Promise<void> {
  const profiles = JSON.stringify(
    plan.newProfiles.map((p) => ({
      id: p.id,
      userId: p.userId,
      firstSeenAt: p.firstSeenAt.toISOString(),
      lastSeenAt: p.lastSeenAt.toISOString(),
    })),
  );
  const assignments = JSON.stringify(plan.userIdAssignments);
  const identities = JSON.stringify(plan.newIdentities);
  // Rows go in key order so two requests inserting overlapping keys wait for
  // each other rather than deadlock. The identities' foreign key is checked at
  // the end of the statement, after the profiles CTE has inserted.
  await db.$queryRaw`
    WITH new_profiles AS (
      INSERT INTO profiles (id, "workspaceId", "userId", "firstSeenAt", "lastSeenAt")
      SELECT r.id, ${workspaceId}, r."userId", r."firstSeenAt", r."lastSeenAt"
      FROM jsonb_to_recordset(${profiles}::jsonb)
        AS r(id uuid, "userId" text, "firstSeenAt" timestamp(3), "lastSeenAt" timestamp(3))
      ORDER BY r."userId", r.id
      RETURNING id
    ), known AS (
      UPDATE profiles p SET "userId" = r."userId", "updatedAt" = now()
      FROM jsonb_to_recordset(${assignments}::jsonb) AS r("profileId" uuid, "userId" text)
      WHERE p.id = r."profileId" AND p."workspaceId" = ${workspaceId}
      RETURNING p.id
    ), new_identities AS (
      INSERT INTO profile_identities ("workspaceId", kind, value, "profileId")
      SELECT ${workspaceId}, r.kind::"IdentityKind", r.value, r."profileId"
      FROM jsonb_to_recordset(${identities}::jsonb) AS r(kind text, value text, "profileId" uuid)
      ORDER BY r.kind, r.value
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM new_profiles)::int AS profiles,
           (SELECT count(*) FROM known)::int AS known,
           (SELECT count(*) FROM new_identities)::int AS identities`;
}

/**
 * Folds each `from` profile into its survivor, by the profile merge's rule 7
 * (lib/journey-core/profile-merge.ts): per trait key the later write wins
 * (the survivor's on a tie, then the profile folded first), email and the
 * trait timezone follow their keys, the device timezone reported later wins,
 * firstSeenAt/lastSeenAt widen, an unsubscribe on either side sticks,
 * memberships keep the earliest joinedAt; identities, events (and their
 * rollups, summed per name and day), topic
 * preference changes (the latest per topic and channel wins) and the rest
 * move; the `from` row is deleted. The profiles were locked by
 * lookupIdentities.
 *
 * A write's time is the event time of the profile's latest stored identify
 * that set or removed the key, read from `events` (index on profileId, name,
 * timestamp: identifies have no name). A stored key with no such event
 * predates these rules and counts as older than any.
 */
async function mergeProfiles(
  db: RawDb,
  workspaceId: string,
  merges: IdentityPlan["merges"],
): Promise<void> {
  const pairs = JSON.stringify(merges.map((m, ord) => ({ ...m, ord })));
  const rows = await db.$queryRaw<{ deleted: number }[]>`
    WITH pairs AS MATERIALIZED (
      SELECT r."from", r."into", r.ord
      FROM jsonb_to_recordset(${pairs}::jsonb) AS r("from" uuid, "into" uuid, ord int)
    ), absorbed AS MATERIALIZED (
      SELECT pairs.*, f.traits, f.email, f."traitTimezone", f."contextTimezone",
             f."firstSeenAt", f."lastSeenAt", f."unsubscribedAt",
             (SELECT e."timestamp" FROM events e
              WHERE e."workspaceId" = ${workspaceId} AND e."profileId" = f.id
                AND jsonb_typeof(e.context -> 'timezone') = 'string'
              ORDER BY e."timestamp" DESC LIMIT 1) AS device_at
      FROM pairs JOIN profiles f ON f.id = pairs."from" AND f."workspaceId" = ${workspaceId}
    ), writes AS (
      -- Joins below are LATERAL so that each reads one profile's events
      -- through an index, never the workspace's.
      SELECT a."from", t.key, max(e."timestamp") AS at
      FROM absorbed a
      CROSS JOIN LATERAL (
        SELECT e."timestamp", e.traits FROM events e
        WHERE e."profileId" = a."from" AND e.name IS NULL
          AND e."workspaceId" = ${workspaceId} AND e.type = 'identify'
        OFFSET 0
      ) e
      CROSS JOIN LATERAL jsonb_object_keys(e.traits) t(key)
      GROUP BY 1, 2
    ), words AS (
      -- Each absorbed profile's word on each key it holds or has written.
      SELECT a."into", a.ord, k.key, w.at, a.traits ? k.key AS present,
             a.traits -> k.key AS value, a.email, a."traitTimezone"
      FROM absorbed a
      CROSS JOIN LATERAL (
        SELECT jsonb_object_keys(a.traits) AS key
        UNION SELECT w.key FROM writes w WHERE w."from" = a."from"
      ) k
      LEFT JOIN writes w ON w."from" = a."from" AND w.key = k.key
    ), best AS (
      SELECT DISTINCT ON ("into", key) * FROM words
      ORDER BY "into", key, at DESC NULLS LAST, ord
    ), winners AS (
      SELECT b.* FROM best b
      LEFT JOIN LATERAL (
        SELECT true AS found FROM events e
        WHERE e."profileId" = b."into" AND e.name IS NULL
          AND e."timestamp" >= coalesce(b.at, '-infinity')
          AND e."workspaceId" = ${workspaceId} AND e.type = 'identify' AND e.traits ? b.key
        LIMIT 1
      ) later ON true
      WHERE later.found IS NULL
        AND (b.at IS NOT NULL OR NOT (
          SELECT p.traits ? b.key FROM profiles p
          WHERE p.id = b."into" AND p."workspaceId" = ${workspaceId}))
    ), patches AS (
      SELECT "into",
             jsonb_object_agg(key, value) FILTER (WHERE present) AS set,
             array_agg(key) FILTER (WHERE NOT present) AS unset,
             bool_or(key = 'email') AS has_email,
             max(email) FILTER (WHERE key = 'email' AND present) AS email,
             bool_or(key = 'timezone') AS has_timezone,
             max("traitTimezone") FILTER (WHERE key = 'timezone' AND present) AS trait_tz
      FROM winners GROUP BY "into"
    ), device AS (
      -- The absorbed profiles' latest device report, and for profiles with
      -- none on record (stored before reports were kept) the first timezone.
      SELECT DISTINCT ON ("into") "into", "contextTimezone" AS tz, device_at AS at,
             (SELECT a2."contextTimezone" FROM absorbed a2
              WHERE a2."into" = a."into" AND a2."contextTimezone" IS NOT NULL
              ORDER BY a2.ord LIMIT 1) AS untimed_tz
      FROM absorbed a
      ORDER BY "into", device_at DESC NULLS LAST, ord
    ), folded AS (
      SELECT a."into", min(a."firstSeenAt") AS first_seen, max(a."lastSeenAt") AS last_seen,
             min(a."unsubscribedAt") AS unsubscribed_at
      FROM absorbed a GROUP BY a."into"
    ), merged AS (
      SELECT p.id,
             (p.traits - coalesce(x.unset, '{}')) || coalesce(x.set, '{}') AS traits,
             CASE WHEN x.has_email THEN x.email ELSE p.email END AS email,
             CASE WHEN x.has_timezone THEN x.trait_tz ELSE p."traitTimezone" END AS trait_tz,
             CASE
               WHEN d.at IS NOT NULL THEN CASE
                 WHEN d.tz IS DISTINCT FROM p."contextTimezone" AND NOT EXISTS (
                   SELECT 1 FROM events e
                   WHERE e."workspaceId" = ${workspaceId} AND e."profileId" = p.id
                     AND e."timestamp" >= d.at AND jsonb_typeof(e.context -> 'timezone') = 'string')
                 THEN d.tz ELSE p."contextTimezone" END
               WHEN p."contextTimezone" IS NULL AND d.untimed_tz IS NOT NULL AND NOT EXISTS (
                   SELECT 1 FROM events e
                   WHERE e."workspaceId" = ${workspaceId} AND e."profileId" = p.id
                     AND jsonb_typeof(e.context -> 'timezone') = 'string')
                 THEN d.untimed_tz
               ELSE p."contextTimezone"
             END AS context_tz,
             folded.first_seen, folded.last_seen, folded.unsubscribed_at
      FROM folded
      JOIN profiles p ON p.id = folded."into" AND p."workspaceId" = ${workspaceId}
      JOIN device d ON d."into" = folded."into"
      LEFT JOIN patches x ON x."into" = folded."into"
    ), survivors AS (
      UPDATE profiles p SET
        traits = m.traits,
        email = m.email,
        "traitTimezone" = m.trait_tz,
        "contextTimezone" = m.context_tz,
        timezone = coalesce(m.trait_tz, m.context_tz),
        "firstSeenAt" = least(p."firstSeenAt", m.first_seen),
        "lastSeenAt" = greatest(p."lastSeenAt", m.last_seen),
        "unsubscribedAt" = least(p."unsubscribedAt", m.unsubscribed_at),
        "updatedAt" = now()
      FROM merged m
      WHERE p.id = m.id AND p."workspaceId" = ${workspaceId}
      RETURNING p.id
    ), identities AS (
      UPDATE profile_identities i SET "profileId" = pairs."into"
      FROM pairs
      WHERE i."workspaceId" = ${workspaceId} AND i."profileId" = pairs."from"
      RETURNING 1
    ), moved_events AS (
      UPDATE events e SET "profileId" = pairs."into"
      FROM pairs
      WHERE e."workspaceId" = ${workspaceId} AND e."profileId" = pairs."from"
      RETURNING 1
    ), rollups_out AS (
      DELETE FROM event_rollups r USING pairs
      WHERE r."workspaceId" = ${workspaceId} AND r."profileId" = pairs."from"
      RETURNING pairs."into", r.name, r.day, r.count, r."firstAt", r."lastAt"
    ), rollups_in AS (
      -- The absorbed profiles' rollups add to the survivor's, day by day.
      INSERT INTO event_rollups AS r ("workspaceId", "profileId", name, day, count, "firstAt", "lastAt")
      SELECT ${workspaceId}, "into", name, day, sum(count)::int, min("firstAt"), max("lastAt")
      FROM rollups_out
      GROUP BY "into", name, day
      ORDER BY "into", name, day
      ON CONFLICT ("workspaceId", "profileId", name, day) DO UPDATE SET
        count = r.count + excluded.count,
        "firstAt" = least(r."firstAt", excluded."firstAt"),
        "lastAt" = greatest(r."lastAt", excluded."lastAt")
      RETURNING 1
    ), queued AS (
      -- The engine's watermark reads the queue by profile.
      UPDATE engine_queue q SET "profileId" = pairs."into"
      FROM pairs
      WHERE q."workspaceId" = ${workspaceId} AND q."profileId" = pairs."from"
      RETURNING 1
    ), inbox AS (
      -- What was sent to the anonymous profile follows it into the known one.
      UPDATE inbox_items x SET "profileId" = pairs."into"
      FROM pairs
      WHERE x."workspaceId" = ${workspaceId} AND x."profileId" = pairs."from"
      RETURNING 1
    ), sent AS (
      UPDATE messages m SET "profileId" = pairs."into"
      FROM pairs
      WHERE m."workspaceId" = ${workspaceId} AND m."profileId" = pairs."from"
      RETURNING 1
    ), runs AS (
      UPDATE journey_runs r SET "profileId" = pairs."into"
      FROM pairs
      WHERE r."workspaceId" = ${workspaceId} AND r."profileId" = pairs."from"
      RETURNING 1
    ), preferences AS (
      -- Topic preferences keep their whole history on the survivor, so the
      -- latest change per topic and channel, from either side, is in force
      -- (README.md, Subscription topics: "Profile merges").
      UPDATE topic_preference_changes c SET "profileId" = pairs."into"
      FROM pairs
      WHERE c."workspaceId" = ${workspaceId} AND c."profileId" = pairs."from"
      RETURNING 1
    ), memberships AS (
      INSERT INTO profile_groups AS m ("workspaceId", "profileId", "groupId", "joinedAt")
      SELECT ${workspaceId}, pairs."into", g."groupId", min(g."joinedAt")
      FROM profile_groups g JOIN pairs ON g."profileId" = pairs."from"
      WHERE g."workspaceId" = ${workspaceId}
      GROUP BY pairs."into", g."groupId"
      ON CONFLICT ("workspaceId", "profileId", "groupId") DO UPDATE SET "joinedAt" = excluded."joinedAt"
        WHERE excluded."joinedAt" < m."joinedAt"
      RETURNING 1
    ), deleted AS (
      -- The cascade to identities and memberships runs after this statement's
      -- other parts, so it only removes the rows that were not moved.
      DELETE FROM profiles p USING pairs
      WHERE p.id = pairs."from" AND p."workspaceId" = ${workspaceId}
      RETURNING p.id
    )
    SELECT (SELECT count(*) FROM survivors)::int AS survivors,
           (SELECT count(*) FROM identities)::int AS identities,
           (SELECT count(*) FROM moved_events)::int AS events,
           (SELECT count(*) FROM memberships)::int AS memberships,
           (SELECT count(*) FROM inbox)::int + (SELECT count(*) FROM sent)::int
             + (SELECT count(*) FROM runs)::int
             + (SELECT count(*) FROM preferences)::int AS moved,
           (SELECT count(*) FROM deleted)::int AS deleted`;
  if (rows[0]?.deleted !== merges.length) {
    // Cannot happen while lookupIdentities holds the row locks; if it does,
    // fail loudly rather than leave events pointing at a deleted profile.
    throw new Error(`Profile merge deleted ${rows[0]?.deleted} of ${merges.length} profiles.`);
  }
}
