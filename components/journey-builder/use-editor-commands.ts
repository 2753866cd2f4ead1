"use client";

import { useReactFlow } from "@xyflow/react";
import { type Dispatch, useCallback, useEffect, useRef, useState } from "react";
import { NODE_HEIGHT, NODE_WIDTH } from "@/lib/journey-builder/auto-layout";
import { type ClipboardData, copyNodes } from "@/lib/journey-builder/clipboard";
import {
  type EditorAction,
  journeyEdges,
  journeyNodes,
  selectedNodeIds,
} from "@/lib/journey-builder/editor-reducer";
import type { FlowDoc, JourneyFlowEdge, JourneyFlowNode } from "@/lib/journey-builder/flow-types";
import type { JourneyNode, JourneySettings, NodeType } from "@/lib/journey-core/definition";

// Shared across journeys in this tab, so steps can be copied from one to another.
let clipboard: ClipboardData | null = null;

/**
 * What the toolbar, the shortcuts, the palette and the inspector ask of the
 * editor. Every command is stable: it reads the document through a ref, so
 * the memoised toolbar and palette do not re-render on every drag frame.
 */
export function useEditorCommands({
  dispatch,
  present,
  selectedNode,
  flash,
}: {
  dispatch: Dispatch<EditorAction>;
  present: FlowDoc;
  selectedNode: JourneyNode | null;
  flash: (text: string) => void;
}) {
  const flow = useReactFlow<JourneyFlowNode, JourneyFlowEdge>();
  const [hasClipboard, setHasClipboard] = useState(clipboard !== null);
  const latest = useRef({ present, selectedNode });
  latest.current = { present, selectedNode };

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

  const selectNode = useCallback(
    (id: string) => {
      dispatch({ type: "select-node", id });
      void flow.fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.2 });
    },
    [dispatch, flow],
  );
  const insert = useCallback(
    (nodeType: NodeType) => {
      revealNext.current = true;
      dispatch({ type: "insert", nodeType, afterId: latest.current.selectedNode?.id });
    },
    [dispatch],
  );
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
  }, [dispatch]);
  const duplicate = useCallback(() => {
    const { present: doc } = latest.current;
    const ids = selectedNodeIds(doc);
    if (ids.size > 0)
      dispatch({
        type: "paste",
        clip: copyNodes({ nodes: journeyNodes(doc), edges: journeyEdges(doc) }, ids),
      });
  }, [dispatch]);
  const remove = useCallback(() => dispatch({ type: "delete-selection" }), [dispatch]);
  const undo = useCallback(() => dispatch({ type: "undo" }), [dispatch]);
  const redo = useCallback(() => dispatch({ type: "redo" }), [dispatch]);
  const fit = useCallback(
    () => void flow.fitView({ duration: 300, padding: 0.15, maxZoom: 1 }),
    [flow],
  );
  const layout = useCallback(() => {
    dispatch({ type: "layout" });
    requestAnimationFrame(() => void flow.fitView({ duration: 300, padding: 0.15, maxZoom: 1 }));
  }, [dispatch, flow]);

  // Edits from the inspector and the settings form; typing in one field is one undo step.
  const updateNode = useCallback(
    (node: JourneyNode, field: string) =>
      dispatch({ type: "update-node", node, coalesce: `${node.id}:${field}` }),
    [dispatch],
  );
  const setExit = useCallback(
    (from: string, exit: string, to: string | null) =>
      dispatch({ type: "set-exit", from, exit, to }),
    [dispatch],
  );
  const updateSettings = useCallback(
    (settings: JourneySettings, field: string) =>
      dispatch({ type: "settings", settings, coalesce: `settings:${field}` }),
    [dispatch],
  );

  return {
    hasClipboard,
    selectNode,
    insert,
    copy,
    paste,
    duplicate,
    remove,
    undo,
    redo,
    fit,
    layout,
    updateNode,
    setExit,
    updateSettings,
  };
}
