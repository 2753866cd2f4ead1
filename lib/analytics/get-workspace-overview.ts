import "server-only";
import { parseOrThrow } from "@/lib/api/errors";
import { readPrisma } from "@/lib/db/client";
import { readSql } from "@/lib/db/sql";
import { analyticsRangeSchema, DAY_MS, fillDays } from "./analytics-range";
import { rangeOrThrow } from "./get-journey-analytics";
import { assessJourneyHealth, BASELINE_WINDOWS, type JourneyHealth } from "./journey-health";

// GET /api/w/:workspaceId/analytics/overview — the workspace at a glance:
// messages per channel per day, frequency-budget hits per day, the top
// journeys by conversions in the period, and a health badge per live journey.
// Indexes: messages (workspaceId, createdAt); run_traces (workspaceId,
// decision, at); journey_runs (workspaceId, convertedAt), (workspaceId, enteredAt).

export interface WorkspaceOverview {
  period: { from: string; to: string; days: number };
  messagesByDay: { day: string; email: number; in_app: number }[];
  budgetHitsByDay: { day: string; deferred: number; skipped: number }[];
  topJourneys: {
    journeyId: string;
    name: string;
    status: string;
    converted: number;
    entered: number;
  }[];
  health: ({ journeyId: string; name: string } & JourneyHealth)[];
}

const TOP_JOURNEYS = 10;

export async function getWorkspaceOverview(input: {
  workspaceId: string;
  query: Record<string, string>;
  now?: Date;
}): Promise<WorkspaceOverview> {
  const now = input.now ?? new Date();
  const range = rangeOrThrow(parseOrThrow(analyticsRangeSchema, input.query), now);
  const { workspaceId } = input;
  const between = { from: range.from, to: range.to };
  const [messages, hits, converted, entered, health] = await Promise.all([
    readSql.$queryRaw<{ day: string; email: number; in_app: number }[]>`
      SELECT to_char(date_trunc('day', "createdAt"), 'YYYY-MM-DD') AS day,
        count(*) FILTER (WHERE channel = 'email')::int AS email,
        count(*) FILTER (WHERE channel = 'in_app')::int AS in_app
      FROM messages
      WHERE "workspaceId" = ${workspaceId}
        AND "createdAt" >= ${between.from}::timestamp(3) AND "createdAt" < ${between.to}::timestamp(3)
        AND status NOT IN ('skipped', 'failed')
      GROUP BY 1`,
    readSql.$queryRaw<{ day: string; deferred: number; skipped: number }[]>`
      SELECT to_char(date_trunc('day', at), 'YYYY-MM-DD') AS day,
        count(*) FILTER (WHERE decision = 'deferred')::int AS deferred,
        count(*) FILTER (WHERE decision = 'skipped')::int AS skipped
      FROM run_traces
      WHERE "workspaceId" = ${workspaceId} AND decision IN ('deferred', 'skipped')
        AND at >= ${between.from}::timestamp(3) AND at < ${between.to}::timestamp(3)
        AND data->>'rule' IN ('frequency_total', 'frequency_channel')
      GROUP BY 1`,
    readSql.$queryRaw<{ journeyId: string; n: number }[]>`
      SELECT "journeyId", count(*)::int AS n FROM journey_runs
      WHERE "workspaceId" = ${workspaceId}
        AND "convertedAt" >= ${between.from}::timestamp(3) AND "convertedAt" < ${between.to}::timestamp(3)
      GROUP BY 1 ORDER BY 2 DESC LIMIT ${TOP_JOURNEYS}`,
    readSql.$queryRaw<{ journeyId: string; n: number }[]>`
      SELECT "journeyId", count(*)::int AS n FROM journey_runs
      WHERE "workspaceId" = ${workspaceId}
        AND "enteredAt" >= ${between.from}::timestamp(3) AND "enteredAt" < ${between.to}::timestamp(3)
      GROUP BY 1`,
    loadHealth(workspaceId, now),
  ]);
  const journeys = await readPrisma.journey.findMany({
    where: { workspaceId, id: { in: converted.map((c) => c.journeyId) } },
    select: { id: true, name: true, status: true },
  });
  const byId = new Map(journeys.map((j) => [j.id, j]));
  const enteredBy = new Map(entered.map((e) => [e.journeyId, e.n]));
  return {
    period: { from: range.from.toISOString(), to: range.to.toISOString(), days: range.days.length },
    messagesByDay: fillDays(range.days, ["email", "in_app"], messages),
    budgetHitsByDay: fillDays(range.days, ["deferred", "skipped"], hits),
    topJourneys: converted.flatMap((c) => {
      const journey = byId.get(c.journeyId);
      if (!journey) return [];
      return [
        {
          journeyId: c.journeyId,
          name: journey.name,
          status: journey.status,
          converted: c.n,
          entered: enteredBy.get(c.journeyId) ?? 0,
        },
      ];
    }),
    health,
  };
}

/** Entries of each live journey in the last 8 rolling 24 h windows, judged. */
async function loadHealth(workspaceId: string, now: Date): Promise<WorkspaceOverview["health"]> {
  const live = await readPrisma.journey.findMany({
    where: { workspaceId, status: "live" },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  if (live.length === 0) return [];
  const ids = live.map((j) => j.id);
  const windows = BASELINE_WINDOWS + 1;
  const since = new Date(now.getTime() - windows * DAY_MS);
  const [counts, firsts] = await Promise.all([
    readSql.$queryRaw<{ journeyId: string; w: number; n: number }[]>`
      SELECT "journeyId",
        floor(extract(epoch FROM (${now}::timestamp(3) - "enteredAt")) / 86400)::int AS w,
        count(*)::int AS n
      FROM journey_runs
      WHERE "workspaceId" = ${workspaceId} AND "journeyId" = ANY(${ids}::text[])
        AND "enteredAt" > ${since}::timestamp(3) AND "enteredAt" <= ${now}::timestamp(3)
      GROUP BY 1, 2`,
    readPrisma.journeyVersion.groupBy({
      by: ["journeyId"],
      where: { workspaceId, journeyId: { in: ids } },
      _min: { publishedAt: true },
    }),
  ]);
  const firstPublished = new Map(firsts.map((f) => [f.journeyId, f._min.publishedAt]));
  return live.map((journey) => {
    const entries = Array.from({ length: windows }, () => 0);
    for (const row of counts) {
      if (row.journeyId === journey.id && row.w >= 0 && row.w < windows) entries[row.w] += row.n;
    }
    const published = firstPublished.get(journey.id);
    // Baseline window i (1..7) ends i days ago; it counts if the journey was live for all of it.
    const liveMs = published ? now.getTime() - published.getTime() : 0;
    const liveWindows = Math.max(0, Math.floor(liveMs / DAY_MS) - 1);
    return {
      journeyId: journey.id,
      name: journey.name,
      ...assessJourneyHealth({ entries, liveWindows }),
    };
  });
}
