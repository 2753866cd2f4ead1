"use client";

import { applyNodeChanges, ReactFlowProvider } from "@xyflow/react";
import { useEffect, useMemo, useState } from "react";
import { draftToDoc } from "@/lib/journey-builder/draft-to-doc";
import { JourneyCanvas } from "./journey-canvas";
import type { NodeStats } from "./node-decorations";

/**
 * A journey drawn for reading (PM preview, version history, analytics): no
 * palette, no dragging, no wiring. Clicking (or Enter on) a node reports it.
 */
export function ReadOnlyJourneyCanvas({
  definition,
  nodeStats,
  highlightedNodeIds,
  onNodeClick,
  className = "h-[32rem]",
}: {
  /** A stored definition or draft (read leniently). */
  definition: unknown;
  nodeStats?: NodeStats;
  highlightedNodeIds?: readonly string[];
  onNodeClick?: (nodeId: string) => void;
  className?: string;
}) {
  const flow = useMemo(() => draftToDoc(definition).doc, [definition]);
  const decorations = useMemo(
    () => ({
      issues: new Map(),
      stats: nodeStats,
      highlighted: highlightedNodeIds ? new Set(highlightedNodeIds) : undefined,
      readOnly: true,
    }),
    [nodeStats, highlightedNodeIds],
  );
  // Controlled so a new definition redraws; only selection and measuring apply.
  const [nodes, setNodes] = useState(flow.nodes);
  useEffect(() => setNodes(flow.nodes), [flow]);
  return (
    <div className={`rounded-lg border border-slate-200 bg-white ${className}`}>
      <ReactFlowProvider>
        <JourneyCanvas
          readOnly
          decorations={decorations}
          nodes={nodes}
          edges={flow.edges}
          onNodesChange={(changes) =>
            setNodes((current) =>
              applyNodeChanges(
                changes.filter((c) => c.type === "select" || c.type === "dimensions"),
                current,
              ),
            )
          }
          elementsSelectable
          onSelectionChange={({ nodes }) => {
            if (nodes.length === 1 && onNodeClick) onNodeClick(nodes[0].id);
          }}
        />
      </ReactFlowProvider>
    </div>
  );
}
