import "server-only";
import { readSql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnalyticsRange } from "./analytics-range";

// A journey's runs per UTC day: entered, converted (goal reached, late
// conversions included), exited (ended without converting), and active (in
// progress at the end of the day).
//
// "Active at the end of day d" is computed backwards from now, which needs
// only indexed ranges: active(T) = active now − entered since T + ended since T
// (a run entered before T and still open counts once; one that entered after
// T nets out). Indexes: (journeyId, enteredAt), (journeyId, endedAt),
// (journeyId, convertedAt).

export interface SeriesDay {
  day: string;
  entered: number;
  active: number;
  converted: number;
  exited: number;
}

export interface JourneyScope {
  workspaceId: string;
  journeyId: string;
  /** Only runs of this version; all versions when null. */
  versionId: string | null;
}

export function versionFilter(scope: JourneyScope, alias = ""): Prisma.Sql {
  const column = Prisma.raw(`${alias ? `${alias}.` : ""}"versionId"`);
  return scope.versionId ? Prisma.sql`AND ${column} = ${scope.versionId}` : Prisma.empty;
}

type DayCount = { day: string; n: number };

async function perDay(
  scope: JourneyScope,
  column: "enteredAt" | "endedAt" | "convertedAt",
  since: Date,
  extra = Prisma.empty,
) {
  const col = Prisma.raw(`"${column}"`);
  return readSql.$queryRaw<DayCount[]>`
    SELECT to_char(date_trunc('day', ${col}), 'YYYY-MM-DD') AS day, count(*)::int AS n
    FROM journey_runs
    WHERE "journeyId" = ${scope.journeyId} AND "workspaceId" = ${scope.workspaceId}
      AND ${col} >= ${since}::timestamp(3) ${versionFilter(scope)} ${extra}
    GROUP BY 1`;
}

export async function loadJourneySeries(
  scope: JourneyScope,
  range: AnalyticsRange,
): Promise<SeriesDay[]> {
  const [entered, ended, exited, converted, [open]] = await Promise.all([
    perDay(scope, "enteredAt", range.from),
    perDay(scope, "endedAt", range.from),
    perDay(scope, "endedAt", range.from, Prisma.sql`AND status <> 'converted'`),
    perDay(scope, "convertedAt", range.from),
    readSql.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM journey_runs
      WHERE "journeyId" = ${scope.journeyId} AND "workspaceId" = ${scope.workspaceId}
        AND "endedAt" IS NULL ${versionFilter(scope)}`,
  ]);
  const toMap = (rows: DayCount[]) => new Map(rows.map((r) => [r.day, r.n]));
  const enteredBy = toMap(entered);
  const endedBy = toMap(ended);
  const exitedBy = toMap(exited);
  const convertedBy = toMap(converted);
  // Walk back from now: days after the range first, then the range's own days.
  const allDays = new Set([...enteredBy.keys(), ...endedBy.keys(), ...range.days]);
  const ordered = [...allDays].sort().reverse();
  const active = new Map<string, number>();
  let running = open?.n ?? 0;
  for (const day of ordered) {
    active.set(day, running);
    running += (endedBy.get(day) ?? 0) - (enteredBy.get(day) ?? 0);
  }
  return range.days.map((day) => ({
    day,
    entered: enteredBy.get(day) ?? 0,
    active: Math.max(0, active.get(day) ?? 0),
    converted: convertedBy.get(day) ?? 0,
    exited: exitedBy.get(day) ?? 0,
  }));
}
