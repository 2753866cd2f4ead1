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
 * Folds each `from` profile into its survivor: traits merge with the
 * survivor's values winning, firstSeenAt/lastSeenAt widen, an unsubscribe on
 * either side sticks; identities, events and group memberships move; the
 * `from` row is deleted. The profiles were locked by lookupIdentities.
 */
async function mergeProfiles(
  db: RawDb,
  workspaceId: string,
  merges: IdentityPlan["merges"],
): Promise<void> {
  const pairs = JSON.stringify(merges);
  const rows = await db.$queryRaw<{ deleted: number }[]>`
    WITH pairs AS MATERIALIZED (
      SELECT r."from", r."into"
      FROM jsonb_to_recordset(${pairs}::jsonb) AS r("from" uuid, "into" uuid)
    ), folded AS (
      SELECT pairs."into",
             coalesce(jsonb_object_agg(t.key, t.value) FILTER (WHERE t.key IS NOT NULL), '{}') AS traits,
             min(f."firstSeenAt") AS first_seen, max(f."lastSeenAt") AS last_seen,
             max(f.email) AS email, max(f.timezone) AS timezone,
             min(f."unsubscribedAt") AS unsubscribed_at
      FROM pairs
      JOIN profiles f ON f.id = pairs."from" AND f."workspaceId" = ${workspaceId}
      LEFT JOIN LATERAL jsonb_each(f.traits) t ON true
      GROUP BY pairs."into"
    ), survivors AS (
      UPDATE profiles p SET
        traits = folded.traits || p.traits,
        "firstSeenAt" = least(p."firstSeenAt", folded.first_seen),
        "lastSeenAt" = greatest(p."lastSeenAt", folded.last_seen),
        email = coalesce(p.email, folded.email),
        timezone = coalesce(p.timezone, folded.timezone),
        "unsubscribedAt" = least(p."unsubscribedAt", folded.unsubscribed_at),
        "updatedAt" = now()
      FROM folded
      WHERE p.id = folded."into" AND p."workspaceId" = ${workspaceId}
      RETURNING p.id
    ), identities AS (
      UPDATE profile_identities i SET "profileId" = pairs."into"
      FROM pairs
      WHERE i."workspaceId" = ${workspaceId} AND i."profileId" = pairs."from"
      RETURNING 1
    ), events AS (
      UPDATE events e SET "profileId" = pairs."into"
      FROM pairs
      WHERE e."workspaceId" = ${workspaceId} AND e."profileId" = pairs."from"
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
    ), memberships AS (
      INSERT INTO profile_groups ("workspaceId", "profileId", "groupId", "joinedAt")
      SELECT ${workspaceId}, pairs."into", g."groupId", g."joinedAt"
      FROM profile_groups g JOIN pairs ON g."profileId" = pairs."from"
      WHERE g."workspaceId" = ${workspaceId}
      ON CONFLICT DO NOTHING
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
           (SELECT count(*) FROM events)::int AS events,
           (SELECT count(*) FROM memberships)::int AS memberships,
           (SELECT count(*) FROM inbox)::int + (SELECT count(*) FROM sent)::int
             + (SELECT count(*) FROM runs)::int AS moved,
           (SELECT count(*) FROM deleted)::int AS deleted`;
  if (rows[0]?.deleted !== merges.length) {
    // Cannot happen while lookupIdentities holds the row locks; if it does,
    // fail loudly rather than leave events pointing at a deleted profile.
    throw new Error(`Profile merge deleted ${rows[0]?.deleted} of ${merges.length} profiles.`);
  }
}
