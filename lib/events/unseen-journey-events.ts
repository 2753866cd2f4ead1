import "server-only";
import { prisma } from "@/lib/db/client";
import { type UnseenEventWarning, unseenEventWarnings } from "@/lib/journey-core/unseen-events";

/**
 * Warnings for the event names a journey definition listens for that this
 * workspace has never received (its event catalog has no such name).
 */
export async function unseenJourneyEvents(
  workspaceId: string,
  definition: unknown,
): Promise<UnseenEventWarning[]> {
  const named = unseenEventWarnings(definition, new Set()).map((warning) => warning.event);
  if (named.length === 0) return [];
  const rows = await prisma.eventCatalog.findMany({
    where: { workspaceId, name: { in: [...new Set(named)] } },
    select: { name: true },
  });
  return unseenEventWarnings(definition, new Set(rows.map((row) => row.name)));
}
