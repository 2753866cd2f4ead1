"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  Controls,
  type DefaultEdgeOptions,
  MarkerType,
  MiniMap,
  ReactFlow,
  type ReactFlowProps,
} from "@xyflow/react";
import type { JourneyFlowEdge, JourneyFlowNode } from "@/lib/journey-builder/flow-types";
import { NODE_TYPES } from "./journey-node";
import { type NodeDecorations, NodeDecorationsContext } from "./node-decorations";
import { useAccessibleFlow } from "./use-accessible-flow";

const EDGE_OPTIONS: DefaultEdgeOptions = {
  type: "smoothstep",
  markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
  style: { strokeWidth: 1.5 },
};
const PRO_OPTIONS = { hideAttribution: false };
const MINIMAP_STYLE = { width: 140, height: 96 };
const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1 };

const minimapColor = (node: JourneyFlowNode) =>
  node.type === "trigger" ? "#10b981" : node.type?.startsWith("send") ? "#4f6bed" : "#94a3b8";

/**
 * The journey canvas, for the editor and for read-only views. Keyboard: Tab
 * moves between nodes, Enter selects, arrow keys move the selected nodes.
 * Screen readers hear each node and connection by its label
 * (use-accessible-flow.ts).
 */
export function JourneyCanvas({
  decorations,
  readOnly,
  nodes,
  edges,
  showMinimap = false,
  ...props
}: Omit<ReactFlowProps<JourneyFlowNode, JourneyFlowEdge>, "nodeTypes"> & {
  decorations: NodeDecorations;
  readOnly: boolean;
  /** Off by default: at editor sizes it would cover nodes after a fit. */
  showMinimap?: boolean;
}) {
  const named = useAccessibleFlow(nodes, edges);
  return (
    <NodeDecorationsContext.Provider value={decorations}>
      <ReactFlow<JourneyFlowNode, JourneyFlowEdge>
        nodeTypes={NODE_TYPES}
        defaultEdgeOptions={EDGE_OPTIONS}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        maxZoom={2}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={false}
        deleteKeyCode={null}
        proOptions={PRO_OPTIONS}
        aria-label="Journey canvas"
        nodes={named.nodes}
        edges={named.edges}
        // Keyboard users see which node or connection has focus.
        className="[&_.react-flow__edge:focus-visible_path]:stroke-brand-500 [&_.react-flow__node:focus-visible]:rounded-lg [&_.react-flow__node:focus-visible]:outline-2 [&_.react-flow__node:focus-visible]:outline-offset-2 [&_.react-flow__node:focus-visible]:outline-brand-500"
        {...props}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        {showMinimap ? (
          <MiniMap<JourneyFlowNode>
            pannable
            zoomable
            nodeColor={minimapColor}
            ariaLabel="Minimap"
            style={MINIMAP_STYLE}
          />
        ) : null}
      </ReactFlow>
    </NodeDecorationsContext.Provider>
  );
}
