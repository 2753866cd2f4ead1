import "server-only";
import { parseOrThrow } from "@/lib/api/errors";
import { countTraitMatches, traitChangeTrigger } from "@/lib/engine/trait-states";
import { unseenJourneyEvents } from "@/lib/events/unseen-journey-events";
import { assertNever } from "@/lib/journey-core/assert-never";
import { type JourneyIssue, validateDraft } from "@/lib/journey-core/validate-journey";
import { archiveJourney } from "./archive-journey";
import { pauseJourney, resumeJourney } from "./change-journey-status";
import { duplicateJourney } from "./duplicate-journey";
import { getJourneyOrThrow } from "./get-journey-or-throw";
import { type JourneyAction, type JourneyJson, publishJourneySchema } from "./journey-schemas";
import { publishJourney } from "./publish-journey";

// POST /journeys/:id/{validate,publish,pause,resume,archive,duplicate}, for both the
// secret-key API and the session API: one table from action to handler.

export type JourneyActionResult =
  | { journey: JourneyJson & { cancelledRuns?: number } }
  | { valid: boolean; issues: JourneyIssue[]; warnings: JourneyIssue[]; matchingNow?: number };

export async function runJourneyAction(input: {
  workspaceId: string;
  id: string;
  action: JourneyAction;
  body: unknown;
  memberId?: string | null;
}): Promise<JourneyActionResult> {
  const { workspaceId, id, action, memberId } = input;
  switch (action) {
    case "validate": {
      const journey = await getJourneyOrThrow({ workspaceId, id });
      const { definition, issues } = validateDraft(journey.draft);
      // A trait-change journey enters only on later changes: say how many
      // people match now, whom publishing with enterMatching would also enter.
      const trigger = definition && traitChangeTrigger(definition);
      const matchingNow = trigger ? await countTraitMatches(workspaceId, trigger) : undefined;
      return {
        valid: issues.length === 0,
        issues,
        // Never block publishing: event names this workspace has not received yet.
        warnings: await unseenJourneyEvents(workspaceId, journey.draft),
        ...(matchingNow !== undefined && { matchingNow }),
      };
    }
    case "publish": {
      const publish = parseOrThrow(publishJourneySchema, input.body ?? {});
      return {
        journey: await publishJourney({ workspaceId, id, publish, memberId }),
      };
    }
    case "pause":
      return { journey: await pauseJourney({ workspaceId, id, memberId }) };
    case "resume":
      return { journey: await resumeJourney({ workspaceId, id, memberId }) };
    case "archive":
      return { journey: await archiveJourney({ workspaceId, id, memberId }) };
    case "duplicate":
      return { journey: await duplicateJourney({ workspaceId, id, memberId }) };
    default:
      return assertNever(action);
  }
}

/** Validates a posted definition without saving anything. */
export function validateDefinition(definition: unknown): {
  valid: boolean;
  issues: JourneyIssue[];
} {
  const { issues } = validateDraft(definition);
  return { valid: issues.length === 0, issues };
}
