import "server-only";
import { jsonTimestamp, type RawDb, sqlTransaction } from "@/lib/db/sql";
import { rawEventsKeptFrom } from "@/lib/events/event-rollups";
import { Prisma } from "@/lib/generated/prisma/client";
import { LAST_SEEN_RESOLUTION_MS } from "@/lib/ingest/insert-events";
import { durationToMs, type InactivityTrigger } from "@/lib/journey-core/definition";
import { indexJourney } from "@/lib/journey-core/journey-graph";
import { type JourneyStatus, type StatusChange, statusAt } from "@/lib/journey-core/journey-status";
import { inactivityDueAt, matchInactivity } from "@/lib/journey-core/match-trigger";
import { allowedLatenessMs } from "./allowed-lateness";
import { type Clock, systemClock } from "./clock";
import { loadVersions } from "./load-journeys";
import { prepareBatch } from "./prepare-batch";
import { lockProfiles } from "./profile-locks";

// The "engine-inactivity" task: inactivity triggers are a periodic sweep, not
// a timer per event. Only one process sweeps at a time (a transaction-scoped
// advisory lock; the others skip the round).
//
// Activity only moves forward, so a profile lapses exactly once per period:
// when `now − inactiveFor` passes its last activity. Each journey keeps a
// watermark (inactivity_sweeps.sweptUntil), and a round reads only the range
// of the index between the watermark and that cutoff: the profiles that
// lapsed since the last round, not every profile. inactivity_fires keeps
// when the trigger last fired for a profile (entered or refused by re-entry),
// which is the core's "once per period" input.
//
// Activity is the profile's last call of any kind when the trigger names no
// event (found through `profiles.lastSeenAt`, which moves in steps of a
// minute, then read exactly from events), else its last tracked event of
// that name, or its firstSeenAt when it never sent one.
//
// Time: a profile enters as of its due time (last activity + the period),
// when the journey was live then, not as of the sweep; and the sweep looks
// only up to the allowed lateness ago, so activity a client sends late still
// counts (allowed-lateness.ts).

export const ENGINE_INACTIVITY_TASK = "engine-inactivity";
const SWEEP_LOCK = 4_242_010; // setup 4_242_001, tests 4_242_002, demo seed 4_242_003
const DEFAULT_BATCH = 1_000;
const EPOCH = new Date(0);
const SWEEP_TIMEOUT_MS = 120_000;

export interface SweepOptions {
  now?: Clock;
  /** Default: CUE_ALLOWED_LATENESS_MS. Fake-clock tests pass 0. */
  allowedLatenessMs?: number;
  /** Most profiles considered per round, over all journeys. */
  batchSize?: number;
  log?: (line: string) => void;
}

export interface SweepResult {
  /** False when another process holds the sweep. */
  swept: boolean;
  /** Lapsed profiles considered this round (0 when caught up). */
  considered: number;
  entered: number;
  /**
   * The round stopped at its batch size: more lapsed profiles may be waiting.
   * Not `considered > 0`: the range starts a minute early (lapsedProfiles), so
   * a profile the round decided not to enter (its lapse came due before the
   * journey was live) is read again by every round for up to a minute, and a
   * loop that went again while anything was considered spun on it.
   */
  more: boolean;
}

interface Candidate {
  profileId: string;
  activity: Date;
}

export async function sweepInactivity(options: SweepOptions = {}): Promise<SweepResult> {
  const clock = options.now ?? systemClock;
  const log = options.log ?? ((line: string) => console.error(`[cue] ${line}`));
  const limit = options.batchSize ?? DEFAULT_BATCH;
  return sqlTransaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`
      SELECT pg_try_advisory_xact_lock(${SWEEP_LOCK}::bigint) AS ok`;
      if (!lock?.ok) return { swept: false, considered: 0, entered: 0, more: false };
      const now = clock();
      const bound = new Date(now.getTime() - (options.allowedLatenessMs ?? allowedLatenessMs()));
      // Cross-workspace on purpose: one sweeper serves every tenant; each
      // journey's queries below are scoped by its own workspaceId.
      const triggers = await tx.$queryRaw<TriggerRow[]>`
      SELECT t."journeyId", t."workspaceId", t."versionId", t.kind, t."eventName",
             coalesce((SELECT json_agg(json_build_object('status', c.status, 'versionId', c."versionId", 'at', c.at)
                                       ORDER BY c.at, c.id)
                       FROM journey_status_changes c WHERE c."journeyId" = t."journeyId"), '[]') AS history
      FROM journey_triggers t
      WHERE t.kind = 'inactivity'`;
      const versions = await loadVersions(tx, triggers, log);
      const result: SweepResult = { swept: true, considered: 0, entered: 0, more: false };
      for (const row of triggers) {
        const budget = limit - result.considered;
        if (budget <= 0) break;
        const trigger = versions.get(row.versionId)
          ? indexJourney(versions.get(row.versionId)!.definition).trigger?.trigger
          : undefined;
        if (trigger?.kind !== "inactivity") continue;
        const history = row.history.map((c) => ({ ...c, at: jsonTimestamp(c.at) }));
        const done = await sweepJourney(tx, now, bound, { ...row, history, trigger }, budget, log);
        result.considered += done.considered;
        result.entered += done.entered;
      }
      result.more = result.considered >= limit;
      return result;
    },
    { timeoutMs: SWEEP_TIMEOUT_MS },
  );
}

interface TriggerRow {
  journeyId: string;
  workspaceId: string;
  versionId: string;
  kind: string;
  eventName: string | null;
  history: { status: JourneyStatus; versionId: string | null; at: string }[];
}

async function sweepJourney(
  tx: RawDb,
  now: Date,
  bound: Date,
  journey: {
    journeyId: string;
    workspaceId: string;
    versionId: string;
    history: StatusChange[];
    trigger: InactivityTrigger;
  },
  limit: number,
  log: (line: string) => void,
): Promise<{ considered: number; entered: number }> {
  const { journeyId, workspaceId, trigger } = journey;
  const cutoff = new Date(bound.getTime() - durationToMs(trigger.inactiveFor));
  const [mark] = await tx.$queryRaw<{ sweptUntil: Date }[]>`
    SELECT "sweptUntil" FROM inactivity_sweeps WHERE "journeyId" = ${journeyId}`;
  const from = mark?.sweptUntil ?? EPOCH;
  if (from > cutoff) return { considered: 0, entered: 0 };
  const candidates = trigger.event
    ? await lapsedOnEvent(tx, { journeyId, workspaceId, event: trigger.event, from, cutoff, limit })
    : await lapsedProfiles(tx, { journeyId, workspaceId, from, cutoff, limit });

  let entered = 0;
  if (candidates.length > 0) {
    const refs = candidates.map((c) => ({ workspaceId, profileId: c.profileId }));
    await lockProfiles(
      tx,
      refs.map((r) => r.profileId),
    );
    const prepared = await prepareBatch(tx, now, {
      refs,
      runRows: [],
      entryJourneys: [journey],
      log,
    });
    const target = {
      journey: prepared.journeys.get(journeyId),
      version: prepared.versions.get(journey.versionId),
    };
    // Paused or archived since the trigger was read: leave the range (and
    // the watermark) for when it is live again.
    if (target.journey?.status !== "live" || !target.version) return { considered: 0, entered: 0 };
    const lastActivity = await lastEventTimes(
      tx,
      workspaceId,
      trigger.event ?? null,
      refs.map((r) => r.profileId),
    );
    const fires = await tx.$queryRaw<{ profileId: string; lastFiredAt: Date }[]>`
      SELECT "profileId"::text AS "profileId", "lastFiredAt" FROM inactivity_fires
      WHERE "journeyId" = ${journeyId} AND "workspaceId" = ${workspaceId}
        AND "profileId" = ANY(${refs.map((r) => r.profileId)}::uuid[])`;
    const lastFired = new Map(fires.map((f) => [f.profileId, f.lastFiredAt]));
    const fired: { profileId: string; at: Date }[] = [];
    for (const candidate of candidates) {
      const profile = prepared.profiles.get(candidate.profileId);
      if (!profile || profile.missing) continue;
      // Re-read under the lock, exactly: activity since the candidate query moves the profile on.
      const lastActivityAt =
        lastActivity.get(candidate.profileId) ??
        (trigger.event ? profile.facts.firstSeenAt : profile.facts.lastSeenAt);
      const lastFiredAt = lastFired.get(candidate.profileId) ?? null;
      if (!matchInactivity(trigger, lastActivityAt, lastFiredAt, bound).match) continue;
      // As of the moment the silence became long enough, if the journey was live then.
      const dueAt = inactivityDueAt(trigger, lastActivityAt);
      if (statusAt(journey.history, dueAt).status !== "live") continue;
      fired.push({ profileId: candidate.profileId, at: dueAt });
      const signal = { kind: "inactivity" as const, lastActivityAt, lastFiredAt };
      const decision = await prepared.batch.tryEnter(
        profile,
        target.journey,
        target.version,
        signal,
        null,
        dueAt,
      );
      if (decision.enter) entered += 1;
    }
    await prepared.batch.flush();
    await recordFires(tx, { journeyId, workspaceId, fires: fired });
  }
  // A full page may stop inside a run of equal timestamps: restart at the
  // last one (inclusive); inactivity_fires keeps those already done out.
  const sweptUntil = candidates.length < limit ? cutoff : (candidates.at(-1)?.activity ?? cutoff);
  await tx.$executeRaw`
    INSERT INTO inactivity_sweeps ("journeyId", "workspaceId", "sweptUntil", "updatedAt")
    VALUES (${journeyId}, ${workspaceId}, ${sweptUntil}::timestamp(3), ${new Date()}::timestamp(3))
    ON CONFLICT ("journeyId") DO UPDATE
      SET "sweptUntil" = excluded."sweptUntil", "updatedAt" = excluded."updatedAt"`;
  return { considered: candidates.length, entered };
}

interface RangeQuery {
  journeyId: string;
  workspaceId: string;
  from: Date;
  cutoff: Date;
  limit: number;
}

/**
 * Any activity: a range of the (workspaceId, lastSeenAt) index. The range
 * starts a step early because lastSeenAt moves in steps of a minute (its
 * true last activity, read exactly under the lock, can be later).
 */
async function lapsedProfiles(tx: RawDb, q: RangeQuery): Promise<Candidate[]> {
  const from = new Date(q.from.getTime() - LAST_SEEN_RESOLUTION_MS);
  return tx.$queryRaw<Candidate[]>`
    SELECT p.id::text AS "profileId", p."lastSeenAt" AS activity
    FROM profiles p
    WHERE p."workspaceId" = ${q.workspaceId}
      AND p."lastSeenAt" >= ${from}::timestamp(3) AND p."lastSeenAt" <= ${q.cutoff}::timestamp(3)
      AND NOT EXISTS (
        SELECT 1 FROM inactivity_fires f
        WHERE f."journeyId" = ${q.journeyId} AND f."profileId" = p.id AND f."lastFiredAt" >= p."lastSeenAt")
    ORDER BY p."lastSeenAt"
    LIMIT ${q.limit}`;
}

/**
 * A named event: profiles whose last such event fell into the range, and
 * profiles that never sent it, lapsing from their firstSeenAt.
 */
async function lapsedOnEvent(tx: RawDb, q: RangeQuery & { event: string }): Promise<Candidate[]> {
  const keptFrom = rawEventsKeptFrom(new Date());
  // The range from the raw events while retention keeps them (a short range
  // of the index); past it, from the rollups' days it touches, where a
  // day's lastAt is its last event (lib/events/event-rollups.ts).
  const lastInRange =
    keptFrom === null || q.from >= keptFrom
      ? Prisma.sql`
      SELECT e."profileId"::text AS "profileId", max(e."timestamp") AS activity
      FROM events e
      WHERE e."workspaceId" = ${q.workspaceId} AND e.name = ${q.event} AND e.type = 'track'
        AND e."timestamp" >= ${q.from}::timestamp(3) AND e."timestamp" <= ${q.cutoff}::timestamp(3)
        -- Only the partitions that can hold events from q.from on (ARCHITECTURE.md).
        AND e.id >= cue_event_id_floor(${q.from}::timestamp(3))
      GROUP BY e."profileId"
      HAVING NOT EXISTS (
        SELECT 1 FROM events l
        WHERE l."profileId" = e."profileId" AND l.name = ${q.event} AND l.type = 'track'
          AND l."timestamp" > ${q.cutoff}::timestamp(3)
          AND l.id >= cue_event_id_floor(${q.cutoff}::timestamp(3)))`
      : Prisma.sql`
      SELECT ro."profileId"::text AS "profileId", max(ro."lastAt") AS activity
      FROM event_rollups ro
      WHERE ro."workspaceId" = ${q.workspaceId} AND ro.name = ${q.event}
        AND ro.day >= ${q.from}::date AND ro.day <= ${q.cutoff}::date
        AND ro."lastAt" >= ${q.from}::timestamp(3)
      GROUP BY ro."profileId"
      HAVING max(ro."lastAt") <= ${q.cutoff}::timestamp(3) AND NOT EXISTS (
        SELECT 1 FROM event_rollups l
        WHERE l."workspaceId" = ${q.workspaceId} AND l."profileId" = ro."profileId"
          AND l.name = ${q.event} AND l.day > ${q.cutoff}::date)`;
  return tx.$queryRaw<Candidate[]>`
    SELECT c."profileId", c.activity FROM (
      ${lastInRange}
      UNION ALL
      SELECT p.id::text, p."firstSeenAt"
      FROM profiles p
      WHERE p."workspaceId" = ${q.workspaceId}
        AND p."firstSeenAt" >= ${q.from}::timestamp(3) AND p."firstSeenAt" <= ${q.cutoff}::timestamp(3)
        -- Ever sent it: the rollups outlive raw events (lib/events/event-rollups.ts).
        AND NOT EXISTS (
          SELECT 1 FROM event_rollups l
          WHERE l."workspaceId" = ${q.workspaceId} AND l."profileId" = p.id AND l.name = ${q.event})
    ) c
    WHERE NOT EXISTS (
      SELECT 1 FROM inactivity_fires f
      WHERE f."journeyId" = ${q.journeyId} AND f."profileId" = c."profileId"::uuid
        AND f."lastFiredAt" >= c.activity)
    ORDER BY c.activity
    LIMIT ${q.limit}`;
}

/** Each profile's last activity, exactly: its last tracked event of that name, or its last call. */
async function lastEventTimes(
  tx: RawDb,
  workspaceId: string,
  event: string | null,
  profileIds: string[],
): Promise<Map<string, Date>> {
  const rows = event
    ? await tx.$queryRaw<{ profileId: string; at: Date | null }[]>`
        SELECT pid::text AS "profileId",
               -- The latest day's last event, from the rollups (event-rollups.ts).
               (SELECT ro."lastAt" FROM event_rollups ro
                WHERE ro."workspaceId" = ${workspaceId} AND ro."profileId" = pid AND ro.name = ${event}
                ORDER BY ro.day DESC LIMIT 1) AS at
        FROM unnest(${profileIds}::uuid[]) AS pid`
    : await tx.$queryRaw<{ profileId: string; at: Date | null }[]>`
        SELECT pid::text AS "profileId",
               (SELECT max(e."timestamp") FROM events e
                WHERE e."profileId" = pid AND e."workspaceId" = ${workspaceId}) AS at
        FROM unnest(${profileIds}::uuid[]) AS pid`;
  return new Map(rows.flatMap((r) => (r.at ? [[r.profileId, r.at] as const] : [])));
}

async function recordFires(
  tx: RawDb,
  input: { journeyId: string; workspaceId: string; fires: { profileId: string; at: Date }[] },
): Promise<void> {
  if (input.fires.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO inactivity_fires ("journeyId", "profileId", "workspaceId", "lastFiredAt")
    SELECT ${input.journeyId}, f.pid, ${input.workspaceId}, f.at
    FROM unnest(${input.fires.map((f) => f.profileId)}::uuid[],
                ${input.fires.map((f) => f.at)}::timestamp(3)[]) AS f(pid, at)
    ORDER BY f.pid
    ON CONFLICT ("journeyId", "profileId") DO UPDATE SET "lastFiredAt" = excluded."lastFiredAt"`;
}
