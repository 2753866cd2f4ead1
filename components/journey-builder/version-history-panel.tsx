"use client";

import { useState } from "react";
import { LocalTime } from "@/components/data/local-time";
import { DefinitionDiffView } from "@/components/journey-versions/definition-diff-view";
import { useJourneyDiffQuery } from "@/components/journey-versions/use-journey-diff-query";
import { useJourneyVersionsQuery } from "@/components/journey-versions/use-journey-versions-query";
import { useRestoreVersionMutation } from "@/components/journey-versions/use-restore-version-mutation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { VersionSummaryJson } from "@/lib/journeys/journey-version-schemas";

// Version history for the editor's drawer: every published version (newest
// first, with its note, who and when), the readable diff of the one chosen
// against the version before it, the draft compared with the live version,
// and "Restore as draft" for editors.

type Selection = { kind: "version"; version: number } | { kind: "draft" };

export function VersionHistoryPanel(props: {
  workspaceId: string;
  journeyId: string;
  canEdit: boolean;
  onRestored?: (journey: unknown) => void;
}) {
  const { workspaceId, journeyId, canEdit, onRestored } = props;
  const versions = useJourneyVersionsQuery(workspaceId, journeyId);
  const restore = useRestoreVersionMutation(workspaceId, journeyId);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [restored, setRestored] = useState<number | null>(null);

  const list = versions.data ?? [];
  const current = list.find((v) => v.isCurrent) ?? null;
  // Until something is chosen, show what the latest version changed.
  const chosen: Selection | null =
    selection ?? (list[0] ? { kind: "version", version: list[0].version } : null);

  const confirmRestore = () => {
    if (confirming === null) return;
    const version = confirming;
    restore.mutate(version, {
      onSuccess: (journey) => {
        setConfirming(null);
        setRestored(version);
        onRestored?.(journey);
      },
    });
  };

  return (
    <section aria-labelledby="version-history-title" className="flex h-full flex-col gap-4">
      <header className="flex items-center justify-between gap-2">
        <h2 id="version-history-title" className="text-base font-semibold">
          Version history
        </h2>
        {current ? (
          <Button
            variant={chosen?.kind === "draft" ? "primary" : "secondary"}
            aria-pressed={chosen?.kind === "draft"}
            onClick={() => setSelection({ kind: "draft" })}
          >
            Compare draft with live
          </Button>
        ) : null}
      </header>

      {restored !== null ? (
        <p role="status" className="rounded-md bg-emerald-50 p-2 text-sm text-emerald-900">
          Version {restored} is the draft now. Publish it to make it live again.
        </p>
      ) : null}

      {versions.isPending ? <p className="text-sm text-slate-600">Loading versions…</p> : null}
      {versions.error ? (
        <p role="alert" className="text-sm text-red-600">
          Could not load the versions: {versions.error.message}
        </p>
      ) : null}
      {versions.isSuccess && list.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          Not published yet. Publishing the journey (with a note saying what changed) creates
          version 1; every later publish adds a version here, and any of them can be restored.
        </p>
      ) : null}

      {list.length > 0 ? (
        <ol aria-label="Published versions" className="max-h-72 space-y-1 overflow-y-auto pr-1">
          {list.map((version) => (
            <li key={version.id}>
              <VersionButton
                version={version}
                selected={chosen?.kind === "version" && chosen.version === version.version}
                onSelect={() => setSelection({ kind: "version", version: version.version })}
              />
            </li>
          ))}
        </ol>
      ) : null}

      {chosen ? (
        <DiffDetails
          workspaceId={workspaceId}
          journeyId={journeyId}
          selection={chosen}
          current={current}
          canRestore={canEdit}
          onRestore={(version) => {
            restore.reset();
            setConfirming(version);
          }}
        />
      ) : null}

      <ConfirmDialog
        open={confirming !== null}
        title={`Restore version ${confirming ?? ""} as the draft?`}
        confirmLabel="Restore as draft"
        tone="primary"
        pending={restore.isPending}
        error={restore.error?.message ?? null}
        onConfirm={confirmRestore}
        onCancel={() => setConfirming(null)}
      >
        The draft is replaced by version {confirming}. Unpublished changes in the current draft are
        lost. The live journey does not change until you publish.
      </ConfirmDialog>
    </section>
  );
}

function VersionButton({
  version,
  selected,
  onSelect,
}: {
  version: VersionSummaryJson;
  selected: boolean;
  onSelect: () => void;
}) {
  const who = version.publishedBy
    ? (version.publishedBy.name ?? version.publishedBy.email)
    : "the API";
  return (
    <button
      type="button"
      onClick={onSelect}
      aria-current={selected ? "true" : undefined}
      className={`w-full rounded-md border px-3 py-2 text-left text-sm ${
        selected ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:bg-slate-50"
      }`}
    >
      <span className="flex items-center gap-2">
        <span className="font-medium">Version {version.version}</span>
        {version.isCurrent ? (
          <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900">
            Current
          </span>
        ) : null}
      </span>
      <span className="mt-0.5 block text-slate-700">
        {version.note ?? <span className="text-slate-400 italic">No note</span>}
      </span>
      <span className="mt-0.5 block text-xs text-slate-500">
        {who} · <LocalTime iso={version.publishedAt} style="relative" />
      </span>
    </button>
  );
}

function DiffDetails({
  workspaceId,
  journeyId,
  selection,
  current,
  canRestore,
  onRestore,
}: {
  workspaceId: string;
  journeyId: string;
  selection: Selection;
  current: VersionSummaryJson | null;
  canRestore: boolean;
  onRestore: (version: number) => void;
}) {
  const draft = selection.kind === "draft";
  const diff = useJourneyDiffQuery({
    workspaceId,
    journeyId,
    from: draft && current ? current.version : undefined,
    to: draft ? "draft" : selection.version,
  });
  const title = draft
    ? `Draft compared with live version ${current?.version ?? ""}`
    : diff.data?.from === null
      ? `Version ${selection.version}: the first version`
      : `Version ${selection.version} compared with version ${diff.data?.from ?? selection.version - 1}`;

  return (
    <section aria-labelledby="version-diff-title" className="min-h-0 flex-1 overflow-y-auto">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 id="version-diff-title" className="text-sm font-semibold">
          {title}
        </h3>
        {canRestore && selection.kind === "version" ? (
          <Button variant="secondary" onClick={() => onRestore(selection.version)}>
            Restore as draft
          </Button>
        ) : null}
      </div>
      {diff.isPending ? <p className="text-sm text-slate-600">Comparing…</p> : null}
      {diff.error ? (
        <p role="alert" className="text-sm text-red-600">
          {diff.error.message}
        </p>
      ) : null}
      {diff.data ? (
        diff.data.from === null ? (
          <p className="mb-2 text-sm text-slate-600">Everything in it was new:</p>
        ) : null
      ) : null}
      {diff.data ? <DefinitionDiffView diff={diff.data.diff} /> : null}
    </section>
  );
}
