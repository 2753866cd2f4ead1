"use client";

import { memo } from "react";
import { PALETTE } from "@/lib/journey-builder/new-node";
import type { NodeType } from "@/lib/journey-core/definition";
import { NodeIcon } from "./node-icon";
import { PanelToggle } from "./panel-rail";

export const DRAG_MIME = "application/x-cue-node-type";

/**
 * Node types to add: drag one onto the canvas, or press it (mouse or
 * keyboard) to insert it after the selected node, wired to its free exit.
 */
export const Palette = memo(function Palette({
  onInsert,
  disabled,
  selectedLabel,
  collapsed,
  onCollapse,
}: {
  onInsert: (type: NodeType) => void;
  /** Types that cannot be added now, with the reason. */
  disabled: ReadonlyMap<NodeType, string>;
  selectedLabel: string | null;
  /** Shown as a thin rail with only the expand button. */
  collapsed: boolean;
  onCollapse: (collapsed: boolean) => void;
}) {
  if (collapsed) {
    return (
      <nav
        aria-label="Add a step"
        className="flex h-full w-10 shrink-0 flex-col items-center border-r border-slate-200 bg-white py-2"
      >
        <PanelToggle label="palette" side="left" collapsed onToggle={onCollapse} />
      </nav>
    );
  }
  return (
    <nav
      aria-label="Add a step"
      className="flex h-full w-40 shrink-0 flex-col gap-1 overflow-y-auto border-r border-slate-200 bg-white p-2"
    >
      <div className="flex items-center justify-between gap-1">
        <h2 className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
          Add a step
        </h2>
        <PanelToggle label="palette" side="left" collapsed={false} onToggle={onCollapse} />
      </div>
      <p id="palette-hint" className="px-1 text-[11px] text-slate-500">
        {selectedLabel
          ? `Adds after “${selectedLabel}”. Or drag onto the canvas.`
          : "Drag onto the canvas, or select a node and press to add after it."}
      </p>
      {PALETTE.map((item) => {
        const reason = disabled.get(item.type);
        return (
          <button
            key={item.type}
            type="button"
            draggable={!reason}
            disabled={Boolean(reason)}
            title={reason ?? item.description}
            aria-label={`Add ${item.label}`}
            aria-describedby="palette-hint"
            onDragStart={(event) => {
              event.dataTransfer.setData(DRAG_MIME, item.type);
              event.dataTransfer.effectAllowed = "move";
            }}
            onClick={() => onInsert(item.type)}
            className="flex items-center gap-2 rounded-md border border-slate-200 px-2 py-1.5 text-left text-sm hover:border-brand-500 hover:bg-brand-50 disabled:cursor-not-allowed disabled:opacity-50"
          >
            <NodeIcon type={item.type} />
            <span>{item.label}</span>
          </button>
        );
      })}
    </nav>
  );
});
