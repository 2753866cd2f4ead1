import "server-only";
import { readSql } from "@/lib/db/sql";
import type { AnalyticsRange } from "./analytics-range";
import { computeLift, type LiftResult } from "./lift";
import { type JourneyScope, versionFilter } from "./load-journey-series";
import { type ConvertBucket, TIME_TO_CONVERT_EDGES, toHistogram } from "./time-to-convert";

// Conversion of the runs that entered in the period (a cohort by entry), for
// the treatment group and the holdout: overall, per version (the version
// comparison), and how long conversion took. Index: (journeyId, enteredAt).

export interface VersionConversion {
  versionId: string;
  lift: LiftResult;
}

export interface Conversions {
  lift: LiftResult;
  byVersion: VersionConversion[];
  timeToConvert: ConvertBucket[];
  /** Median entry → goal time of converted treatment runs, in seconds. */
  medianSecondsToConvert: number | null;
}

type GroupRow = { versionId: string; holdout: boolean; entered: number; converted: number };

export async function loadConversions(
  scope: JourneyScope,
  range: AnalyticsRange,
): Promise<Conversions> {
  const cohort = {
    journeyId: scope.journeyId,
    workspaceId: scope.workspaceId,
    from: range.from,
    to: range.to,
  };
  const [groups, buckets, [median]] = await Promise.all([
    readSql.$queryRaw<GroupRow[]>`
      SELECT "versionId", holdout, count(*)::int AS entered,
        count(*) FILTER (WHERE "convertedAt" IS NOT NULL)::int AS converted
      FROM journey_runs
      WHERE "journeyId" = ${cohort.journeyId} AND "workspaceId" = ${cohort.workspaceId}
        AND "enteredAt" >= ${cohort.from}::timestamp(3) AND "enteredAt" < ${cohort.to}::timestamp(3)
        ${versionFilter(scope)}
      GROUP BY 1, 2`,
    readSql.$queryRaw<{ bucket: number; holdout: boolean; n: number }[]>`
      SELECT width_bucket(extract(epoch FROM "convertedAt" - "enteredAt")::float8,
               ${[...TIME_TO_CONVERT_EDGES]}::float8[]) AS bucket,
             holdout, count(*)::int AS n
      FROM journey_runs
      WHERE "journeyId" = ${cohort.journeyId} AND "workspaceId" = ${cohort.workspaceId}
        AND "enteredAt" >= ${cohort.from}::timestamp(3) AND "enteredAt" < ${cohort.to}::timestamp(3)
        AND "convertedAt" IS NOT NULL ${versionFilter(scope)}
      GROUP BY 1, 2`,
    readSql.$queryRaw<{ seconds: number | null }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (
               ORDER BY extract(epoch FROM "convertedAt" - "enteredAt"))::float8 AS seconds
      FROM journey_runs
      WHERE "journeyId" = ${cohort.journeyId} AND "workspaceId" = ${cohort.workspaceId}
        AND "enteredAt" >= ${cohort.from}::timestamp(3) AND "enteredAt" < ${cohort.to}::timestamp(3)
        AND "convertedAt" IS NOT NULL AND NOT holdout ${versionFilter(scope)}`,
  ]);
  return {
    lift: liftOf(groups),
    byVersion: [...new Set(groups.map((g) => g.versionId))].map((versionId) => ({
      versionId,
      lift: liftOf(groups.filter((g) => g.versionId === versionId)),
    })),
    timeToConvert: toHistogram(buckets),
    medianSecondsToConvert: median?.seconds ?? null,
  };
}

function liftOf(rows: readonly GroupRow[]): LiftResult {
  const sum = (holdout: boolean) =>
    rows
      .filter((r) => r.holdout === holdout)
      .reduce(
        (total, r) => ({
          entered: total.entered + r.entered,
          converted: total.converted + r.converted,
        }),
        { entered: 0, converted: 0 },
      );
  return computeLift(sum(false), sum(true));
}
