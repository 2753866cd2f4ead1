import "server-only";
import { prisma } from "@/lib/db/client";
import type { JourneyStatus } from "@/lib/journeys/journey-status";
import { toJourneyJson } from "./journey-json";
import type { JourneyJson } from "./journey-schemas";

export async function listJourneys(input: {
  workspaceId: string;
  status?: JourneyStatus;
}): Promise<JourneyJson[]> {
  const journeys = await prisma.journey.findMany({
    where: { workspaceId: input.workspaceId, ...(input.status && { status: input.status }) },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 500,
  });
  const versionIds = journeys.flatMap((j) => (j.currentVersionId ? [j.currentVersionId] : []));
  const versions = await prisma.journeyVersion.findMany({
    where: { id: { in: versionIds }, workspaceId: input.workspaceId },
    select: { id: true, version: true, note: true, publishedAt: true },
  });
  const byId = new Map(versions.map((v) => [v.id, v]));
  return journeys.map((j) =>
    toJourneyJson(j, j.currentVersionId ? (byId.get(j.currentVersionId) ?? null) : null),
  );
}
