import "server-only";
import { type RawDb, sqlTransaction } from "@/lib/db/sql";
import { durationToMs, type InactivityTrigger } from "@/lib/journey-core/definition";
import { indexJourney } from "@/lib/journey-core/journey-graph";
import { matchInactivity } from "@/lib/journey-core/match-trigger";
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
// Activity is `profiles.lastSeenAt` (any call) when the trigger names no
// event, else the profile's last tracked event of that name, or its
// firstSeenAt when it never sent one.

export const ENGINE_INACTIVITY_TASK = "engine-inactivity";
const SWEEP_LOCK = 4_242_010; // setup 4_242_001, tests 4_242_002, demo seed 4_242_003
const DEFAULT_BATCH = 1_000;
const EPOCH = new Date(0);
const SWEEP_TIMEOUT_MS = 120_000;

export interface SweepOptions {
  now?: Clock;
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
      if (!lock?.ok) return { swept: false, considered: 0, entered: 0 };
      const now = clock();
      // Cross-workspace on purpose: one sweeper serves every tenant; each
      // journey's queries below are scoped by its own workspaceId.
      const triggers = await tx.$queryRaw<TriggerRow[]>`
      SELECT "journeyId", "workspaceId", "versionId", kind, "eventName" FROM journey_triggers
      WHERE kind = 'inactivity'`;
      const versions = await loadVersions(tx, triggers, log);
      const result: SweepResult = { swept: true, considered: 0, entered: 0 };
      for (const row of triggers) {
        const budget = limit - result.considered;
        if (budget <= 0) break;
        const trigger = versions.get(row.versionId)
          ? indexJourney(versions.get(row.versionId)!.definition).trigger?.trigger
          : undefined;
        if (trigger?.kind !== "inactivity") continue;
        const done = await sweepJourney(tx, now, { ...row, trigger }, budget, log);
        result.considered += done.considered;
        result.entered += done.entered;
      }
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
}

async function sweepJourney(
  tx: RawDb,
  now: Date,
  journey: {
    journeyId: string;
    workspaceId: string;
    versionId: string;
    trigger: InactivityTrigger;
  },
  limit: number,
  log: (line: string) => void,
): Promise<{ considered: number; entered: number }> {
  const { journeyId, workspaceId, trigger } = journey;
  const cutoff = new Date(now.getTime() - durationToMs(trigger.inactiveFor));
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
    const lastEvent = trigger.event
      ? await lastEventTimes(
          tx,
          workspaceId,
          trigger.event,
          refs.map((r) => r.profileId),
        )
      : null;
    const fires = await tx.$queryRaw<{ profileId: string; lastFiredAt: Date }[]>`
      SELECT "profileId"::text AS "profileId", "lastFiredAt" FROM inactivity_fires
      WHERE "journeyId" = ${journeyId} AND "workspaceId" = ${workspaceId}
        AND "profileId" = ANY(${refs.map((r) => r.profileId)}::uuid[])`;
    const lastFired = new Map(fires.map((f) => [f.profileId, f.lastFiredAt]));
    const fired: string[] = [];
    for (const candidate of candidates) {
      const profile = prepared.profiles.get(candidate.profileId);
      if (!profile || profile.missing) continue;
      // Re-read under the lock: activity since the candidate query moves the profile on.
      const lastActivityAt = lastEvent
        ? (lastEvent.get(candidate.profileId) ?? profile.facts.firstSeenAt)
        : profile.facts.lastSeenAt;
      const lastFiredAt = lastFired.get(candidate.profileId) ?? null;
      if (!matchInactivity(trigger, lastActivityAt, lastFiredAt, now).match) continue;
      fired.push(candidate.profileId);
      const signal = { kind: "inactivity" as const, lastActivityAt, lastFiredAt };
      const decision = await prepared.batch.tryEnter(
        profile,
        target.journey,
        target.version,
        signal,
        null,
      );
      if (decision.enter) entered += 1;
    }
    await prepared.batch.flush();
    await recordFires(tx, { journeyId, workspaceId, profileIds: fired, now });
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

/** Any activity: a range of the (workspaceId, lastSeenAt) index. */
async function lapsedProfiles(tx: RawDb, q: RangeQuery): Promise<Candidate[]> {
  return tx.$queryRaw<Candidate[]>`
    SELECT p.id::text AS "profileId", p."lastSeenAt" AS activity
    FROM profiles p
    WHERE p."workspaceId" = ${q.workspaceId}
      AND p."lastSeenAt" >= ${q.from}::timestamp(3) AND p."lastSeenAt" <= ${q.cutoff}::timestamp(3)
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
  return tx.$queryRaw<Candidate[]>`
    SELECT c."profileId", c.activity FROM (
      SELECT e."profileId"::text AS "profileId", max(e."timestamp") AS activity
      FROM events e
      WHERE e."workspaceId" = ${q.workspaceId} AND e.name = ${q.event} AND e.type = 'track'
        AND e."timestamp" >= ${q.from}::timestamp(3) AND e."timestamp" <= ${q.cutoff}::timestamp(3)
      GROUP BY e."profileId"
      HAVING NOT EXISTS (
        SELECT 1 FROM events l
        WHERE l."profileId" = e."profileId" AND l.name = ${q.event} AND l.type = 'track'
          AND l."timestamp" > ${q.cutoff}::timestamp(3))
      UNION ALL
      SELECT p.id::text, p."firstSeenAt"
      FROM profiles p
      WHERE p."workspaceId" = ${q.workspaceId}
        AND p."firstSeenAt" >= ${q.from}::timestamp(3) AND p."firstSeenAt" <= ${q.cutoff}::timestamp(3)
        AND NOT EXISTS (
          SELECT 1 FROM events l WHERE l."profileId" = p.id AND l.name = ${q.event} AND l.type = 'track')
    ) c
    WHERE NOT EXISTS (
      SELECT 1 FROM inactivity_fires f
      WHERE f."journeyId" = ${q.journeyId} AND f."profileId" = c."profileId"::uuid
        AND f."lastFiredAt" >= c.activity)
    ORDER BY c.activity
    LIMIT ${q.limit}`;
}

async function lastEventTimes(
  tx: RawDb,
  workspaceId: string,
  event: string,
  profileIds: string[],
): Promise<Map<string, Date>> {
  const rows = await tx.$queryRaw<{ profileId: string; at: Date | null }[]>`
    SELECT pid::text AS "profileId",
           (SELECT max(e."timestamp") FROM events e
            WHERE e."profileId" = pid AND e."workspaceId" = ${workspaceId}
              AND e.name = ${event} AND e.type = 'track') AS at
    FROM unnest(${profileIds}::uuid[]) AS pid`;
  return new Map(rows.flatMap((r) => (r.at ? [[r.profileId, r.at] as const] : [])));
}

async function recordFires(
  tx: RawDb,
  input: { journeyId: string; workspaceId: string; profileIds: string[]; now: Date },
): Promise<void> {
  if (input.profileIds.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO inactivity_fires ("journeyId", "profileId", "workspaceId", "lastFiredAt")
    SELECT ${input.journeyId}, pid, ${input.workspaceId}, ${input.now}::timestamp(3)
    FROM unnest(${input.profileIds}::uuid[]) AS pid
    ORDER BY pid
    ON CONFLICT ("journeyId", "profileId") DO UPDATE SET "lastFiredAt" = excluded."lastFiredAt"`;
}
