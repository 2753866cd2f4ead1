import "server-only";
import { asRecord } from "@/lib/db/json-record";
import { type JsonPart, jsonPart, jsonTimestamp, queryParts, type RawDb } from "@/lib/db/sql";
import { rolledCount } from "@/lib/events/event-rollups";
import { Prisma } from "@/lib/generated/prisma/client";
import { type CountQuery, countKey } from "@/lib/journey-core/count-queries";
import type { ConditionItem } from "@/lib/journey-core/definition";
import type { ConditionResult } from "@/lib/journey-core/evaluate-condition";
import { matchesWhere } from "@/lib/journey-core/evaluate-condition";
import type { ProfileFacts } from "@/lib/journey-core/facts";
import {
  evaluateSegment,
  nextSegmentCheckAt,
  type SegmentReads,
} from "@/lib/journey-core/segment-condition";

// The SQL side of segment verdicts, set-based: any number of points (a
// segment, a profile, an instant) are decided on one statement's reads: the
// profiles' facts, and each count the conditions read at each point's
// instant (with the oldest counted event of each window, for the next
// check), as one LATERAL read per distinct (profile, event, window): whole
// days from event_rollups, the edge days from events (event-rollups.ts). Then the core's own evaluator
// (segment-condition.ts) decides each point. Live membership, the window
// checks, a new segment's computation and the explanation all decide here.
// Property filters on counted events are applied by the core's matcher, as
// load-counts.ts does for journeys.

export interface SegmentVerdict {
  member: boolean;
  result: ConditionResult;
  /** When a window could next change the verdict without an event (null: never). */
  nextCheckAt: Date | null;
  /** What it was decided on (for the explanation). */
  profile: ProfileFacts;
  counts: Record<string, number>;
}

export interface EvaluatedSegment {
  workspaceId: string;
  condition: ConditionItem;
  reads: SegmentReads;
}

/** One decision to make: a segment's verdict for a profile at an instant. */
export interface SegmentPoint {
  segment: EvaluatedSegment;
  profileId: string;
  at: Date;
}

/** A distinct read of events: one profile's events of one name in (since, at]. */
export interface CountRequest {
  workspaceId: string;
  profileId: string;
  event: string;
  since: Date | null;
  at: Date;
}

interface PointCount {
  query: CountQuery;
  /** Index into the plain requests (no `where`) or the row requests. */
  request: number;
}

interface ReadPlan {
  profiles: { workspaceId: string; profileId: string }[];
  /** Counted in SQL. */
  plain: CountRequest[];
  /** Read as rows, filtered by the core's matcher. */
  filtered: CountRequest[];
  perPoint: PointCount[][];
}

interface ProfileJson {
  id: string;
  workspaceId: string;
  traits: unknown;
  firstSeenAt: string;
  lastSeenAt: string;
  timezone: string | null;
  email: string | null;
}

interface CountJson {
  i: number;
  n: number;
  oldest: string | null;
}

interface RowJson {
  i: number;
  timestamp: string;
  properties: unknown;
}

export interface PointReads {
  facts: Map<string, ProfileFacts>;
  counts: Map<number, { n: number; oldest: Date | null }>;
  rows: Map<number, { timestamp: Date; properties: Record<string, unknown> }[]>;
}

/** The key of a profile's facts in PointReads.facts. */
export const profileKey = (workspaceId: string, profileId: string) => `${workspaceId}|${profileId}`;

/** A profile row as the evaluator reads it (timestamps as Dates or JSON strings). */
export function profileFacts(row: {
  id: string;
  traits: unknown;
  firstSeenAt: Date | string;
  lastSeenAt: Date | string;
  timezone: string | null;
  email: string | null;
}): ProfileFacts {
  const at = (value: Date | string) => (typeof value === "string" ? jsonTimestamp(value) : value);
  return {
    id: row.id,
    traits: asRecord(row.traits),
    firstSeenAt: at(row.firstSeenAt),
    lastSeenAt: at(row.lastSeenAt),
    timezone: row.timezone,
    email: row.email,
    unsubscribed: false,
    suppressed: false,
  };
}

function planReads(points: readonly SegmentPoint[]): ReadPlan {
  const profiles = new Map<string, { workspaceId: string; profileId: string }>();
  const plain: CountRequest[] = [];
  const filtered: CountRequest[] = [];
  const seen = new Map<string, number>();
  const perPoint = points.map(({ segment, profileId, at }) => {
    const { workspaceId } = segment;
    profiles.set(profileKey(workspaceId, profileId), { workspaceId, profileId });
    return segment.reads.counts.map((query) => {
      const since = query.withinMs === null ? null : new Date(at.getTime() - query.withinMs);
      const list = query.where.length === 0 ? plain : filtered;
      const key = `${list === plain ? "n" : "r"}|${workspaceId}|${profileId}|${query.event}|${since?.getTime() ?? ""}|${at.getTime()}`;
      let request = seen.get(key);
      if (request === undefined) {
        request = list.length;
        list.push({ workspaceId, profileId, event: query.event, since, at });
        seen.set(key, request);
      }
      return { query, request };
    });
  });
  return { profiles: [...profiles.values()], plain, filtered, perPoint };
}

/** The requests as parallel arrays, numbered from 1 (WITH ORDINALITY). */
function requestsSql(requests: readonly CountRequest[]): Prisma.Sql {
  return Prisma.sql`unnest(${requests.map((r) => r.workspaceId)}::text[],
      ${requests.map((r) => r.profileId)}::uuid[], ${requests.map((r) => r.event)}::text[],
      ${requests.map((r) => r.since)}::timestamp(3)[], ${requests.map((r) => r.at)}::timestamp(3)[])
    WITH ORDINALITY AS r(ws, pid, name, since, at, i)`;
}

/** The three reads of a plan, as parts of one statement (queryParts); `own` ones are left out. */
function readParts(plan: ReadPlan, own: { facts?: boolean; counts?: boolean }) {
  const { filtered } = plan;
  const profiles = own.facts ? [] : plan.profiles;
  const plain = own.counts ? [] : plan.plain;
  const facts = jsonPart<ProfileJson, Map<string, ProfileFacts>>(
    profiles.length === 0
      ? null
      : Prisma.sql`
    SELECT p.id::text AS id, p."workspaceId", p.traits, p."firstSeenAt", p."lastSeenAt", p.timezone, p.email
    FROM unnest(${profiles.map((p) => p.workspaceId)}::text[], ${profiles.map((p) => p.profileId)}::uuid[])
      AS r(ws, pid)
    JOIN profiles p ON p.id = r.pid AND p."workspaceId" = r.ws`,
    (rows) => new Map(rows.map((row) => [profileKey(row.workspaceId, row.id), profileFacts(row)])),
  );
  // Whole days from the rollups, the edge days from events (event-rollups.ts).
  const counted = rolledCount(
    { workspaceId: Prisma.sql`r.ws`, profileId: Prisma.sql`r.pid`, name: Prisma.sql`r.name` },
    Prisma.sql`r.since`,
    Prisma.sql`r.at`,
  );
  const counts = jsonPart<CountJson, PointReads["counts"]>(
    plain.length === 0
      ? null
      : Prisma.sql`
    SELECT r.i::int AS i, c.n, c.oldest FROM ${requestsSql(plain)}
    CROSS JOIN LATERAL ${counted} c
    WHERE c.n > 0`,
    (rows) =>
      new Map(rows.map((row) => [row.i - 1, { n: row.n, oldest: jsonTimestamp(row.oldest) }])),
  );
  const rows = jsonPart<RowJson, PointReads["rows"]>(
    filtered.length === 0
      ? null
      : Prisma.sql`
    SELECT r.i::int AS i, e."timestamp", e.properties FROM ${requestsSql(filtered)}
    CROSS JOIN LATERAL (
      SELECT e."timestamp", e.properties FROM events e
      WHERE e."profileId" = r.pid AND e.name = r.name AND e."workspaceId" = r.ws AND e.type = 'track'
        AND e."timestamp" > coalesce(r.since, '-infinity'::timestamp(3)) AND e."timestamp" <= r.at
    ) e`,
    (list) => {
      const out: PointReads["rows"] = new Map();
      for (const row of list) {
        const entries = out.get(row.i - 1) ?? [];
        entries.push({
          timestamp: jsonTimestamp(row.timestamp),
          properties: asRecord(row.properties as Prisma.JsonValue),
        });
        out.set(row.i - 1, entries);
      }
      return out;
    },
  );
  return { facts, counts, rows };
}

/**
 * The reads that decide `points`, as parts for one statement, so a caller can
 * run them with parts of its own (queryParts); `decide` turns the loaded
 * reads into verdicts.
 */
export function segmentPointReads(
  points: readonly SegmentPoint[],
  /** Reads the caller loads itself (compute-segment.ts): their parts read nothing. */
  own: { facts?: boolean; counts?: boolean } = {},
): {
  parts: {
    facts: JsonPart<PointReads["facts"]>;
    counts: JsonPart<PointReads["counts"]>;
    rows: JsonPart<PointReads["rows"]>;
  };
  decide(
    reads: PointReads,
    asOf?: (index: number, stored: ProfileFacts) => ProfileFacts,
  ): (SegmentVerdict | undefined)[];
  /** The counts read in SQL, by index (PointReads.counts), for a caller that counts them itself. */
  plainRequests: readonly CountRequest[];
} {
  const plan = planReads(points);
  return {
    plainRequests: plan.plain,
    parts: readParts(plan, own),
    decide: (reads, asOf) => decidePoints(points, plan, reads, asOf),
  };
}

/**
 * Each point's verdict (undefined when its profile does not exist). `asOf`
 * turns a profile's stored (latest) facts into its facts at the point
 * (traits as of the event: refresh-segments.ts); without it, the stored ones.
 */
function decidePoints(
  points: readonly SegmentPoint[],
  plan: ReadPlan,
  reads: PointReads,
  asOf?: (index: number, stored: ProfileFacts) => ProfileFacts,
): (SegmentVerdict | undefined)[] {
  return points.map((point, index) => {
    const stored = reads.facts.get(profileKey(point.segment.workspaceId, point.profileId));
    if (!stored) return undefined;
    const profile = asOf ? asOf(index, stored) : stored;
    const counts: Record<string, number> = {};
    const oldest: Record<string, Date | null> = {};
    for (const { query, request } of plan.perPoint[index] ?? []) {
      const key = countKey(query);
      if (query.where.length === 0) {
        const loaded = reads.counts.get(request);
        counts[key] = loaded?.n ?? 0;
        oldest[key] = loaded?.oldest ?? null;
        continue;
      }
      let n = 0;
      let first: Date | null = null;
      for (const row of reads.rows.get(request) ?? []) {
        if (!matchesWhere(query.where, row.properties).pass) continue;
        n += 1;
        if (!first || row.timestamp < first) first = row.timestamp;
      }
      counts[key] = n;
      oldest[key] = first;
    }
    const { condition } = point.segment;
    const result = evaluateSegment(condition, profile, counts, point.at);
    const nextCheckAt = nextSegmentCheckAt(condition, profile, oldest, point.at, {
      member: result.pass,
      counts,
    });
    return { member: result.pass, result, nextCheckAt, profile, counts };
  });
}

/** Every point's verdict, read in one statement. */
export async function evaluatePoints(
  tx: RawDb,
  points: readonly SegmentPoint[],
): Promise<(SegmentVerdict | undefined)[]> {
  if (points.length === 0) return [];
  const { parts, decide } = segmentPointReads(points);
  return decide(await queryParts(tx, parts));
}

/** One segment's verdict for each profile that exists at `at` (a missing profile is absent). */
export async function evaluateMembers(
  tx: RawDb,
  segment: EvaluatedSegment,
  profileIds: readonly string[],
  at: Date,
): Promise<Map<string, SegmentVerdict>> {
  const verdicts = await evaluatePoints(
    tx,
    profileIds.map((profileId) => ({ segment, profileId, at })),
  );
  const out = new Map<string, SegmentVerdict>();
  profileIds.forEach((id, i) => {
    const verdict = verdicts[i];
    if (verdict) out.set(id, verdict);
  });
  return out;
}
