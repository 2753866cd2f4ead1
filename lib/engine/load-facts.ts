import { asRecord } from "@/lib/db/json-record";
import { type JsonPart, jsonPart, jsonTimestamp, queryParts, type RawDb } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { WorkspaceDeliveryRules } from "@/lib/journey-core/delivery-rules";
import type { Channel, ProfileFacts, SentMessage, TopicPreference } from "@/lib/journey-core/facts";
import type { ProfileHistory } from "@/lib/journey-core/profile-as-of";
import { type ProfileCallType, reportedTimezone } from "@/lib/journey-core/profile-merge";
import { DEFAULT_DELIVERY_RULES, parseStoredRules } from "@/lib/workspaces/delivery-rules";

// The facts the core decides on, loaded for a whole batch of profiles at once.

export interface ProfileRef {
  workspaceId: string;
  profileId: string;
}

// The schema's limit on frequency.windowHours (31 days).
const MAX_WINDOW_HOURS = 24 * 31;

interface FactsRow {
  id: string;
  traits: Prisma.JsonValue;
  firstSeenAt: string;
  lastSeenAt: string;
  timezone: string | null;
  email: string | null;
  unsubscribed: boolean;
  suppressed: boolean;
  topicPreferences: {
    topic: string;
    topicName: string;
    channel: Channel;
    subscribed: boolean;
    at: string;
  }[];
  segmentIds: string[];
}

/**
 * Every change of the profile's topic preferences (topics that can be
 * unsubscribed from), oldest first, as a JSON column of a query over `profiles p`:
 * the core reads the one in force at each decision.
 */
export const topicPreferencesColumn = Prisma.sql`
  (SELECT coalesce(json_agg(json_build_object('topic', t.key, 'topicName', t.name,
            'channel', c.channel, 'subscribed', c.subscribed, 'at', c.at) ORDER BY c.at, c.id), '[]')
   FROM topic_preference_changes c
   JOIN topics t ON t.id = c."topicId" AND t."workspaceId" = c."workspaceId"
   WHERE c."workspaceId" = p."workspaceId" AND c."profileId" = p.id AND t.unsubscribable
  ) AS "topicPreferences"`;

export function topicPreferencesOf(rows: FactsRow["topicPreferences"] | null): TopicPreference[] {
  return (rows ?? []).map((r) => ({ ...r, at: jsonTimestamp(r.at) }));
}

/** The profiles' facts, by id (a profile that is gone is absent). */
export function profileFactsPart(refs: readonly ProfileRef[]): JsonPart<Map<string, ProfileFacts>> {
  const sql =
    refs.length === 0
      ? null
      : Prisma.sql`
    SELECT p.id::text AS id, p.traits, p."firstSeenAt", p."lastSeenAt", p.timezone, p.email,
           p."unsubscribedAt" IS NOT NULL AS unsubscribed,
           (p.email IS NOT NULL AND EXISTS (
              SELECT 1 FROM suppressions s
              WHERE s."workspaceId" = p."workspaceId" AND s.email = lower(trim(p.email)))) AS suppressed,
           ${topicPreferencesColumn},
           ARRAY(SELECT m."segmentId" FROM segment_memberships m
                 WHERE m."workspaceId" = p."workspaceId" AND m."profileId" = p.id) AS "segmentIds"
    FROM unnest(${refs.map((r) => r.workspaceId)}::text[], ${refs.map((r) => r.profileId)}::uuid[])
      AS ref(ws, pid)
    -- A probe by key per profile, whatever the plan (OFFSET 0: not flattened into a join).
    CROSS JOIN LATERAL (
      SELECT p.id, p."workspaceId", p.traits, p."firstSeenAt", p."lastSeenAt", p.timezone,
             p.email, p."unsubscribedAt"
      FROM profiles p WHERE p."workspaceId" = ref.ws AND p.id = ref.pid
      OFFSET 0
    ) p`;
  return jsonPart<FactsRow, Map<string, ProfileFacts>>(
    sql,
    (rows) =>
      new Map(
        rows.map((row) => [
          row.id,
          {
            id: row.id,
            traits: asRecord(row.traits),
            firstSeenAt: jsonTimestamp(row.firstSeenAt),
            lastSeenAt: jsonTimestamp(row.lastSeenAt),
            timezone: row.timezone,
            email: row.email,
            unsubscribed: row.unsubscribed,
            suppressed: row.suppressed,
            topicPreferences: topicPreferencesOf(row.topicPreferences),
            segmentIds: row.segmentIds ?? [],
          },
        ]),
      ),
  );
}

export async function loadProfileFacts(
  tx: RawDb,
  refs: readonly ProfileRef[],
): Promise<Map<string, ProfileFacts>> {
  return (await queryParts(tx, { facts: profileFactsPart(refs) })).facts;
}

/** The workspaces' delivery rules; a stored value that does not parse reads as the default. */
export function deliveryRulesPart(
  workspaceIds: readonly string[],
  log: (line: string) => void = () => {},
): JsonPart<Map<string, WorkspaceDeliveryRules>> {
  const sql =
    workspaceIds.length === 0
      ? null
      : Prisma.sql`
    SELECT id, "deliveryRules" FROM workspaces WHERE id = ANY(${[...new Set(workspaceIds)]}::text[])`;
  return jsonPart<
    { id: string; deliveryRules: Prisma.JsonValue },
    Map<string, WorkspaceDeliveryRules>
  >(
    sql,
    (rows) =>
      new Map(
        rows.map((row) => [
          row.id,
          parseStoredRules(row.deliveryRules, (problem) =>
            log(
              `engine: workspace ${row.id} has invalid delivery rules (${problem}); using the default`,
            ),
          ),
        ]),
      ),
  );
}

export async function loadDeliveryRules(
  tx: RawDb,
  workspaceIds: readonly string[],
  log: (line: string) => void = () => {},
): Promise<Map<string, WorkspaceDeliveryRules>> {
  return (await queryParts(tx, { rules: deliveryRulesPart(workspaceIds, log) })).rules;
}

/**
 * Each profile's sends inside the widest frequency window among their
 * workspaces: every journey and API message that went out or is on its way
 * (skipped and failed ones never reached anybody; test sends are not
 * marketing). `createdAt` is when the engine decided to send.
 *
 * The window is read from the stored rules in the same statement (the
 * default's when a stored one is missing or not a number), so this part
 * needs no earlier round trip; the core ignores sends older than the
 * workspace's own window.
 */
/**
 * The profiles' sends that count toward the frequency budget of decisions
 * made between `from` and `now` (decisions are made at event time, which can
 * be earlier than the batch): from a window before `from` up to `now`.
 */
export function recentSendsPart(
  refs: readonly ProfileRef[],
  now: Date,
  from: Date = now,
): JsonPart<Map<string, SentMessage[]>> {
  const workspaceIds = [...new Set(refs.map((r) => r.workspaceId))];
  const defaultHours = DEFAULT_DELIVERY_RULES.frequency?.windowHours ?? 0;
  const sql =
    refs.length === 0
      ? null
      : Prisma.sql`
    WITH win AS (
      SELECT max(CASE WHEN jsonb_typeof(w."deliveryRules"->'frequency'->'windowHours') = 'number'
                      THEN least((w."deliveryRules"->'frequency'->>'windowHours')::float8, ${MAX_WINDOW_HOURS})
                      ELSE ${defaultHours} END) AS hours
      FROM workspaces w WHERE w.id = ANY(${workspaceIds}::text[])
    )
    -- Per profile by (workspaceId, profileId, createdAt); OFFSET 0 keeps it so (load-facts' history).
    SELECT ref.pid::text AS "profileId", m.at, m.channel, m.transactional
    FROM unnest(${refs.map((r) => r.workspaceId)}::text[], ${refs.map((r) => r.profileId)}::uuid[])
      AS ref(ws, pid)
    CROSS JOIN LATERAL (
      SELECT m."createdAt" AS at, m.channel::text AS channel, m.transactional
      FROM messages m
      WHERE m."workspaceId" = ref.ws AND m."profileId" = ref.pid
        AND m."createdAt" > ${from}::timestamp(3) - make_interval(secs => (SELECT hours FROM win) * 3600)
        AND m."createdAt" <= ${now}::timestamp(3)
        AND m.source <> 'test' AND m.status NOT IN ('skipped', 'failed')
      OFFSET 0
    ) m
    UNION ALL
    -- Webhook steps that count as a message (journey-webhooks.ts), at their step's time.
    SELECT ref.pid::text, c."stepAt", 'webhook', false
    FROM unnest(${refs.map((r) => r.workspaceId)}::text[], ${refs.map((r) => r.profileId)}::uuid[])
      AS ref(ws, pid)
    CROSS JOIN LATERAL (
      SELECT c."stepAt" FROM journey_webhook_calls c
      WHERE c."workspaceId" = ref.ws AND c."profileId" = ref.pid AND c."countsAsMessage"
        AND c."stepAt" > ${from}::timestamp(3) - make_interval(secs => (SELECT hours FROM win) * 3600)
        AND c."stepAt" <= ${now}::timestamp(3)
      OFFSET 0
    ) c`;
  return jsonPart<
    { profileId: string; at: string; channel: Channel | "webhook"; transactional: boolean },
    Map<string, SentMessage[]>
  >(sql, (rows) => {
    const out = new Map<string, SentMessage[]>(refs.map((r) => [r.profileId, []]));
    for (const row of rows) {
      out.get(row.profileId)?.push({
        at: jsonTimestamp(row.at),
        channel: row.channel,
        transactional: row.transactional,
      });
    }
    return out;
  });
}

type HistoryRow =
  | {
      kind: "later";
      profileId: string;
      id: string;
      type: ProfileCallType;
      timestamp: string;
      traits: Record<string, unknown> | null;
      contextTimezone: unknown;
    }
  | { kind: "prior"; profileId: string; key: string; value: unknown; found: boolean }
  | { kind: "tz"; profileId: string; contextTimezone: unknown; found: boolean };

/**
 * What a decision as of an earlier moment than now needs to rebuild the
 * profile then (lib/journey-core/profile-as-of.ts): per profile, its calls
 * that change traits or the device timezone from `since` (the batch's
 * earliest moment for it, or its earliest armed timer) on, and what the keys
 * they touch held before. Usually just the batch's own identifies.
 */
export function profileHistoryPart(
  refs: readonly (ProfileRef & { since: Date })[],
  options: { sinceCoversRuns?: boolean } = {},
): JsonPart<Map<string, ProfileHistory>> {
  const ref = options.sinceCoversRuns ? givenSince(refs) : sinceOfOpenRuns(refs);
  const sql =
    refs.length === 0
      ? null
      : Prisma.sql`
    WITH ref AS MATERIALIZED (${ref}), later AS (
      SELECT ref.pid, e.id, e.type, e."timestamp", e.traits, e.tz
      FROM ref CROSS JOIN LATERAL (
        SELECT e.id, e.type, e."timestamp", e.traits, e.context -> 'timezone' AS tz
        FROM events e
        WHERE e."profileId" = ref.pid AND e."workspaceId" = ref.ws AND e."timestamp" >= ref.since
          AND e.id >= cue_event_id_floor(ref.since) -- prunes older partitions (ARCHITECTURE.md)
          AND ((e.type = 'identify' AND jsonb_typeof(e.traits) = 'object')
               OR jsonb_typeof(e.context -> 'timezone') = 'string')
        OFFSET 0
      ) e
    )
    SELECT 'later' AS kind, l.pid::text AS "profileId", l.id::text AS id, l.type,
           l."timestamp", l.traits, l.tz AS "contextTimezone", NULL::text AS key,
           NULL::jsonb AS value, NULL::boolean AS found
    FROM later l
    UNION ALL
    SELECT 'prior', k.pid::text, NULL, NULL, NULL, NULL, NULL, k.key, p.value, coalesce(p.found, false)
    FROM (SELECT DISTINCT l.pid, key FROM later l CROSS JOIN LATERAL jsonb_object_keys(l.traits) AS key
          WHERE l.type = 'identify') k
    JOIN ref ON ref.pid = k.pid
    LEFT JOIN LATERAL (
      SELECT e.traits -> k.key AS value, true AS found FROM events e
      WHERE e."profileId" = k.pid AND e."workspaceId" = ref.ws AND e.type = 'identify'
        AND e."timestamp" < ref.since AND e.traits ? k.key
      ORDER BY e."timestamp" DESC, e.id DESC LIMIT 1) p ON true
    UNION ALL
    SELECT 'tz', ref.pid::text, NULL, NULL, NULL, NULL, p.tz, NULL, NULL, coalesce(p.found, false)
    FROM ref
    LEFT JOIN LATERAL (
      SELECT e.context -> 'timezone' AS tz, true AS found FROM events e
      WHERE e."profileId" = ref.pid AND e."workspaceId" = ref.ws AND e."timestamp" < ref.since
        AND jsonb_typeof(e.context -> 'timezone') = 'string'
        -- Checked first (a one-time filter): this reads every partition, so only when needed.
        AND EXISTS (SELECT 1 FROM later l WHERE l.pid = ref.pid AND jsonb_typeof(l.tz) = 'string')
      ORDER BY e."timestamp" DESC, e.id DESC LIMIT 1) p ON true
    WHERE EXISTS (SELECT 1 FROM later l WHERE l.pid = ref.pid AND jsonb_typeof(l.tz) = 'string')`;
  return jsonPart<HistoryRow, Map<string, ProfileHistory>>(sql, (rows) => {
    const out = new Map<string, ProfileHistory>();
    const of = (profileId: string) => {
      let history = out.get(profileId);
      if (!history) {
        history = { later: [], priorTraits: {} };
        out.set(profileId, history);
      }
      return history;
    };
    for (const row of rows) {
      const history = of(row.profileId);
      if (row.kind === "later") {
        history.later.push({
          id: row.id,
          type: row.type,
          at: jsonTimestamp(row.timestamp),
          traits: row.type === "identify" ? row.traits : undefined,
          contextTimezone: row.contextTimezone ?? undefined,
        });
      } else if (row.kind === "prior") {
        Object.defineProperty(history.priorTraits, row.key, {
          value: row.found ? { value: row.value } : null,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        history.priorContextTimezone = row.found
          ? (reportedTimezone(row.contextTimezone) ?? null)
          : null;
      }
    }
    for (const history of out.values()) {
      history.later.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1));
    }
    return out;
  });
}

/** The refs as rows `ref(ws, pid, since)`. */
function refRows(refs: readonly (ProfileRef & { since: Date })[]): Prisma.Sql {
  return Prisma.sql`unnest(${refs.map((r) => r.workspaceId)}::text[], ${refs.map((r) => r.profileId)}::uuid[],
                  ${refs.map((r) => r.since)}::timestamp(3)[]) AS ref(ws, pid, since)`;
}

/** `since` as given: the caller's refs already hold the earliest moment of every run it steps. */
function givenSince(refs: readonly (ProfileRef & { since: Date })[]): Prisma.Sql {
  return Prisma.sql`
      SELECT ref.ws, ref.pid, ref.since FROM ${refRows(refs)}`;
}

/** `since` moved back to the profile's open runs and their held events, which the batch may step. */
function sinceOfOpenRuns(refs: readonly (ProfileRef & { since: Date })[]): Prisma.Sql {
  return Prisma.sql`
      -- Driven from each profile: its open runs by (workspaceId, profileId,
      -- status), their held events by key. LATERAL with OFFSET 0 (which keeps
      -- the planner from flattening a subquery and reordering its joins) holds
      -- that order on a database whose statistics are not in yet; without it
      -- the events of the whole workspace were scanned per profile. Ended runs
      -- hold no timer (wakeAt is cleared when a run ends).
      SELECT ref.ws, ref.pid, least(ref.since, runs.wake, runs.entered, held.at) AS since
      FROM ${refRows(refs)}
      CROSS JOIN LATERAL (
        SELECT min(r."wakeAt") AS wake,
               -- A run a pause left behind enters as of its trigger, and takes its
               -- held events as of theirs (held-events.ts), whichever task meets it.
               min(r."enteredAt") FILTER (WHERE r.status = 'active') AS entered,
               coalesce(array_agg(r.id), '{}') AS ids
        FROM journey_runs r
        WHERE r."workspaceId" = ref.ws AND r."profileId" = ref.pid
          AND r.status IN ('active', 'waiting')
      ) runs
      CROSS JOIN LATERAL (
        SELECT min(e."timestamp") AS at
        FROM (SELECT h."eventId" FROM held_events h
              WHERE h."runId" = ANY(runs.ids) AND h."workspaceId" = ref.ws OFFSET 0) h
        JOIN events e ON e.id = h."eventId" AND e."workspaceId" = ref.ws
      ) held`;
}
