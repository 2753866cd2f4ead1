import "server-only";
import { z } from "zod";
import { parseOrThrow } from "@/lib/api/errors";
import { readPrisma } from "@/lib/db/client";
import { type RawDb, readSql } from "@/lib/db/sql";
import type { ActivationSettings } from "@/lib/workspaces/activation-input";
import { getActivationSettings } from "@/lib/workspaces/activation-settings";
import { DAY_MS } from "../analytics-range";
import {
  COHORT_COUNT,
  type CohortCounts,
  type CohortRow,
  type CohortUnit,
  cohortRows,
  cohortStarts,
  completeRate,
} from "./activation-cohorts";
import {
  type JourneyActivationCounts,
  type JourneyActivationLift,
  journeyActivationLift,
} from "./activation-lift";

// The home page's numbers: activation by signup cohort, and how much each
// published journey with a holdout moved it (activation-lift.ts). Every
// figure is counted from profiles, events and journey_runs.
//
// Indexes: profiles (workspaceId, firstSeenAt) for the cohorts; events
// (profileId, name, timestamp) for each profile's first activation event;
// journey_runs (workspaceId, enteredAt) and (journeyId, enteredAt) for the entrants.

export const activationOverviewQuerySchema = z.object({
  by: z.enum(["day", "week"], "Choose day or week.").optional(),
});

export interface ActivationOverview {
  activation: ActivationSettings | null;
  unit: CohortUnit;
  cohorts: CohortRow[];
  /** Over the complete cohorts shown. */
  overall: { profiles: number; activated: number; rate: number | null };
  journeys: JourneyActivationLift[];
  now: string;
}

export async function getActivationOverview(input: {
  workspaceId: string;
  query?: Record<string, string>;
  now?: Date;
  db?: RawDb;
}): Promise<ActivationOverview> {
  const now = input.now ?? new Date();
  const db = input.db ?? readSql;
  const { by } = parseOrThrow(activationOverviewQuerySchema, input.query ?? {});
  const { workspaceId } = input;
  const { activation } = await getActivationSettings(workspaceId);
  const unit = by ?? (await defaultUnit(db, workspaceId, now));
  if (!activation) {
    return {
      activation,
      unit,
      cohorts: [],
      overall: { profiles: 0, activated: 0, rate: null },
      journeys: [],
      now: now.toISOString(),
    };
  }
  const starts = cohortStarts(now, unit, COHORT_COUNT[unit]);
  const [counts, journeys] = await Promise.all([
    loadCohortCounts(db, { workspaceId, activation, unit, from: starts[0] ?? now, now }),
    loadJourneyCounts(db, { workspaceId, activation, from: starts[0] ?? now, now }),
  ]);
  const rows = cohortRows({ starts, counts, unit, windowDays: activation.windowDays, now });
  // From the first cohort anyone is in: a young workspace's chart starts at its first signups.
  const first = rows.findIndex((row) => row.profiles > 0);
  const cohorts = first > 0 ? rows.slice(first) : rows;
  return {
    activation,
    unit,
    cohorts,
    overall: completeRate(cohorts),
    journeys: journeys.map(journeyActivationLift),
    now: now.toISOString(),
  };
}

/** Days when the workspace's profiles all arrived in the last 30 days, else weeks. */
async function defaultUnit(db: RawDb, workspaceId: string, now: Date): Promise<CohortUnit> {
  const since = new Date(now.getTime() - COHORT_COUNT.day * DAY_MS);
  const [row] = await db.$queryRaw<{ older: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM profiles
      WHERE "workspaceId" = ${workspaceId} AND "firstSeenAt" < ${since}::timestamp(3)
    ) AS older`;
  return row?.older ? "week" : "day";
}

/** Profiles first seen in [from, now] per cohort, and how many activated within the window. */
export async function loadCohortCounts(
  db: RawDb,
  input: {
    workspaceId: string;
    activation: ActivationSettings;
    unit: CohortUnit;
    from: Date;
    now: Date;
  },
): Promise<CohortCounts[]> {
  const { workspaceId, activation, unit, from, now } = input;
  // date_trunc('week') starts weeks on Monday, as cohortStart does.
  const trunc = unit === "week" ? "week" : "day";
  return db.$queryRaw<CohortCounts[]>`
    SELECT to_char(date_trunc(${trunc}, p."firstSeenAt"), 'YYYY-MM-DD') AS cohort,
      count(*)::int AS profiles,
      -- From the rollups, which outlive raw events (lib/events/event-rollups.ts).
      count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM event_rollups ro
        WHERE ro."workspaceId" = ${workspaceId} AND ro."profileId" = p.id
          AND ro.name = ANY(${activation.events}::text[])
          AND ro."firstAt" <= p."firstSeenAt" + make_interval(days => ${activation.windowDays}::int)
      ))::int AS activated
    FROM profiles p
    WHERE p."workspaceId" = ${workspaceId}
      AND p."firstSeenAt" >= ${from}::timestamp(3) AND p."firstSeenAt" <= ${now}::timestamp(3)
    GROUP BY 1`;
}

/**
 * Per published journey, over the runs entered since `from` (the chart's
 * first cohort): its entrants who could still activate (not activated
 * at first entry, window open then), messaged or held out, and how many of
 * them activated within their window (by now, for windows still open).
 */
export async function loadJourneyCounts(
  db: RawDb,
  input: { workspaceId: string; activation: ActivationSettings; from: Date; now: Date },
): Promise<JourneyActivationCounts[]> {
  const { workspaceId, activation, from, now } = input;
  const journeys = await readPrisma.journey.findMany({
    where: { workspaceId, currentVersionId: { not: null } },
    select: { id: true, name: true, status: true },
    orderBy: { name: "asc" },
  });
  if (journeys.length === 0) return [];
  const ids = journeys.map((j) => j.id);
  const rows = await db.$queryRaw<
    { journeyId: string; holdout: boolean; entered: number; activated: number }[]
  >`
    WITH first_entry AS (
      SELECT DISTINCT ON (r."journeyId", r."profileId")
        r."journeyId", r."profileId", r.holdout, r."enteredAt"
      FROM journey_runs r
      WHERE r."workspaceId" = ${workspaceId} AND r."journeyId" = ANY(${ids}::text[])
        AND r."enteredAt" >= ${from}::timestamp(3)
      ORDER BY r."journeyId", r."profileId", r."enteredAt"
    ),
    scored AS (
      SELECT f."journeyId", f.holdout, f."enteredAt",
        p."firstSeenAt" + make_interval(days => ${activation.windowDays}::int) AS deadline,
        (SELECT min(ro."firstAt") FROM event_rollups ro
         WHERE ro."workspaceId" = ${workspaceId} AND ro."profileId" = f."profileId"
           AND ro.name = ANY(${activation.events}::text[])) AS "activatedAt"
      FROM first_entry f
      JOIN profiles p ON p.id = f."profileId" AND p."workspaceId" = ${workspaceId}
    )
    SELECT "journeyId", holdout,
      count(*)::int AS entered,
      count(*) FILTER (WHERE "activatedAt" <= deadline AND "activatedAt" <= ${now}::timestamp(3))::int AS activated
    FROM scored
    WHERE ("activatedAt" IS NULL OR "activatedAt" > "enteredAt")
      AND "enteredAt" < deadline
      AND "enteredAt" <= ${now}::timestamp(3)
    GROUP BY 1, 2`;
  const zero = () => ({ entered: 0, converted: 0 });
  const byJourney = new Map<string, JourneyActivationCounts>(
    journeys.map((j) => [
      j.id,
      { journeyId: j.id, name: j.name, status: j.status, messaged: zero(), holdout: zero() },
    ]),
  );
  for (const row of rows) {
    const counts = byJourney.get(row.journeyId);
    if (!counts) continue;
    counts[row.holdout ? "holdout" : "messaged"] = {
      entered: row.entered,
      converted: row.activated,
    };
  }
  return [...byJourney.values()];
}
