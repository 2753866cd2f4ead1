import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

// Topics set by an identify trait ("trait `unsubscribed_from_tips` controls
// Product tips"), the way Customer.io and Braze users keep subscription state
// in their own database and sync it as an attribute.
//
// The model: a topic may name one top-level trait (`traitKey`), what its
// `true` means (`traitWhenTrue`: subscribed, the default, or unsubscribed)
// and the one channel it governs (`traitChannel`, null: every channel).
// An identify whose traits carry the key as a boolean, or as the string
// "true"/"false" (any case: CSV imports and form posts send strings), records
// a preference change at the identify's event time, source "trait", unless
// the preference in force then already says the same. Any other value (null,
// a number, a missing key) changes nothing. Topics that cannot be
// unsubscribed from are left alone, as every other door does.
//
// It is one more part of ingestion's single write statement
// (lib/ingest/insert-events.ts), so the preference commits with the identify
// and the update-profile step (which writes through the same statement) can
// set it too. Within one batch the latest identify per profile, topic and
// channel counts; the trait itself is stored on the profile as usual.

/**
 * The CTE `trait_preferences`: reads `fresh` (the batch's inserted calls),
 * inserts the changes and returns one row per change.
 */
export function traitPreferencesCte(workspaceId: string): Prisma.Sql {
  return Prisma.sql`trait_preferences AS (
    INSERT INTO topic_preference_changes
      ("workspaceId", "profileId", "topicId", channel, subscribed, at, source)
    SELECT ${workspaceId}, d."profileId", d."topicId", d.channel, d.subscribed, d."timestamp", 'trait'
    FROM (
      SELECT DISTINCT ON (f."profileId", t.id, ch.channel)
             f."profileId", t.id AS "topicId", ch.channel, f."timestamp",
             (lower(f.traits ->> t."traitKey") = 'true')
               <> (t."traitWhenTrue" = 'unsubscribed') AS subscribed
      FROM fresh f
      JOIN topics t ON t."workspaceId" = ${workspaceId} AND t."traitKey" IS NOT NULL
        AND t.unsubscribable AND f.traits ? t."traitKey"
      CROSS JOIN LATERAL unnest(CASE WHEN t."traitChannel" IS NULL
        THEN ARRAY['email', 'in_app']::"Channel"[] ELSE ARRAY[t."traitChannel"] END) ch(channel)
      WHERE f.type = 'identify'
        AND jsonb_typeof(f.traits -> t."traitKey") IN ('boolean', 'string')
        AND lower(f.traits ->> t."traitKey") IN ('true', 'false')
      ORDER BY f."profileId", t.id, ch.channel, f."timestamp" DESC, f.ord DESC
    ) d
    LEFT JOIN LATERAL (
      SELECT c.subscribed FROM topic_preference_changes c
      WHERE c."workspaceId" = ${workspaceId} AND c."profileId" = d."profileId"
        AND c."topicId" = d."topicId" AND c.channel = d.channel AND c.at <= d."timestamp"
      ORDER BY c.at DESC, c.id DESC
      LIMIT 1
    ) prev ON true
    WHERE coalesce(prev.subscribed, true) <> d.subscribed
    ORDER BY d."profileId", d."topicId", d.channel
    RETURNING 1)`;
}
