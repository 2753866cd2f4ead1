"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { JourneyIssue } from "@/lib/journey-core/validate-journey";
import { fetchJson } from "@/lib/query/fetch-json";
import { IssuesList } from "./issues-list";

/** How many people match a trait-change trigger now (the validate action), or null. */
function useMatchingNow(workspaceId: string, journeyId: string, revision: number, open: boolean) {
  const query = useQuery({
    queryKey: ["journey-matching-now", workspaceId, journeyId, revision],
    queryFn: () =>
      fetchJson<{ matchingNow?: number }>(`/api/w/${workspaceId}/journeys/${journeyId}/validate`, {
        method: "POST",
        body: "{}",
      }),
    enabled: open,
    staleTime: 10_000,
  });
  return query.data?.matchingNow ?? null;
}

/**
 * Publishing checks first: what is left to fix (blocking) and names never seen
 * (warnings) come before the note, and a journey with something to fix cannot
 * be sent; if the server still refuses, its list replaces ours.
 * A trait-change journey enters only on changes seen after it goes live; the dialog says how
 * many people match now and lets the editor enter them too.
 */
export function PublishDialog({
  workspaceId,
  journeyId,
  revision,
  open,
  onClose,
  onPublish,
  pending,
  error,
  issues,
  warnings,
  onSelectNode,
  isLive,
}: {
  open: boolean;
  onClose: () => void;
  onPublish: (note: string, options: { enterMatching: boolean }) => void;
  pending: boolean;
  error: string | null;
  /** What blocks publishing: the draft's issues, or the server's when it refused. */
  issues: readonly JourneyIssue[];
  /** What does not block (an event name not received yet). */
  warnings: readonly JourneyIssue[];
  onSelectNode: (id: string) => void;
  isLive: boolean;
  workspaceId: string;
  journeyId: string;
  revision: number;
}) {
  const noteId = useId();
  const [note, setNote] = useState("");
  const [enterMatching, setEnterMatching] = useState(false);
  const matchingNow = useMatchingNow(workspaceId, journeyId, revision, open);
  const blocked = issues.length > 0;
  const selectNode = (id: string) => {
    onClose();
    onSelectNode(id);
  };
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title="Publish this journey"
      description={
        isLive
          ? "New entries will follow the new version; runs in progress keep the version they started on."
          : "The journey goes live: people who trigger it from now on enter it."
      }
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          onPublish(note.trim(), { enterMatching: enterMatching && (matchingNow ?? 0) > 0 });
        }}
      >
        {blocked ? (
          <div role="alert" className="space-y-2 rounded-md bg-red-50 p-3 text-sm text-red-800">
            <p>This journey can't be published yet. Click an item to go to that step.</p>
            <IssuesList issues={issues} onSelectNode={selectNode} tone="error" />
          </div>
        ) : null}
        <IssuesList
          issues={warnings}
          onSelectNode={selectNode}
          tone="warning"
          label="Warnings"
          title="Worth a check (publishing is still allowed)"
        />
        {blocked ? null : (
          <div className="space-y-1">
            <label htmlFor={noteId} className="block text-sm font-medium text-slate-700">
              What changed? (note for the version history)
            </label>
            <textarea
              id={noteId}
              rows={3}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
          </div>
        )}
        {matchingNow !== null ? (
          <div
            data-testid="matching-now"
            className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700"
          >
            <p>
              This journey enters people when its trait conditions <em>start</em> to hold, after it
              goes live.{" "}
              <strong>
                {matchingNow.toLocaleString("en-US")}{" "}
                {matchingNow === 1 ? "person matches" : "people match"} now
              </strong>{" "}
              and will not enter unless you choose to.
            </p>
            {matchingNow > 0 ? (
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={enterMatching}
                  onChange={(e) => setEnterMatching(e.target.checked)}
                />
                Also enter the {matchingNow.toLocaleString("en-US")}{" "}
                {matchingNow === 1 ? "person who matches" : "people who match"} now
              </label>
            ) : null}
          </div>
        ) : null}
        {error && !blocked ? (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending || blocked}>
            {pending ? "Publishing…" : "Publish"}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
