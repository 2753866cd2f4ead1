import "server-only";
import { asRecord } from "@/lib/db/json-record";
import type { RawDb } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import { countKey } from "@/lib/journey-core/count-queries";
import type { ConditionItem } from "@/lib/journey-core/definition";
import type { ConditionResult } from "@/lib/journey-core/evaluate-condition";
import { matchesWhere } from "@/lib/journey-core/evaluate-condition";
import type { ProfileFacts } from "@/lib/journey-core/facts";
import {
  evaluateSegment,
  nextSegmentCheckAt,
  type SegmentReads,
} from "@/lib/journey-core/segment-condition";

// The SQL side of a segment's verdict for a set of profiles at one instant:
// their facts and the counts the condition reads (with the oldest counted
// event of each window, for the next check), set-based per count, then the
// core's own evaluator (segment-condition.ts). Property filters on counted
// events are applied by the core's matcher, as load-counts.ts does for journeys.

export interface SegmentVerdict {
  member: boolean;
  result: ConditionResult;
  /** When a window could next change the verdict without an event (null: never). */
  nextCheckAt: Date | null;
  /** What it was decided on (for the explanation). */
  profile: ProfileFacts;
  counts: Record<string, number>;
}

interface ProfileRow {
  id: string;
  traits: Prisma.JsonValue;
  firstSeenAt: Date;
  lastSeenAt: Date;
  timezone: string | null;
  email: string | null;
}

export async function loadSegmentFacts(
  tx: RawDb,
  workspaceId: string,
  profileIds: readonly string[],
): Promise<Map<string, ProfileFacts>> {
  if (profileIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<ProfileRow[]>`
    SELECT id::text AS id, traits, "firstSeenAt", "lastSeenAt", timezone, email FROM profiles
    WHERE "workspaceId" = ${workspaceId} AND id = ANY(${[...profileIds]}::uuid[])`;
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        traits: asRecord(row.traits),
        firstSeenAt: row.firstSeenAt,
        lastSeenAt: row.lastSeenAt,
        timezone: row.timezone,
        email: row.email,
        unsubscribed: false,
        suppressed: false,
      },
    ]),
  );
}

interface CountRow {
  profileId: string;
  n: number;
  oldest: Date | null;
}

interface EventRow {
  profileId: string;
  timestamp: Date;
  properties: Prisma.JsonValue;
}

/** Per profile and countKey: the count at `at` and the oldest counted event's time. */
async function loadCounts(
  tx: RawDb,
  workspaceId: string,
  profileIds: readonly string[],
  reads: SegmentReads,
  at: Date,
): Promise<Map<string, { counts: Record<string, number>; oldest: Record<string, Date | null> }>> {
  const out = new Map<
    string,
    { counts: Record<string, number>; oldest: Record<string, Date | null> }
  >();
  for (const id of profileIds) out.set(id, { counts: {}, oldest: {} });
  const ids = [...profileIds];
  for (const query of reads.counts) {
    const key = countKey(query);
    const from = query.withinMs === null ? null : new Date(at.getTime() - query.withinMs);
    for (const entry of out.values()) {
      entry.counts[key] = 0;
      entry.oldest[key] = null;
    }
    if (query.where.length === 0) {
      const rows = await tx.$queryRaw<CountRow[]>`
        SELECT "profileId"::text AS "profileId", count(*)::int AS n, min("timestamp") AS oldest
        FROM events
        WHERE "workspaceId" = ${workspaceId} AND "profileId" = ANY(${ids}::uuid[])
          AND name = ${query.event} AND type = 'track' AND "timestamp" <= ${at}::timestamp(3)
          AND (${from}::timestamp(3) IS NULL OR "timestamp" > ${from}::timestamp(3))
        GROUP BY "profileId"`;
      for (const row of rows) {
        const entry = out.get(row.profileId);
        if (!entry) continue;
        entry.counts[key] = row.n;
        entry.oldest[key] = row.oldest;
      }
      continue;
    }
    const rows = await tx.$queryRaw<EventRow[]>`
      SELECT "profileId"::text AS "profileId", "timestamp", properties FROM events
      WHERE "workspaceId" = ${workspaceId} AND "profileId" = ANY(${ids}::uuid[])
        AND name = ${query.event} AND type = 'track' AND "timestamp" <= ${at}::timestamp(3)
        AND (${from}::timestamp(3) IS NULL OR "timestamp" > ${from}::timestamp(3))`;
    for (const row of rows) {
      const entry = out.get(row.profileId);
      if (!entry || !matchesWhere(query.where, asRecord(row.properties)).pass) continue;
      entry.counts[key] = (entry.counts[key] ?? 0) + 1;
      const oldest = entry.oldest[key];
      if (!oldest || row.timestamp < oldest) entry.oldest[key] = row.timestamp;
    }
  }
  return out;
}

/**
 * The verdict for each profile that exists (a missing profile is absent).
 * `asOf` turns a profile's stored (latest) facts into its facts at `at`
 * (traits as of the event: refresh-segments.ts); without it, the stored ones.
 */
export async function evaluateMembers(
  tx: RawDb,
  segment: { workspaceId: string; condition: ConditionItem; reads: SegmentReads },
  profileIds: readonly string[],
  at: Date,
  asOf?: (facts: ProfileFacts) => ProfileFacts,
): Promise<Map<string, SegmentVerdict>> {
  const stored = await loadSegmentFacts(tx, segment.workspaceId, profileIds);
  const facts = asOf ? new Map([...stored].map(([id, profile]) => [id, asOf(profile)])) : stored;
  const present = [...facts.keys()];
  const counts = await loadCounts(tx, segment.workspaceId, present, segment.reads, at);
  const verdicts = new Map<string, SegmentVerdict>();
  for (const [id, profile] of facts) {
    const loaded = counts.get(id) ?? { counts: {}, oldest: {} };
    const result = evaluateSegment(segment.condition, profile, loaded.counts, at);
    const nextCheckAt = nextSegmentCheckAt(segment.condition, profile, loaded.oldest, at);
    verdicts.set(id, { member: result.pass, result, nextCheckAt, profile, counts: loaded.counts });
  }
  return verdicts;
}
