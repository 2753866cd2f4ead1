import "server-only";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getJourneyOrThrow, journeyView } from "./get-journey-or-throw";
import type { JourneyJson, UpdateJourneyInput } from "./journey-schemas";
import { hasTypedSecrets, storeStepSecrets } from "./step-secrets";

/**
 * Saves the draft (and/or the name) if nobody saved since `draftRevision`:
 * one conditional UPDATE, so two editors can never both win. The loser gets
 * a 409 naming the current revision, to reload and merge. Published
 * versions are never touched: live runs keep theirs.
 */
export async function updateJourney(input: {
  workspaceId: string;
  id: string;
  update: UpdateJourneyInput;
  memberId?: string | null;
}): Promise<JourneyJson> {
  const { workspaceId, id } = input;
  // Secret header values go to their own table before the draft is written,
  // and only those that changed since the stored draft (step-secrets.ts).
  const typed = input.update.definition !== undefined && hasTypedSecrets(input.update.definition);
  const stored = typed
    ? await prisma.journey.findFirst({ where: { id, workspaceId }, select: { draft: true } })
    : null;
  const update =
    input.update.definition === undefined
      ? input.update
      : {
          ...input.update,
          definition: (await storeStepSecrets(
            workspaceId,
            input.update.definition,
            stored?.draft ?? null,
          )) as UpdateJourneyInput["definition"],
        };
  const { count } = await prisma.journey.updateMany({
    where: {
      id,
      workspaceId,
      draftRevision: update.draftRevision,
      status: { not: "archived" },
    },
    data: {
      ...(update.name !== undefined && { name: update.name }),
      ...(update.definition !== undefined && {
        draft: update.definition as Prisma.InputJsonObject,
      }),
      draftRevision: { increment: 1 },
      updatedById: input.memberId ?? null,
    },
  });
  const journey = await getJourneyOrThrow({ workspaceId, id });
  if (count === 0) {
    if (journey.status === "archived") {
      throw new ApiError("conflict", "An archived journey cannot be edited.");
    }
    throw new ApiError(
      "conflict",
      `The draft was saved by someone else since revision ${update.draftRevision}; it is at revision ${journey.draftRevision} now. Reload it and apply your change again.`,
      { details: { currentRevision: journey.draftRevision } },
    );
  }
  return journeyView(journey);
}
