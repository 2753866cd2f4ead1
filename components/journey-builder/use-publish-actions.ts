"use client";

import { type Dispatch, type SetStateAction, useCallback, useState } from "react";
import type { JourneyIssue } from "@/lib/journey-core/validate-journey";
import type { JourneyJson } from "@/lib/journeys/journey-schemas";
import { ApiClientError } from "@/lib/query/fetch-json";
import { useJourneyActionMutation } from "./use-journey-action-mutation";

/** Why the last publish did not go through, with the issues the server refused it for. */
export interface PublishError {
  message: string;
  issues: JourneyIssue[];
}

function issuesFrom(error: unknown): JourneyIssue[] {
  if (!(error instanceof ApiClientError)) return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as JourneyIssue[]) : [];
}

/**
 * Publish (from the dialog, after saving any pending change, at the saved
 * revision), pause and resume. Each answers the journey, which replaces ours.
 */
export function usePublishActions({
  workspaceId,
  journey,
  setJourney,
  setIssues,
  autosave,
  flash,
}: {
  workspaceId: string;
  journey: JourneyJson;
  setJourney: (journey: JourneyJson) => void;
  setIssues: Dispatch<SetStateAction<JourneyJson["issues"]>>;
  autosave: { flush: () => Promise<boolean>; revision: () => number };
  flash: (text: string) => void;
}) {
  const action = useJourneyActionMutation(workspaceId, journey.id);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [error, setError] = useState<PublishError | null>(null);

  const publish = async (note: string, options: { enterMatching?: boolean } = {}) => {
    setError(null);
    if (!(await autosave.flush())) {
      setError({
        message: "The draft could not be saved, so it was not published.",
        issues: [],
      });
      return;
    }
    action.mutate(
      {
        action: "publish",
        note: note || undefined,
        draftRevision: autosave.revision(),
        ...(options.enterMatching && { enterMatching: true }),
      },
      {
        onSuccess: (published) => {
          setJourney(published);
          setIssues(published.issues);
          setDialogOpen(false);
          flash(`Published version ${published.currentVersion?.version ?? ""}`);
        },
        onError: (error) => {
          const refused = issuesFrom(error);
          if (refused.length > 0) setIssues(refused);
          setError({ message: error.message, issues: refused });
        },
      },
    );
  };
  const { mutate: runAction } = action;
  const pauseResume = useCallback(
    () =>
      runAction(
        { action: journey.status === "live" ? "pause" : "resume" },
        { onSuccess: setJourney, onError: (error) => flash(error.message) },
      ),
    [runAction, journey.status, setJourney, flash],
  );
  // Stable, so the memoised header does not re-render on every drag frame.
  const openPublish = useCallback(() => {
    setError(null);
    setDialogOpen(true);
  }, []);

  return {
    publish,
    pauseResume,
    openPublish,
    closePublish: () => setDialogOpen(false),
    dialogOpen,
    error,
    pending: action.isPending,
  };
}
