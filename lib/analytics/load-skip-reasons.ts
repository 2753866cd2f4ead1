import "server-only";
import { readSql } from "@/lib/db/sql";
import type { AnalyticsRange } from "./analytics-range";
import type { JourneyScope } from "./load-journey-series";
import { SKIP_DECISIONS, type SkipReason, type SkipRow, summarizeSkips } from "./skip-reasons";

// Why runs of a journey got nothing in the period, from run_traces (index
// (workspaceId, decision, at); the journey is a filter on those rows).

export async function loadSkipReasons(
  scope: JourneyScope,
  range: AnalyticsRange,
): Promise<SkipReason[]> {
  const version = scope.versionId;
  const rows = await readSql.$queryRaw<SkipRow[]>`
    SELECT t."nodeId", t.decision, t.data->>'rule' AS rule, count(*)::int AS count
    FROM run_traces t
    WHERE t."workspaceId" = ${scope.workspaceId} AND t.decision = ANY(${[...SKIP_DECISIONS]}::text[])
      AND t.at >= ${range.from}::timestamp(3) AND t.at < ${range.to}::timestamp(3)
      AND t."journeyId" = ${scope.journeyId}
      AND (${version}::text IS NULL OR EXISTS (
        SELECT 1 FROM journey_runs r WHERE r.id = t."runId" AND r."versionId" = ${version}))
    GROUP BY 1, 2, 3`;
  return summarizeSkips(rows);
}
