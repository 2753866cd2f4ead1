import "server-only";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { Journey } from "@/lib/generated/prisma/client";
import { toJourneyJson } from "./journey-json";
import type { JourneyJson } from "./journey-schemas";

export async function getJourneyOrThrow(input: {
  workspaceId: string;
  id: string;
}): Promise<Journey> {
  const journey = await prisma.journey.findFirst({
    where: { id: input.id, workspaceId: input.workspaceId },
  });
  if (!journey) throw notFound("Journey");
  return journey;
}

/** The journey as the API shows it, with its current published version. */
export async function journeyView(journey: Journey): Promise<JourneyJson> {
  const current = journey.currentVersionId
    ? await prisma.journeyVersion.findFirst({
        where: { id: journey.currentVersionId, workspaceId: journey.workspaceId },
        select: { id: true, version: true, note: true, publishedAt: true },
      })
    : null;
  return toJourneyJson(journey, current);
}
