import "server-only";
import { ApiError } from "@/lib/api/errors";
import { sqlTransaction } from "@/lib/db/sql";
import type { JourneyJson } from "./journey-schemas";
import { findVersion, journeyViewIn, lockJourneyOrThrow, replaceDraft } from "./journey-sql";

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
  return sqlTransaction(async (tx) => {
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
    const version = await findVersion(tx, journey, { version: input.version });
    if (!version)
      throw new ApiError("not_found", `Version ${input.version} of this journey not found.`);
    const restored = await replaceDraft(tx, journey, version.definition, input.memberId ?? null);
    return journeyViewIn(tx, restored);
  });
}
