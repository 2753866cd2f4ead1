import "server-only";
import { readSql } from "@/lib/db/sql";
import { topicPreferencesColumn, topicPreferencesOf } from "@/lib/engine/load-facts";
import type { TopicPreference } from "@/lib/journey-core/facts";
import type { BacktestPlan } from "./backtest-plan";
import type { StoredEvent } from "./replay-profile";

// Set-based reads for a backtest: the candidate profiles once, then per chunk
// of profiles their facts and events in one statement each. Indexes:
// profiles (workspaceId, lastSeenAt); events (profileId, timestamp).

/** lastSeenAt moves in steps of up to a minute (lib/ingest/insert-events.ts): widen by two. */
const LAST_SEEN_SLACK_MS = 120_000;

/** Profiles that may have events in the window: seen since it opened, created before it closed. */
export async function loadCandidateProfiles(input: {
  workspaceId: string;
  from: Date;
  to: Date;
}): Promise<string[]> {
  const since = new Date(input.from.getTime() - LAST_SEEN_SLACK_MS);
  const rows = await readSql.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM profiles
    WHERE "workspaceId" = ${input.workspaceId}
      AND "lastSeenAt" >= ${since}::timestamp(3) AND "firstSeenAt" < ${input.to}::timestamp(3)
    ORDER BY id`;
  return rows.map((r) => r.id);
}

export interface ProfileRow {
  id: string;
  userId: string | null;
  timezone: string | null;
  contextTimezone: string | null;
  firstSeenAt: Date;
  unsubscribedAt: Date | null;
  suppressed: boolean;
  /** Every change of the profile's topic preferences; the core reads them as of each decision. */
  topicPreferences: TopicPreference[];
  /** The segments the profile was in at the window's start (from the recorded changes). */
  segmentIds?: string[];
}

export interface ChunkData {
  profiles: ProfileRow[];
  /** Each profile's events in time order (history, window, goal events after it). */
  events: Map<string, StoredEvent[]>;
}

type EventRow = StoredEvent & { profileId: string };

export async function loadChunk(input: {
  workspaceId: string;
  profileIds: readonly string[];
  plan: BacktestPlan;
  from: Date;
  to: Date;
}): Promise<ChunkData> {
  const { workspaceId, plan, from, to } = input;
  const ids = [...input.profileIds];
  const historyFrom =
    plan.historyMs === null ? new Date(0) : new Date(from.getTime() - plan.historyMs);
  const goalUntil = new Date(to.getTime() + plan.goalAfterMs);
  const [profileRows, events] = await Promise.all([
    readSql.$queryRaw<
      (Omit<ProfileRow, "topicPreferences"> & { topicPreferences: never[] | null })[]
    >`
      SELECT p.id::text AS id, p."userId", p.timezone, p."contextTimezone", p."firstSeenAt",
        p."unsubscribedAt",
        EXISTS (SELECT 1 FROM suppressions s
                WHERE s."workspaceId" = p."workspaceId" AND s.email = p.email) AS suppressed,
        ${topicPreferencesColumn},
        ARRAY(SELECT c."segmentId" FROM (
          SELECT DISTINCT ON (c."segmentId") c."segmentId", c.kind FROM segment_membership_changes c
          WHERE c."workspaceId" = p."workspaceId" AND c."profileId" = p.id
            AND c.at < ${from}::timestamp(3)
          ORDER BY c."segmentId", c.at DESC, c.id DESC) c WHERE c.kind = 'entry') AS "segmentIds"
      FROM profiles p
      WHERE p."workspaceId" = ${workspaceId} AND p.id = ANY(${ids}::uuid[])
      ORDER BY p.id`,
    readSql.$queryRaw<EventRow[]>`
      SELECT "profileId"::text AS "profileId", type, name, properties, traits,
        context -> 'timezone' AS "contextTimezone", "timestamp"
      FROM events
      WHERE "workspaceId" = ${workspaceId} AND "profileId" = ANY(${ids}::uuid[])
        AND (type = 'identify' AND "timestamp" < ${to}::timestamp(3)
          OR type = 'track' AND (
            ("timestamp" >= ${from}::timestamp(3) AND "timestamp" < ${to}::timestamp(3)
              AND name = ANY(${plan.windowNames}::text[]))
            OR ("timestamp" >= ${historyFrom}::timestamp(3) AND "timestamp" < ${from}::timestamp(3)
              AND name = ANY(${plan.historyNames}::text[]))
            OR ("timestamp" >= ${to}::timestamp(3) AND "timestamp" < ${goalUntil}::timestamp(3)
              AND name = ${plan.goalEvent ?? ""})))
      ORDER BY "profileId", "timestamp", "receivedAt", id`,
  ]);
  const profiles = profileRows.map((row) => ({
    ...row,
    topicPreferences: topicPreferencesOf(row.topicPreferences),
  }));
  const byProfile = new Map<string, StoredEvent[]>();
  for (const row of events) {
    let list = byProfile.get(row.profileId);
    if (!list) {
      list = [];
      byProfile.set(row.profileId, list);
    }
    list.push({
      type: row.type,
      name: row.name,
      properties: row.properties ?? {},
      traits: row.traits,
      contextTimezone: row.contextTimezone,
      timestamp: row.timestamp,
    });
  }
  return { profiles, events: byProfile };
}

/** Stored events of any kind in the window (only read to explain an empty result). */
export async function countWindowEvents(input: {
  workspaceId: string;
  from: Date;
  to: Date;
}): Promise<number> {
  const [row] = await readSql.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM events
    WHERE "workspaceId" = ${input.workspaceId}
      AND "timestamp" >= ${input.from}::timestamp(3) AND "timestamp" < ${input.to}::timestamp(3)`;
  return row?.n ?? 0;
}
