"use client";

import Link from "next/link";
import { memo } from "react";
import { JourneyStatusBadge } from "@/components/journeys/journey-status-badge";
import { Button } from "@/components/ui/button";
import { PAUSE_MEANING, RESUME_MEANING } from "@/lib/journey-core/journey-status";
import type { JourneyJson } from "@/lib/journeys/journey-schemas";
import type { SaveState } from "./use-autosave";

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const text =
    state.kind === "saved"
      ? "All changes saved"
      : state.kind === "saving"
        ? "Saving…"
        : state.kind === "unsaved"
          ? "Unsaved changes"
          : state.kind === "conflict"
            ? "Not saved (conflict)"
            : "Not saved";
  return (
    <span className="flex items-center gap-2 text-xs">
      <span
        role="status"
        data-testid="save-status"
        className={
          state.kind === "error" || state.kind === "conflict" ? "text-red-700" : "text-slate-500"
        }
        title={state.kind === "error" ? state.message : undefined}
      >
        {text}
      </span>
      {state.kind === "error" ? (
        <button type="button" onClick={onRetry} className="font-medium text-brand-700 underline">
          Retry
        </button>
      ) : null}
    </span>
  );
}

/** Name, status and the journey-level actions. */
export const EditorHeader = memo(function EditorHeader(props: {
  workspaceId: string;
  journey: JourneyJson;
  name: string;
  onNameChange: (name: string) => void;
  canEdit: boolean;
  readOnly: boolean;
  /** Whether this member saves at all (not a viewer, not archived). */
  saves: boolean;
  saveState: SaveState;
  onRetrySave: () => void;
  issueCount: number;
  onOpenSettings: () => void;
  onOpenHistory: () => void;
  onPublish: () => void;
  onPauseResume: () => void;
  actionPending: boolean;
}) {
  const { journey } = props;
  const version = journey.currentVersion;
  return (
    // Two fixed rows: the name gets the whole width (never clipped at 1280 px) and
    // nothing wraps, so the header keeps its height whatever the save state says.
    <header className="border-b border-slate-200 bg-white px-4 py-1.5">
      <div className="flex items-center gap-3">
        <Link
          href={`/w/${props.workspaceId}/journeys`}
          className="shrink-0 text-sm text-brand-700 hover:underline"
        >
          ← Journeys
        </Link>
        <label className="sr-only" htmlFor="journey-name">
          Journey name
        </label>
        <input
          id="journey-name"
          className="min-w-0 flex-1 rounded-md border border-transparent px-2 py-0.5 text-lg font-semibold hover:border-slate-300 focus:border-brand-500 read-only:hover:border-transparent"
          value={props.name}
          title={props.name}
          readOnly={props.readOnly}
          maxLength={120}
          onChange={(e) => props.onNameChange(e.target.value)}
        />
        <span data-testid="journey-status" className="shrink-0">
          <JourneyStatusBadge status={journey.status} />
        </span>
      </div>
      <div className="flex items-center gap-3 whitespace-nowrap">
        <span className="text-xs text-slate-500">
          {version ? `Version ${version.version} published` : "Never published"}
        </span>
        {props.saves ? <SaveStatus state={props.saveState} onRetry={props.onRetrySave} /> : null}
        <div className="ml-auto flex items-center gap-2">
          <Link
            href={`/w/${props.workspaceId}/journeys/${journey.id}/preview`}
            className="rounded-md px-2 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-100"
          >
            Preview as user
          </Link>
          <Link
            href={`/w/${props.workspaceId}/journeys/${journey.id}/analytics`}
            className="rounded-md px-2 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-100"
          >
            Analytics
          </Link>
          <Button variant="secondary" onClick={props.onOpenSettings}>
            Settings
          </Button>
          <Button variant="secondary" onClick={props.onOpenHistory}>
            History
          </Button>
          {props.canEdit && (journey.status === "live" || journey.status === "paused") ? (
            <Button
              variant="secondary"
              onClick={props.onPauseResume}
              disabled={props.actionPending}
              title={journey.status === "live" ? PAUSE_MEANING : RESUME_MEANING}
            >
              {journey.status === "live" ? "Pause" : "Resume"}
            </Button>
          ) : null}
          {props.canEdit && journey.status !== "archived" ? (
            <Button onClick={props.onPublish} disabled={props.readOnly}>
              Publish
              {props.issueCount > 0
                ? ` (${props.issueCount} ${props.issueCount === 1 ? "thing" : "things"} to fix)`
                : ""}
            </Button>
          ) : null}
        </div>
      </div>
    </header>
  );
});
