"use client";

import { useReactFlow } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { layoutDoc } from "@/lib/journey-builder/editor-reducer";
import type { FlowDoc, JourneyFlowEdge, JourneyFlowNode } from "@/lib/journey-builder/flow-types";
import { anyOverlap, measuredBoxes } from "@/lib/journey-builder/overlaps";

/**
 * Once every node of the opened journey is measured: if any two overlap, the
 * journey is laid out (`onLayout` receives the new document, to adopt without
 * an undo step or a save) and the view fitted to it. Checked once per open.
 */
export function useLayoutOnOpen(doc: FlowDoc, onLayout: (doc: FlowDoc) => void) {
  const flow = useReactFlow<JourneyFlowNode, JourneyFlowEdge>();
  const checked = useRef(false);
  useEffect(() => {
    if (checked.current) return;
    const boxes = measuredBoxes(doc.nodes);
    if (!boxes) return;
    checked.current = true;
    if (!anyOverlap(boxes)) return;
    onLayout(layoutDoc(doc));
    requestAnimationFrame(() => void flow.fitView({ padding: 0.15, maxZoom: 1 }));
  }, [doc, flow, onLayout]);
}
