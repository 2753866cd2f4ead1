"use client";

import { ReactFlowProvider } from "@xyflow/react";
import { useCallback, useMemo, useReducer, useState } from "react";
import { useEventCatalogQuery } from "@/components/events/use-event-catalog-query";
import { unavailableNodeTypes } from "@/lib/journey-builder/connection-rules";
import { draftToDoc } from "@/lib/journey-builder/draft-to-doc";
import { editorReducer, initEditor } from "@/lib/journey-builder/editor-reducer";
import type { FlowDoc } from "@/lib/journey-builder/flow-types";
import { fromFlow } from "@/lib/journey-builder/from-flow";
import { canRedo, canUndo } from "@/lib/journey-builder/history";
import { triggerEventOf } from "@/lib/journey-builder/trigger-event";
import { stepName } from "@/lib/journey-core/describe-step";
import { unseenEventWarnings } from "@/lib/journey-core/unseen-events";
import type { JourneyJson } from "@/lib/journeys/journey-schemas";
import { EditorBanners } from "./editor-banners";
import { EditorCanvasPane } from "./editor-canvas-pane";
import { EditorHeader } from "./editor-header";
import { EditorToolbar } from "./editor-toolbar";
import { Inspector } from "./inspector/inspector";
import { VocabularyProvider } from "./inspector/vocabulary";
import { JourneyCanvas } from "./journey-canvas";
import { issuesByNode, type NodeStats } from "./node-decorations";
import { Palette } from "./palette";
import { PanelToggle } from "./panel-rail";
import { PublishDialog } from "./publish-dialog";
import { SettingsForm } from "./settings-form";
import { SideSheet } from "./side-sheet";
import { useCanvasHandlers } from "./use-canvas-handlers";
import { useEditorCommands } from "./use-editor-commands";
import { useEditorNotice } from "./use-editor-notice";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { useFitOnPanelToggle } from "./use-fit-on-panel-toggle";
import { useJourneyDraft } from "./use-journey-draft";
import { useLayoutOnOpen } from "./use-layout-on-open";
import { useNodeStatsQuery } from "./use-node-stats-query";
import { usePublishActions } from "./use-publish-actions";
import { useStoredFlag } from "./use-stored-flag";
import { VersionHistoryPanel } from "./version-history-panel";

export interface JourneyEditorProps {
  workspaceId: string;
  journey: JourneyJson;
  /** Editors and owners; viewers get a read-only canvas. */
  canEdit: boolean;
  nodeStats?: NodeStats;
  highlightedNodeIds?: readonly string[];
}

/** The journey editor: palette, canvas and inspector over the stored draft. */
export function JourneyEditor(props: JourneyEditorProps) {
  return (
    <ReactFlowProvider>
      <EditorBody {...props} />
    </ReactFlowProvider>
  );
}

function EditorBody({
  workspaceId,
  canEdit,
  nodeStats,
  highlightedNodeIds,
  ...props
}: JourneyEditorProps) {
  const [opened] = useState(() => draftToDoc(props.journey.draft));
  const [state, dispatch] = useReducer(editorReducer, opened.doc, initEditor);
  const [sheet, setSheet] = useState<"settings" | "history" | null>(null);
  const { notice, flash } = useEditorNotice();

  const { present, committed } = state;
  const definition = useMemo(
    () => fromFlow(committed.nodes, committed.edges, committed.settings),
    [committed],
  );
  const draft = useJourneyDraft({
    workspaceId,
    journey: props.journey,
    definition,
    canSave: canEdit && opened.unreadable === 0,
  });
  const { journey, issues, autosave } = draft;
  // Event names never received: flagged on the step and in the publish check, never blocking.
  const catalog = useEventCatalogQuery(workspaceId);
  const warnings = useMemo(
    () =>
      catalog.data
        ? unseenEventWarnings(definition, new Set(catalog.data.events.map((e) => e.name)))
        : [],
    [catalog.data, definition],
  );
  const readOnly = !draft.editable || autosave.state.kind === "conflict";
  const liveStats = useNodeStatsQuery(workspaceId, journey.id, journey.currentVersion !== null);
  const publishing = usePublishActions({
    workspaceId,
    journey,
    setJourney: draft.setJourney,
    setIssues: draft.setIssues,
    autosave,
    flash,
  });

  const selected = present.nodes.filter((node) => node.selected);
  const selectedNode = selected.length === 1 ? selected[0].data.node : null;
  const hasSelection = selected.length > 0 || present.edges.some((edge) => edge.selected);
  const commands = useEditorCommands({ dispatch, present, selectedNode, flash });
  useEditorShortcuts(commands, !readOnly);
  const canvas = useCanvasHandlers({ dispatch, definition, readOnly, flash });

  const { rebase } = draft;
  // A journey whose nodes overlap opens laid out; that is not an edit, so
  // nothing is saved (or undoable) until the user changes something.
  const adoptLayout = useCallback(
    (doc: FlowDoc) => {
      dispatch({ type: "reset", doc });
      rebase(draft.journey, fromFlow(doc.nodes, doc.edges, doc.settings));
    },
    [rebase, draft.journey],
  );
  useLayoutOnOpen(present, adoptLayout);
  const [paletteCollapsed, setPaletteCollapsed] = useStoredFlag(
    "cue.editor.palette-collapsed",
    false,
  );
  const [inspectorCollapsed, setInspectorCollapsed] = useStoredFlag(
    "cue.editor.inspector-collapsed",
    false,
  );
  const [minimap, setMinimap] = useStoredFlag("cue.editor.minimap", false);
  useFitOnPanelToggle([paletteCollapsed, inspectorCollapsed]);
  const onRestored = useCallback(
    (restored: unknown) => {
      const next = restored as JourneyJson;
      const { doc } = draftToDoc(next.draft);
      dispatch({ type: "reset", doc });
      rebase(next, fromFlow(doc.nodes, doc.edges, doc.settings));
      setSheet(null);
      flash("Restored as the draft");
    },
    [rebase, flash],
  );

  // Stable, so the memoised header does not re-render on every drag frame.
  const retrySave = useCallback(() => void autosave.flush(), [autosave.flush]);
  const openSettings = useCallback(() => setSheet("settings"), []);
  const openHistory = useCallback(() => setSheet("history"), []);

  const decorations = useMemo(
    () => ({
      issues: issuesByNode(issues),
      warnings: issuesByNode(warnings),
      stats: nodeStats ?? liveStats.data,
      highlighted: highlightedNodeIds ? new Set(highlightedNodeIds) : undefined,
      readOnly,
    }),
    [issues, warnings, nodeStats, liveStats.data, highlightedNodeIds, readOnly],
  );
  const disabledTypes = useMemo(() => unavailableNodeTypes(definition.nodes), [definition.nodes]);

  return (
    <VocabularyProvider workspaceId={workspaceId} triggerEvent={triggerEventOf(definition.nodes)}>
      <div className="-m-8 flex h-screen min-h-[600px] flex-col">
        <EditorHeader
          workspaceId={workspaceId}
          journey={journey}
          name={draft.name}
          onNameChange={draft.setName}
          canEdit={canEdit}
          readOnly={readOnly}
          saves={draft.editable}
          saveState={autosave.state}
          onRetrySave={retrySave}
          issueCount={issues.length}
          onOpenSettings={openSettings}
          onOpenHistory={openHistory}
          onPublish={publishing.openPublish}
          onPauseResume={publishing.pauseResume}
          actionPending={publishing.pending}
        />
        <EditorBanners
          conflict={autosave.state.kind === "conflict"}
          unreadable={opened.unreadable}
          canEdit={canEdit}
        />
        <div className="flex min-h-0 flex-1">
          {readOnly ? null : (
            <Palette
              onInsert={commands.insert}
              disabled={disabledTypes}
              selectedLabel={selectedNode ? stepName(selectedNode, definition.nodes) : null}
              collapsed={paletteCollapsed}
              onCollapse={setPaletteCollapsed}
            />
          )}
          <EditorCanvasPane
            onDrop={canvas.onDrop}
            notice={notice}
            toolbar={
              <EditorToolbar
                readOnly={readOnly}
                canUndo={canUndo(state)}
                canRedo={canRedo(state)}
                hasSelection={hasSelection}
                canPaste={commands.hasClipboard}
                onUndo={commands.undo}
                onRedo={commands.redo}
                onCopy={commands.copy}
                onPaste={commands.paste}
                onDuplicate={commands.duplicate}
                onDelete={commands.remove}
                onLayout={commands.layout}
                onFit={commands.fit}
                minimap={minimap}
                onMinimap={setMinimap}
              />
            }
          >
            <JourneyCanvas
              readOnly={readOnly}
              decorations={decorations}
              nodes={present.nodes}
              edges={present.edges}
              showMinimap={minimap}
              {...canvas.flow}
            />
          </EditorCanvasPane>
          {inspectorCollapsed ? (
            <aside
              aria-label="Inspector"
              className="flex w-10 shrink-0 flex-col items-center border-l border-slate-200 bg-white py-2"
            >
              <PanelToggle
                label="inspector"
                side="right"
                collapsed
                onToggle={setInspectorCollapsed}
              />
            </aside>
          ) : (
            <aside
              aria-label="Inspector"
              className="w-80 shrink-0 overflow-y-auto border-l border-slate-200 bg-white p-4"
            >
              <div className="-mt-2 -mr-2 flex justify-end">
                <PanelToggle
                  label="inspector"
                  side="right"
                  collapsed={false}
                  onToggle={setInspectorCollapsed}
                />
              </div>
              <Inspector
                workspaceId={workspaceId}
                node={selectedNode}
                selectedCount={selected.length}
                nodes={definition.nodes}
                edges={definition.edges}
                issues={issues}
                warnings={warnings}
                readOnly={readOnly}
                onUpdate={commands.updateNode}
                onSetExit={commands.setExit}
                onSelectNode={commands.selectNode}
                onDelete={commands.remove}
                onDuplicate={commands.duplicate}
              />
            </aside>
          )}
        </div>
        <SideSheet
          open={sheet === "settings"}
          onClose={() => setSheet(null)}
          title="Journey settings"
        >
          <SettingsForm
            settings={present.settings}
            onChange={commands.updateSettings}
            readOnly={readOnly}
          />
        </SideSheet>
        <SideSheet
          open={sheet === "history"}
          onClose={() => setSheet(null)}
          title="History"
          width="max-w-3xl"
        >
          <VersionHistoryPanel
            workspaceId={workspaceId}
            journeyId={journey.id}
            canEdit={canEdit && journey.status !== "archived"}
            onRestored={onRestored}
          />
        </SideSheet>
        <PublishDialog
          open={publishing.dialogOpen}
          onClose={publishing.closePublish}
          onPublish={(note, options) => void publishing.publish(note, options)}
          pending={publishing.pending || autosave.state.kind === "saving"}
          error={publishing.error?.message ?? null}
          issues={publishing.error?.issues.length ? publishing.error.issues : issues}
          warnings={warnings}
          onSelectNode={commands.selectNode}
          isLive={journey.status === "live"}
          workspaceId={workspaceId}
          journeyId={journey.id}
          revision={journey.draftRevision}
        />
      </div>
    </VocabularyProvider>
  );
}
