import "server-only";
import { ApiError } from "@/lib/api/errors";
import { type RawDb, sqlTransaction } from "@/lib/db/sql";
import { enterTraitMatches, matchingProfiles, traitChangeTrigger } from "@/lib/engine/trait-states";
import { validateJourney } from "@/lib/journey-core/validate-journey";
import type { JourneyJson, PublishJourneyInput } from "./journey-schemas";
import {
  insertNextVersion,
  journeyViewIn,
  lockJourneyOrThrow,
  recordStatusChange,
  setCurrentVersion,
} from "./journey-sql";
import { installTrigger } from "./journey-trigger-row";

/**
 * Freezes the draft as the next immutable version and makes it current.
 * A draft journey goes live; a live one switches new entries to the new
 * version (runs in flight stay on theirs); a paused one stays paused on the
 * new version until resumed. Validation must pass: every issue blocks.
 */
export async function publishJourney(input: PublishInput): Promise<JourneyJson> {
  const at = input.at ?? new Date();
  const published = await sqlTransaction((tx) => publishJourneyIn(tx, { ...input, at }));
  const { matchingNow, journey } = published;
  if (input.publish?.enterMatching && matchingNow.length > 0 && journey.currentVersion) {
    const ref = { id: journey.id, workspaceId: input.workspaceId };
    await enterTraitMatches(ref, { id: journey.currentVersion.id }, matchingNow, at);
  }
  return journey;
}

interface PublishInput {
  workspaceId: string;
  id: string;
  publish?: PublishJourneyInput;
  memberId?: string | null;
  /**
   * When it goes live, for the status history (default now). Tests that play
   * a scripted past pass the start of their script.
   */
  at?: Date;
}

/**
 * The same, inside the caller's transaction. With a trait-change trigger it
 * also records who matches now (only later changes enter) and returns them.
 */
export async function publishJourneyIn(
  tx: RawDb,
  input: PublishInput,
): Promise<{ journey: JourneyJson; matchingNow: string[] }> {
  {
    const journey = await lockJourneyOrThrow(tx, input);
    if (journey.status === "archived") {
      throw new ApiError("conflict", "An archived journey cannot be published.");
    }
    const expected = input.publish?.draftRevision;
    if (expected !== undefined && expected !== journey.draftRevision) {
      throw new ApiError(
        "conflict",
        `The draft is at revision ${journey.draftRevision}, not ${expected}; reload before publishing.`,
        { details: { currentRevision: journey.draftRevision } },
      );
    }
    const validation = validateJourney(journey.draft);
    if (!validation.ok) {
      const first = validation.errors[0];
      throw new ApiError(
        "validation_failed",
        `The journey cannot be published: ${first?.message ?? "it has problems"}`,
        { details: { issues: validation.errors } },
      );
    }
    const version = await insertNextVersion(tx, journey, {
      definition: validation.definition,
      note: input.publish?.note ?? null,
      memberId: input.memberId ?? null,
      at: input.at,
    });
    const status = journey.status === "paused" ? "paused" : "live";
    const updated = await setCurrentVersion(
      tx,
      journey,
      { id: version.id, status },
      input.memberId,
    );
    // A paused journey's trigger row stays (resume reads the new version).
    await installTrigger(tx, journey, { id: version.id, definition: validation.definition });
    let matchingNow: string[] = [];
    if (status === "live") {
      const at = input.at ?? new Date();
      await recordStatusChange(tx, journey, { status, versionId: version.id, at });
      const trigger = traitChangeTrigger(validation.definition);
      if (trigger) matchingNow = await matchingProfiles(tx, journey.workspaceId, trigger);
    }
    return { journey: await journeyViewIn(tx, updated), matchingNow };
  }
}
