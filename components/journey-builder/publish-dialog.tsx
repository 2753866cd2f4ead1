"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { JourneyIssue } from "@/lib/journey-core/validate-journey";
import { IssuesList } from "./issues-list";

/** Publish takes a note; a journey with problems is refused with the server's list of them. */
export function PublishDialog({
  open,
  onClose,
  onPublish,
  pending,
  error,
  issues,
  onSelectNode,
  isLive,
}: {
  open: boolean;
  onClose: () => void;
  onPublish: (note: string) => void;
  pending: boolean;
  error: string | null;
  issues: readonly JourneyIssue[];
  onSelectNode: (id: string) => void;
  isLive: boolean;
}) {
  const noteId = useId();
  const [note, setNote] = useState("");
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
          onPublish(note.trim());
        }}
      >
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
        {error ? (
          <div role="alert" className="space-y-2 rounded-md bg-red-50 p-3 text-sm text-red-800">
            <p>{error}</p>
            {issues.length > 0 ? (
              <IssuesList
                issues={issues}
                onSelectNode={(id) => {
                  onClose();
                  onSelectNode(id);
                }}
              />
            ) : null}
          </div>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Publishing…" : "Publish"}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
