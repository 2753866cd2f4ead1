"use client";

import { useReactFlow, useStore } from "@xyflow/react";
import { useEffect, useRef } from "react";
import type { JourneyFlowEdge, JourneyFlowNode } from "@/lib/journey-builder/flow-types";

const FIT = { padding: 0.15, maxZoom: 1, duration: 200 };

/**
 * Keeps the graph in view when a side panel collapses or expands: the canvas
 * changes width, and once React Flow has measured the new width (its store's
 * `width`, set by its own ResizeObserver) the view is fitted again. Other
 * resizes leave the user's pan and zoom alone.
 */
export function useFitOnPanelToggle(panels: readonly boolean[]) {
  const flow = useReactFlow<JourneyFlowNode, JourneyFlowEdge>();
  const width = useStore((state) => state.width);
  const key = panels.join();
  const shown = useRef(key);
  const pending = useRef(false);
  useEffect(() => {
    if (shown.current === key) return;
    shown.current = key;
    pending.current = true;
  }, [key]);
  useEffect(() => {
    if (!pending.current || width === 0) return;
    pending.current = false;
    void flow.fitView(FIT);
  }, [width, flow]);
}
