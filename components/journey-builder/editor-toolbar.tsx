"use client";

import { memo, type ReactNode } from "react";

function ToolButton({
  label,
  shortcut,
  onClick,
  disabled,
  pressed,
  children,
}: {
  label: string;
  /** A toggle's state, announced as pressed or not. */
  pressed?: boolean;
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-keyshortcuts={shortcut}
      aria-pressed={pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      onClick={onClick}
      disabled={disabled}
      className="rounded px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 aria-pressed:bg-slate-200"
    >
      {children}
    </button>
  );
}

/** Canvas tools: history, clipboard, layout and view. */
export const EditorToolbar = memo(function EditorToolbar(props: {
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  hasSelection: boolean;
  canPaste: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onCopy: () => void;
  onPaste: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onLayout: () => void;
  onFit: () => void;
  minimap: boolean;
  onMinimap: (shown: boolean) => void;
}) {
  const { readOnly } = props;
  return (
    <div
      role="toolbar"
      aria-label="Canvas tools"
      className="flex flex-wrap items-center gap-0.5 rounded-md border border-slate-200 bg-white/95 p-0.5 shadow-sm"
    >
      {readOnly ? null : (
        <>
          <ToolButton
            label="Undo"
            shortcut="Control+Z"
            onClick={props.onUndo}
            disabled={!props.canUndo}
          >
            ↶ Undo
          </ToolButton>
          <ToolButton
            label="Redo"
            shortcut="Control+Shift+Z"
            onClick={props.onRedo}
            disabled={!props.canRedo}
          >
            ↷ Redo
          </ToolButton>
          <span className="mx-1 h-4 w-px bg-slate-200" />
          <ToolButton
            label="Copy"
            shortcut="Control+C"
            onClick={props.onCopy}
            disabled={!props.hasSelection}
          >
            Copy
          </ToolButton>
          <ToolButton
            label="Paste"
            shortcut="Control+V"
            onClick={props.onPaste}
            disabled={!props.canPaste}
          >
            Paste
          </ToolButton>
          <ToolButton
            label="Duplicate"
            shortcut="Control+D"
            onClick={props.onDuplicate}
            disabled={!props.hasSelection}
          >
            Duplicate
          </ToolButton>
          <ToolButton
            label="Delete"
            shortcut="Delete"
            onClick={props.onDelete}
            disabled={!props.hasSelection}
          >
            Delete
          </ToolButton>
          <span className="mx-1 h-4 w-px bg-slate-200" />
          <ToolButton label="Auto-layout" onClick={props.onLayout}>
            Auto-layout
          </ToolButton>
        </>
      )}
      <ToolButton label="Zoom to fit" onClick={props.onFit}>
        Fit
      </ToolButton>
      <ToolButton
        label="Minimap"
        pressed={props.minimap}
        onClick={() => props.onMinimap(!props.minimap)}
      >
        Minimap
      </ToolButton>
    </div>
  );
});
