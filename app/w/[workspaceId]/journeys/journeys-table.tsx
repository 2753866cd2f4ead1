"use client";

import Link from "next/link";
import { useState } from "react";
import { LocalTime } from "@/components/data/local-time";
import { JourneyStatusBadge } from "@/components/journeys/journey-status-badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PAUSE_MEANING, RESUME_MEANING } from "@/lib/journey-core/journey-status";
import type { JourneyListItemJson } from "@/lib/journeys/journey-schemas";
import { type ListAction, useJourneyActionMutation } from "./use-journey-action-mutation";
import { useJourneysQuery } from "./use-journeys-query";

type Journey = JourneyListItemJson;

const NUMBER = new Intl.NumberFormat("en-US");
const CELL = "px-4 py-2.5";

/** The journeys table with its row actions (editors only). */
export function JourneysTable({
  workspaceId,
  canEdit,
  initialJourneys,
}: {
  workspaceId: string;
  canEdit: boolean;
  initialJourneys: Journey[];
}) {
  const journeys = useJourneysQuery({ workspaceId, initialData: initialJourneys });
  const act = useJourneyActionMutation(workspaceId);
  const [showArchived, setShowArchived] = useState(false);
  const [archiving, setArchiving] = useState<Journey | null>(null);
  const [notice, setNotice] = useState<{ text: string; href?: string } | null>(null);

  const all = journeys.data ?? [];
  const archivedCount = all.filter((j) => j.status === "archived").length;
  const shown = showArchived ? all : all.filter((j) => j.status !== "archived");

  const run = (journey: Journey, action: ListAction) => {
    setNotice(null);
    act.mutate(
      { id: journey.id, action },
      {
        onSuccess: (result) => {
          setArchiving(null);
          setNotice(
            action === "duplicate"
              ? {
                  text: `Created “${result.name}”.`,
                  href: `/w/${workspaceId}/journeys/${result.id}`,
                }
              : { text: `“${result.name}” is ${result.status} now.` },
          );
        },
      },
    );
  };

  if (all.length === 0) {
    return (
      <EmptyState title={canEdit ? "Create your first journey" : "Nothing here yet"}>
        {canEdit ? (
          <>
            Start from a template to see a complete journey with example copy, or create a blank one
            and add a trigger. Nothing is sent until you publish.
          </>
        ) : (
          <>An editor can create the first journey. You will be able to open and preview it here.</>
        )}
      </EmptyState>
    );
  }

  return (
    <>
      <div className="mb-3 flex min-h-6 items-center justify-between gap-4">
        <div aria-live="polite" className="text-sm">
          {notice ? (
            <p className="text-emerald-800">
              {notice.text}{" "}
              {notice.href ? (
                <Link href={notice.href} className="font-medium text-brand-700 hover:underline">
                  Open it
                </Link>
              ) : null}
            </p>
          ) : null}
          {act.error && !archiving ? (
            <p role="alert" className="text-red-600">
              {act.error.message}
            </p>
          ) : null}
        </div>
        {archivedCount > 0 ? (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={showArchived}
              onChange={(event) => setShowArchived(event.target.checked)}
            />
            Show archived ({archivedCount})
          </label>
        ) : null}
      </div>
      {shown.length === 0 ? (
        <EmptyState title="Every journey is archived">
          Tick “Show archived” to see them, or start a new journey.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Journeys, most recently changed first</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium whitespace-nowrap text-slate-500 uppercase">
              <tr>
                <th scope="col" className={CELL}>
                  Name
                </th>
                <th scope="col" className={CELL}>
                  Status
                </th>
                <th scope="col" className={CELL}>
                  Version
                </th>
                <th scope="col" className={`${CELL} text-right`}>
                  Entered (7 d)
                </th>
                <th scope="col" className={`${CELL} text-right`}>
                  Converted (7 d)
                </th>
                <th scope="col" className={CELL}>
                  Last edit
                </th>
                {canEdit ? (
                  <th scope="col" className={CELL}>
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {shown.map((journey) => (
                <JourneyRow
                  key={journey.id}
                  journey={journey}
                  workspaceId={workspaceId}
                  canEdit={canEdit}
                  busy={act.isPending && act.variables?.id === journey.id}
                  onAction={(action) =>
                    action === "archive" ? setArchiving(journey) : run(journey, action)
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={archiving !== null}
        title={`Archive “${archiving?.name ?? ""}”?`}
        confirmLabel="Archive journey"
        pending={act.isPending}
        error={archiving && act.error ? act.error.message : null}
        onConfirm={() => archiving && run(archiving, "archive")}
        onCancel={() => {
          setArchiving(null);
          act.reset();
        }}
      >
        Nobody new enters, and every run still in flight is cancelled (its trace says so). Archiving
        cannot be undone; duplicate the journey to start again from it.
      </ConfirmDialog>
    </>
  );
}

function JourneyRow({
  journey,
  workspaceId,
  canEdit,
  busy,
  onAction,
}: {
  journey: Journey;
  workspaceId: string;
  canEdit: boolean;
  busy: boolean;
  onAction: (action: ListAction) => void;
}) {
  const editor = journey.updatedBy ? (journey.updatedBy.name ?? journey.updatedBy.email) : null;
  return (
    <tr className="hover:bg-slate-50">
      <td className={CELL}>
        <Link
          href={`/w/${workspaceId}/journeys/${journey.id}`}
          className="font-medium text-brand-700 hover:underline"
        >
          {journey.name}
        </Link>
      </td>
      <td className={CELL}>
        <JourneyStatusBadge status={journey.status} />
      </td>
      <td className={`${CELL} text-slate-700`}>
        {journey.currentVersion ? `v${journey.currentVersion.version}` : "—"}
      </td>
      <td className={`${CELL} text-right tabular-nums`}>
        {NUMBER.format(journey.stats.entered7d)}
      </td>
      <td className={`${CELL} text-right tabular-nums`}>
        {NUMBER.format(journey.stats.converted7d)}
      </td>
      <td className={`${CELL} text-slate-600`}>
        {editor ? (
          <span className="block max-w-48 truncate" title={journey.updatedBy?.email}>
            {editor}
          </span>
        ) : null}
        <LocalTime iso={journey.updatedAt} style="relative" className="text-xs" />
      </td>
      {canEdit ? (
        <td className={`${CELL} whitespace-nowrap text-right`}>
          <div
            role="group"
            aria-label={`Actions for ${journey.name}`}
            className="inline-flex gap-1"
          >
            <Button variant="ghost" disabled={busy} onClick={() => onAction("duplicate")}>
              Duplicate
            </Button>
            {journey.status === "live" ? (
              <Button
                variant="ghost"
                disabled={busy}
                onClick={() => onAction("pause")}
                title={PAUSE_MEANING}
              >
                Pause
              </Button>
            ) : null}
            {journey.status === "paused" ? (
              <Button
                variant="ghost"
                disabled={busy}
                onClick={() => onAction("resume")}
                title={RESUME_MEANING}
              >
                Resume
              </Button>
            ) : null}
            {journey.status !== "archived" ? (
              <Button
                variant="ghost"
                className="text-red-700 hover:bg-red-50"
                disabled={busy}
                onClick={() => onAction("archive")}
              >
                Archive
              </Button>
            ) : null}
          </div>
        </td>
      ) : null}
    </tr>
  );
}
