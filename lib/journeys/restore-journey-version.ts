import "server-only";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { journeyView, lockJourneyOrThrow } from "./get-journey-or-throw";
import type { JourneyJson } from "./journey-schemas";

/**
 * Copies a published version's definition into the draft, as a new draft
 * revision: the editor then shows it, and publishing it makes it the next
 * version. Nothing live changes until then. When the caller names the draft
 * revision it saw, a newer save is a 409 rather than silently replaced.
 */
export async function restoreJourneyVersion(input: {
  workspaceId: string;
  id: string;
  version: number;
  draftRevision?: number;
  memberId?: string | null;
}): Promise<JourneyJson> {
  return prisma.$transaction(async (tx) => {
    const journey = await lockJourneyOrThrow(tx, input);
    if (journey.status === "archived") {
      throw new ApiError("conflict", "An archived journey cannot be edited.");
    }
    if (input.draftRevision !== undefined && input.draftRevision !== journey.draftRevision) {
      throw new ApiError(
        "conflict",
        `The draft is at revision ${journey.draftRevision}, not ${input.draftRevision}; reload before restoring.`,
        { details: { currentRevision: journey.draftRevision } },
      );
    }
    const version = await tx.journeyVersion.findFirst({
      where: { journeyId: journey.id, workspaceId: journey.workspaceId, version: input.version },
      select: { definition: true },
    });
    if (!version)
      throw new ApiError("not_found", `Version ${input.version} of this journey not found.`);
    const restored = await tx.journey.update({
      where: { id: journey.id, workspaceId: journey.workspaceId },
      data: {
        draft: version.definition as Prisma.InputJsonObject,
        draftRevision: { increment: 1 },
        updatedById: input.memberId ?? null,
      },
    });
    return journeyView(restored, tx);
  });
}
