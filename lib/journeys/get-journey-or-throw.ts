import "server-only";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { Journey, Prisma } from "@/lib/generated/prisma/client";
import { toJourneyJson } from "./journey-json";
import type { JourneyJson } from "./journey-schemas";

type Db = Pick<Prisma.TransactionClient, "journey" | "journeyVersion">;

export async function getJourneyOrThrow(
  input: { workspaceId: string; id: string },
  db: Db = prisma,
): Promise<Journey> {
  const journey = await db.journey.findFirst({
    where: { id: input.id, workspaceId: input.workspaceId },
  });
  if (!journey) throw notFound("Journey");
  return journey;
}

/** The journey as the API shows it, with its current published version. */
export async function journeyView(journey: Journey, db: Db = prisma): Promise<JourneyJson> {
  const current = journey.currentVersionId
    ? await db.journeyVersion.findFirst({
        where: { id: journey.currentVersionId, workspaceId: journey.workspaceId },
        select: { id: true, version: true, note: true, publishedAt: true },
      })
    : null;
  return toJourneyJson(journey, current);
}

/**
 * Locks the journey row for a status change or publish, so two of them on
 * the same journey happen one after the other.
 */
export async function lockJourneyOrThrow(
  tx: Prisma.TransactionClient,
  input: { workspaceId: string; id: string },
): Promise<Journey> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM journeys WHERE id = ${input.id} AND "workspaceId" = ${input.workspaceId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("Journey");
  return getJourneyOrThrow(input, tx);
}
