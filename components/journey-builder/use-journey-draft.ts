"use client";

import { useCallback, useMemo, useState } from "react";
import type { DraftDefinition } from "@/lib/journey-builder/flow-types";
import type { JourneyJson } from "@/lib/journeys/journey-schemas";
import { useAutosave } from "./use-autosave";

/**
 * The journey as the server last answered it, the name being typed, the
 * draft's issues, and the autosave of name and definition. Saving runs only
 * while `canSave` holds and the journey is not archived.
 */
export function useJourneyDraft({
  workspaceId,
  journey: opened,
  definition,
  canSave,
}: {
  workspaceId: string;
  /** The journey as the page opened it. */
  journey: JourneyJson;
  /** The edited definition, rebuilt on each commit. */
  definition: DraftDefinition;
  /** The user may edit, and the editor can read the whole draft. */
  canSave: boolean;
}) {
  const [journey, setJourney] = useState(opened);
  const [name, setName] = useState(opened.name);
  const [issues, setIssues] = useState(opened.issues);
  const snapshot = useMemo(
    () => ({ name: name.trim() || journey.name, definition }),
    [name, journey.name, definition],
  );
  const editable = canSave && journey.status !== "archived";
  const onSaved = useCallback((saved: JourneyJson) => {
    setJourney(saved);
    // Same problems as before: keep the array, so no node re-renders for nothing.
    setIssues((current) =>
      JSON.stringify(current) === JSON.stringify(saved.issues) ? current : saved.issues,
    );
  }, []);
  const autosave = useAutosave({
    workspaceId,
    journey: opened,
    snapshot,
    enabled: editable,
    onSaved,
  });

  /** Start over from a journey the server answered with a new draft (a restore). */
  const { rebase: rebaseAutosave } = autosave;
  const rebase = useCallback(
    (next: JourneyJson, nextDefinition: DraftDefinition) => {
      rebaseAutosave(next, { name: next.name, definition: nextDefinition });
      setJourney(next);
      setName(next.name);
      setIssues(next.issues);
    },
    [rebaseAutosave],
  );

  return { journey, setJourney, name, setName, issues, setIssues, editable, autosave, rebase };
}
