"use client";

import {
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnConnectEnd,
  ReactFlowProvider,
  useReactFlow,
} from "@xyflow/react";
import {
  type DragEvent,
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from "react";
import type { JourneyJson } from "@/lib/engine/journeys/journey-schemas";
import { NODE_HEIGHT, NODE_WIDTH } from "@/lib/journey-builder/auto-layout";
import { type ClipboardData, copyNodes } from "@/lib/journey-builder/clipboard";
import { canAddNode, checkConnection } from "@/lib/journey-builder/connection-rules";
import { draftToDoc } from "@/lib/journey-builder/draft-to-doc";
import {
  editorReducer,
  initEditor,
  journeyEdges,
  journeyNodes,
  selectedNodeIds,
} from "@/lib/journey-builder/editor-reducer";
import type { JourneyFlowEdge, JourneyFlowNode } from "@/lib/journey-builder/flow-types";
import { fromFlow } from "@/lib/journey-builder/from-flow";
import { canRedo, canUndo } from "@/lib/journey-builder/history";
import { PALETTE } from "@/lib/journey-builder/new-node";
import type { JourneyNode, JourneySettings, NodeType } from "@/lib/journeys/definition";
import type { JourneyIssue } from "@/lib/journeys/validate-journey";
import { ApiClientError } from "@/lib/query/fetch-json";
import { EditorHeader } from "./editor-header";
import { EditorToolbar } from "./editor-toolbar";
import { Inspector } from "./inspector/inspector";
import { VocabularyProvider } from "./inspector/vocabulary";
import { JourneyCanvas } from "./journey-canvas";
import { issuesByNode, type NodeStats } from "./node-decorations";
import { DRAG_MIME, Palette } from "./palette";
import { PublishDialog } from "./publish-dialog";
import { SettingsForm } from "./settings-form";
import { SideSheet } from "./side-sheet";
import { useAutosave } from "./use-autosave";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { useJourneyActionMutation } from "./use-journey-action-mutation";
import { useNodeStatsQuery } from "./use-node-stats-query";
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

// Shared across journeys in this tab, so steps can be copied from one to another.
let clipboard: ClipboardData | null = null;

function issuesFrom(error: unknown): JourneyIssue[] {
  if (!(error instanceof ApiClientError)) return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as JourneyIssue[]) : [];
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
  const [journey, setJourney] = useState(props.journey);
  const liveStats = useNodeStatsQuery(workspaceId, journey.id, journey.currentVersion !== null);
  const [name, setName] = useState(props.journey.name);
  const [issues, setIssues] = useState(props.journey.issues);
  const [notice, setNotice] = useState<string | null>(null);
  const [sheet, setSheet] = useState<"settings" | "history" | null>(null);
  const [publishOpen, setPublishOpen] = useState(false);
  const [publishError, setPublishError] = useState<{
    message: string;
    issues: JourneyIssue[];
  } | null>(null);
  const [hasClipboard, setHasClipboard] = useState(clipboard !== null);
  const flow = useReactFlow<JourneyFlowNode, JourneyFlowEdge>();
  const action = useJourneyActionMutation(workspaceId, journey.id);

  const { present, committed } = state;
  const definition = useMemo(
    () => fromFlow(committed.nodes, committed.edges, committed.settings),
    [committed],
  );
  const snapshot = useMemo(
    () => ({ name: name.trim() || journey.name, definition }),
    [name, journey.name, definition],
  );
  const editable = canEdit && journey.status !== "archived" && opened.unreadable === 0;
  const onSaved = useCallback((saved: JourneyJson) => {
    setJourney(saved);
    // Same problems as before: keep the array, so no node re-renders for nothing.
    setIssues((current) =>
      JSON.stringify(current) === JSON.stringify(saved.issues) ? current : saved.issues,
    );
  }, []);
  const autosave = useAutosave({
    workspaceId,
    journey: props.journey,
    snapshot,
    enabled: editable,
    onSaved,
  });
  const readOnly = !editable || autosave.state.kind === "conflict";

  const selected = present.nodes.filter((node) => node.selected);
  const selectedNode = selected.length === 1 ? selected[0].data.node : null;
  const hasSelection = selected.length > 0 || present.edges.some((edge) => edge.selected);
  const latest = useRef({ present, selectedNode, definition });
  latest.current = { present, selectedNode, definition };

  const flash = useCallback((text: string) => {
    setNotice(text);
    window.setTimeout(() => setNotice((current) => (current === text ? null : current)), 5000);
  }, []);

  // A node just added from the palette is brought to the middle of the view.
  const revealNext = useRef(false);
  const selectedId = selectedNode?.id ?? null;
  useEffect(() => {
    if (!selectedId || !revealNext.current) return;
    revealNext.current = false;
    const frame = requestAnimationFrame(() => {
      const target = flow.getNode(selectedId);
      if (!target) return;
      const width = target.measured?.width ?? NODE_WIDTH;
      const height = target.measured?.height ?? NODE_HEIGHT;
      void flow.setCenter(target.position.x + width / 2, target.position.y + height / 2, {
        zoom: flow.getZoom(),
        duration: 200,
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [selectedId, flow]);

  // --- canvas events -------------------------------------------------------
  const onNodesChange = useCallback(
    (changes: NodeChange<JourneyFlowNode>[]) => dispatch({ type: "nodes-change", changes }),
    [],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<JourneyFlowEdge>[]) => dispatch({ type: "edges-change", changes }),
    [],
  );
  const onConnect = useCallback(
    (connection: Connection) => dispatch({ type: "connect", connection }),
    [],
  );
  const isValidConnection = useCallback((c: Connection | JourneyFlowEdge) => {
    const { definition: d } = latest.current;
    return checkConnection(d, { source: c.source, sourceHandle: c.sourceHandle, target: c.target })
      .ok;
  }, []);
  const onConnectEnd: OnConnectEnd = useCallback(
    (_event, connection) => {
      if (connection.isValid !== false || !connection.toNode || !connection.fromNode) return;
      const check = checkConnection(latest.current.definition, {
        source: connection.fromNode.id,
        sourceHandle: connection.fromHandle?.id,
        target: connection.toNode.id,
      });
      if (!check.ok) flash(`Not connected: ${check.reason}`);
    },
    [flash],
  );

  // --- commands ------------------------------------------------------------
  const selectNode = useCallback(
    (id: string) => {
      dispatch({ type: "select-node", id });
      void flow.fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.2 });
    },
    [flow],
  );
  const insert = useCallback((nodeType: NodeType) => {
    revealNext.current = true;
    dispatch({ type: "insert", nodeType, afterId: latest.current.selectedNode?.id });
  }, []);
  const copy = useCallback(() => {
    const { present: doc } = latest.current;
    const ids = selectedNodeIds(doc);
    if (ids.size === 0) return;
    clipboard = copyNodes({ nodes: journeyNodes(doc), edges: journeyEdges(doc) }, ids);
    setHasClipboard(true);
    flash(`Copied ${ids.size} ${ids.size === 1 ? "step" : "steps"}`);
  }, [flash]);
  const paste = useCallback(() => {
    if (clipboard) dispatch({ type: "paste", clip: clipboard });
  }, []);
  const duplicate = useCallback(() => {
    const { present: doc } = latest.current;
    const ids = selectedNodeIds(doc);
    if (ids.size > 0)
      dispatch({
        type: "paste",
        clip: copyNodes({ nodes: journeyNodes(doc), edges: journeyEdges(doc) }, ids),
      });
  }, []);
  const remove = useCallback(() => dispatch({ type: "delete-selection" }), []);
  const undo = useCallback(() => dispatch({ type: "undo" }), []);
  const redo = useCallback(() => dispatch({ type: "redo" }), []);
  const fit = useCallback(
    () => void flow.fitView({ duration: 300, padding: 0.15, maxZoom: 1 }),
    [flow],
  );
  const layout = useCallback(() => {
    dispatch({ type: "layout" });
    requestAnimationFrame(() => void flow.fitView({ duration: 300, padding: 0.15, maxZoom: 1 }));
  }, [flow]);
  useEditorShortcuts({ undo, redo, remove, copy, paste, duplicate }, !readOnly);

  const onUpdate = useCallback(
    (node: JourneyNode, field: string) =>
      dispatch({ type: "update-node", node, coalesce: `${node.id}:${field}` }),
    [],
  );
  const onSetExit = useCallback(
    (from: string, exit: string, to: string | null) =>
      dispatch({ type: "set-exit", from, exit, to }),
    [],
  );
  const onSettings = useCallback(
    (settings: JourneySettings, field: string) =>
      dispatch({ type: "settings", settings, coalesce: `settings:${field}` }),
    [],
  );

  const onDrop = (event: DragEvent) => {
    const type = event.dataTransfer.getData(DRAG_MIME) as NodeType;
    if (!type || readOnly) return;
    event.preventDefault();
    const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    dispatch({
      type: "insert",
      nodeType: type,
      position: { x: Math.round(position.x), y: Math.round(position.y) },
    });
  };

  // --- publish, pause, restore ---------------------------------------------
  const publish = async (note: string) => {
    setPublishError(null);
    if (!(await autosave.flush())) {
      setPublishError({
        message: "The draft could not be saved, so it was not published.",
        issues: [],
      });
      return;
    }
    action.mutate(
      { action: "publish", note: note || undefined, draftRevision: autosave.revision() },
      {
        onSuccess: (published) => {
          setJourney(published);
          setIssues(published.issues);
          setPublishOpen(false);
          flash(`Published version ${published.currentVersion?.version ?? ""}`);
        },
        onError: (error) => {
          const refused = issuesFrom(error);
          if (refused.length > 0) setIssues(refused);
          setPublishError({ message: error.message, issues: refused });
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
    [runAction, journey.status, flash],
  );
  const onRestored = useCallback(
    (restored: unknown) => {
      const next = restored as JourneyJson;
      const { doc } = draftToDoc(next.draft);
      dispatch({ type: "reset", doc });
      autosave.rebase(next, {
        name: next.name,
        definition: fromFlow(doc.nodes, doc.edges, doc.settings),
      });
      setJourney(next);
      setName(next.name);
      setIssues(next.issues);
      setSheet(null);
      flash("Restored as the draft");
    },
    [autosave.rebase, flash],
  );

  // Stable, so the memoised header does not re-render on every drag frame.
  const retrySave = useCallback(() => void autosave.flush(), [autosave.flush]);
  const openSettings = useCallback(() => setSheet("settings"), []);
  const openHistory = useCallback(() => setSheet("history"), []);
  const openPublish = useCallback(() => {
    setPublishError(null);
    setPublishOpen(true);
  }, []);

  const decorations = useMemo(
    () => ({
      issues: issuesByNode(issues),
      stats: nodeStats ?? liveStats.data,
      highlighted: highlightedNodeIds ? new Set(highlightedNodeIds) : undefined,
      readOnly,
    }),
    [issues, nodeStats, liveStats.data, highlightedNodeIds, readOnly],
  );
  const disabledTypes = useMemo(() => {
    const map = new Map<NodeType, string>();
    for (const item of PALETTE) {
      const check = canAddNode(item.type, definition.nodes);
      if (!check.ok) map.set(item.type, check.reason);
    }
    return map;
  }, [definition.nodes]);
  const trigger = definition.nodes.find((node) => node.type === "trigger");
  const triggerEvent =
    trigger?.type === "trigger" && trigger.trigger?.kind === "event"
      ? trigger.trigger.event
      : undefined;

  return (
    <VocabularyProvider workspaceId={workspaceId} triggerEvent={triggerEvent}>
      <div className="-m-8 flex h-screen min-h-[600px] flex-col">
        <EditorHeader
          workspaceId={workspaceId}
          journey={journey}
          name={name}
          onNameChange={setName}
          canEdit={canEdit}
          readOnly={readOnly}
          saves={editable}
          saveState={autosave.state}
          onRetrySave={retrySave}
          issueCount={issues.length}
          onOpenSettings={openSettings}
          onOpenHistory={openHistory}
          onPublish={openPublish}
          onPauseResume={pauseResume}
          actionPending={action.isPending}
        />
        {autosave.state.kind === "conflict" ? (
          <div
            role="alert"
            className="flex items-center gap-3 border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900"
          >
            <p>
              Someone else saved this journey after you opened it, so your latest changes were not
              saved (nothing was overwritten). Reload to get their version, then make your change
              again.
            </p>
            <button
              type="button"
              onClick={() => window.location.reload()}
              className="rounded-md bg-red-700 px-3 py-1 font-medium text-white hover:bg-red-800"
            >
              Reload
            </button>
          </div>
        ) : null}
        {opened.unreadable > 0 ? (
          <p
            role="alert"
            className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900"
          >
            This draft has {opened.unreadable} node(s) or connection(s) the editor cannot show, so
            it is read-only here. Fix the draft through the journeys API.
          </p>
        ) : null}
        {!canEdit ? (
          <p className="border-b border-slate-200 bg-slate-50 px-4 py-1.5 text-xs text-slate-600">
            You have view access: the journey is read-only.
          </p>
        ) : null}
        <div className="flex min-h-0 flex-1">
          {readOnly ? null : (
            <Palette
              onInsert={insert}
              disabled={disabledTypes}
              selectedLabel={selectedNode ? selectedNode.label || selectedNode.id : null}
            />
          )}
          <section
            aria-label="Journey canvas"
            className="relative min-w-0 flex-1 bg-slate-50"
            onDrop={onDrop}
            onDragOver={(event) => {
              if (event.dataTransfer.types.includes(DRAG_MIME)) {
                event.preventDefault();
                event.dataTransfer.dropEffect = "move";
              }
            }}
          >
            <JourneyCanvas
              readOnly={readOnly}
              decorations={decorations}
              nodes={present.nodes}
              edges={present.edges}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              onConnectEnd={onConnectEnd}
              isValidConnection={isValidConnection}
            />
            <div className="absolute left-2 top-2 z-10">
              <EditorToolbar
                readOnly={readOnly}
                canUndo={canUndo(state)}
                canRedo={canRedo(state)}
                hasSelection={hasSelection}
                canPaste={hasClipboard}
                onUndo={undo}
                onRedo={redo}
                onCopy={copy}
                onPaste={paste}
                onDuplicate={duplicate}
                onDelete={remove}
                onLayout={layout}
                onFit={fit}
              />
            </div>
            <p
              aria-live="polite"
              className="pointer-events-none absolute bottom-3 left-1/2 z-10 -translate-x-1/2"
            >
              {notice ? (
                <span className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white shadow">
                  {notice}
                </span>
              ) : null}
            </p>
          </section>
          <aside
            aria-label="Inspector"
            className="w-80 shrink-0 overflow-y-auto border-l border-slate-200 bg-white p-4"
          >
            <Inspector
              workspaceId={workspaceId}
              node={selectedNode}
              selectedCount={selected.length}
              nodes={definition.nodes}
              edges={definition.edges}
              issues={issues}
              readOnly={readOnly}
              onUpdate={onUpdate}
              onSetExit={onSetExit}
              onSelectNode={selectNode}
              onDelete={remove}
              onDuplicate={duplicate}
            />
          </aside>
        </div>
        <SideSheet
          open={sheet === "settings"}
          onClose={() => setSheet(null)}
          title="Journey settings"
        >
          <SettingsForm settings={present.settings} onChange={onSettings} readOnly={readOnly} />
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
          open={publishOpen}
          onClose={() => setPublishOpen(false)}
          onPublish={(note) => void publish(note)}
          pending={action.isPending || autosave.state.kind === "saving"}
          error={publishError?.message ?? null}
          issues={publishError?.issues ?? []}
          onSelectNode={selectNode}
          isLive={journey.status === "live"}
        />
      </div>
    </VocabularyProvider>
  );
}
