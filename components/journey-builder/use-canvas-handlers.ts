"use client";

import {
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnConnectEnd,
  useReactFlow,
} from "@xyflow/react";
import { type Dispatch, type DragEvent, useCallback, useRef } from "react";
import { checkConnection } from "@/lib/journey-builder/connection-rules";
import type { EditorAction } from "@/lib/journey-builder/editor-reducer";
import type {
  DraftDefinition,
  JourneyFlowEdge,
  JourneyFlowNode,
} from "@/lib/journey-builder/flow-types";
import type { NodeType } from "@/lib/journey-core/definition";
import { DRAG_MIME } from "./palette";

/**
 * React Flow's events turned into editor actions, and a palette node dropped
 * on the canvas. A connection being drawn is checked against the connection
 * rules; one refused when dropped says why in a notice.
 */
export function useCanvasHandlers({
  dispatch,
  definition,
  readOnly,
  flash,
}: {
  dispatch: Dispatch<EditorAction>;
  definition: DraftDefinition;
  readOnly: boolean;
  flash: (text: string) => void;
}) {
  const flow = useReactFlow<JourneyFlowNode, JourneyFlowEdge>();
  const latest = useRef(definition);
  latest.current = definition;

  const onNodesChange = useCallback(
    (changes: NodeChange<JourneyFlowNode>[]) => dispatch({ type: "nodes-change", changes }),
    [dispatch],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<JourneyFlowEdge>[]) => dispatch({ type: "edges-change", changes }),
    [dispatch],
  );
  const onConnect = useCallback(
    (connection: Connection) => dispatch({ type: "connect", connection }),
    [dispatch],
  );
  const isValidConnection = useCallback(
    (c: Connection | JourneyFlowEdge) =>
      checkConnection(latest.current, {
        source: c.source,
        sourceHandle: c.sourceHandle,
        target: c.target,
      }).ok,
    [],
  );
  const onConnectEnd: OnConnectEnd = useCallback(
    (_event, connection) => {
      if (connection.isValid !== false || !connection.toNode || !connection.fromNode) return;
      const check = checkConnection(latest.current, {
        source: connection.fromNode.id,
        sourceHandle: connection.fromHandle?.id,
        target: connection.toNode.id,
      });
      if (!check.ok) flash(`Not connected: ${check.reason}`);
    },
    [flash],
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

  return {
    /** For the canvas itself. */
    flow: { onNodesChange, onEdgesChange, onConnect, onConnectEnd, isValidConnection },
    /** For the element around the canvas, where palette items are dropped. */
    onDrop,
  };
}
