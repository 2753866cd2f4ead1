"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { JourneyJson } from "@/lib/journeys/journey-schemas";
import { ApiClientError } from "@/lib/query/fetch-json";
import { useSaveDraftMutation } from "./use-save-draft-mutation";

export type SaveState =
  | { kind: "saved" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "error"; message: string }
  /** Someone else saved since our revision: never overwrite, offer a reload. */
  | { kind: "conflict"; message: string };

const DEBOUNCE_MS = 700;

interface Snapshot {
  name: string;
  definition: object;
}

/**
 * Saves the draft shortly after each change, one request at a time, always at
 * the revision the last save answered. A 409 stops autosaving for good (the
 * editor shows the conflict); other errors can be retried.
 */
export function useAutosave(input: {
  workspaceId: string;
  journey: JourneyJson;
  snapshot: Snapshot;
  enabled: boolean;
  onSaved: (journey: JourneyJson) => void;
}) {
  const { enabled, onSaved } = input;
  const save = useSaveDraftMutation(input.workspaceId, input.journey.id);
  const revision = useRef(input.journey.draftRevision);
  // The first snapshot is what the server has (normalised the same way), so
  // opening a journey never saves; only an edit does.
  const saved = useRef<string>(JSON.stringify(input.snapshot));
  const latest = useRef(input.snapshot);
  latest.current = input.snapshot;
  const inFlight = useRef<Promise<boolean> | null>(null);
  const [state, setState] = useState<SaveState>({ kind: "saved" });
  const stateRef = useRef(state);
  stateRef.current = state;
  // The definition is rebuilt only on commits, so this runs per edit, not per frame.
  const json = useMemo(() => JSON.stringify(input.snapshot), [input.snapshot]);

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (stateRef.current.kind === "conflict") return false;
    if (inFlight.current) {
      await inFlight.current;
      return saveNow();
    }
    const snapshot = latest.current;
    const body = JSON.stringify(snapshot);
    if (body === saved.current) {
      setState({ kind: "saved" });
      return true;
    }
    const previous = JSON.parse(saved.current) as Snapshot;
    const request = (async () => {
      setState({ kind: "saving" });
      try {
        const journey = await save.mutateAsync({
          draftRevision: revision.current,
          ...(snapshot.name !== previous.name && { name: snapshot.name }),
          definition: snapshot.definition,
        });
        revision.current = journey.draftRevision;
        saved.current = body;
        onSaved(journey);
        const clean = JSON.stringify(latest.current) === body;
        setState({ kind: clean ? "saved" : "unsaved" });
        return true;
      } catch (error) {
        if (error instanceof ApiClientError && error.status === 409) {
          setState({ kind: "conflict", message: error.message });
        } else {
          const message = error instanceof Error ? error.message : "The draft could not be saved.";
          setState({ kind: "error", message });
        }
        return false;
      }
    })();
    inFlight.current = request;
    try {
      return await request;
    } finally {
      inFlight.current = null;
    }
  }, [save.mutateAsync, onSaved]);

  useEffect(() => {
    if (!enabled || stateRef.current.kind === "conflict") return;
    if (json === saved.current) {
      // Back to what the server has (an undo after a save): nothing to send.
      setState((current) => (current.kind === "unsaved" ? { kind: "saved" } : current));
      return;
    }
    setState((current) => (current.kind === "saving" ? current : { kind: "unsaved" }));
    const timer = setTimeout(() => void saveNow(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [json, enabled, saveNow]);

  // Leaving with unsaved work asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (json !== saved.current && stateRef.current.kind !== "conflict") event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [json]);

  /** Start over from a journey the server answered (restore, reload): its revision and draft. */
  const rebase = useCallback((journey: JourneyJson, snapshot: Snapshot) => {
    revision.current = journey.draftRevision;
    saved.current = JSON.stringify(snapshot);
    setState({ kind: "saved" });
  }, []);

  return {
    state,
    /** Saves any pending change now; false when it could not be saved. */
    flush: saveNow,
    revision: () => revision.current,
    rebase,
  };
}
