import "server-only";
import { prisma } from "@/lib/db/client";
import { readSql } from "@/lib/db/sql";
import type { JourneyStatus } from "@/lib/journey-core/journey-status";
import { toJourneyJson } from "./journey-json";
import type { JourneyListItemJson } from "./journey-schemas";

const DAY_MS = 86_400_000;

/** The workspace's journeys, most recently changed first, with 7-day numbers and last editor. */
export async function listJourneys(input: {
  workspaceId: string;
  status?: JourneyStatus;
  now?: Date;
}): Promise<JourneyListItemJson[]> {
  const journeys = await prisma.journey.findMany({
    where: { workspaceId: input.workspaceId, ...(input.status && { status: input.status }) },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 500,
  });
  const versionIds = journeys.flatMap((j) => (j.currentVersionId ? [j.currentVersionId] : []));
  const editorIds = [...new Set(journeys.flatMap((j) => (j.updatedById ? [j.updatedById] : [])))];
  const [versions, editors, stats] = await Promise.all([
    prisma.journeyVersion.findMany({
      where: { id: { in: versionIds }, workspaceId: input.workspaceId },
      select: { id: true, version: true, note: true, publishedAt: true },
    }),
    editorIds.length === 0
      ? []
      : prisma.member.findMany({
          where: { id: { in: editorIds } },
          select: { id: true, name: true, email: true },
        }),
    loadSevenDayStats(
      input.workspaceId,
      journeys.map((j) => j.id),
      input.now ?? new Date(),
    ),
  ]);
  const versionById = new Map(versions.map((v) => [v.id, v]));
  const editorById = new Map(editors.map((m) => [m.id, { name: m.name, email: m.email }]));
  return journeys.map((j) => ({
    ...toJourneyJson(j, j.currentVersionId ? (versionById.get(j.currentVersionId) ?? null) : null),
    stats: stats.get(j.id) ?? { entered7d: 0, converted7d: 0 },
    updatedBy: (j.updatedById && editorById.get(j.updatedById)) || null,
  }));
}

/** Entries and conversions in the 7 days before `now`, per journey, in one grouped query. */
async function loadSevenDayStats(
  workspaceId: string,
  journeyIds: string[],
  now: Date,
): Promise<Map<string, { entered7d: number; converted7d: number }>> {
  if (journeyIds.length === 0) return new Map();
  const since = new Date(now.getTime() - 7 * DAY_MS).toISOString();
  const until = now.toISOString();
  const rows = await readSql.$queryRaw<{ journeyId: string; entered: number; converted: number }[]>`
    SELECT "journeyId",
      count(*) FILTER (WHERE "enteredAt" > ${since}::timestamp(3)
        AND "enteredAt" <= ${until}::timestamp(3))::int AS entered,
      count(*) FILTER (WHERE "convertedAt" > ${since}::timestamp(3)
        AND "convertedAt" <= ${until}::timestamp(3))::int AS converted
    FROM journey_runs
    WHERE "workspaceId" = ${workspaceId} AND "journeyId" = ANY(${journeyIds}::text[])
      AND ("enteredAt" > ${since}::timestamp(3) OR "convertedAt" > ${since}::timestamp(3))
    GROUP BY "journeyId"`;
  return new Map(
    rows.map((r) => [r.journeyId, { entered7d: r.entered, converted7d: r.converted }]),
  );
}
