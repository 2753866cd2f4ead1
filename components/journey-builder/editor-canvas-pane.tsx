"use client";

import type { DragEvent, ReactNode } from "react";
import { DRAG_MIME } from "./palette";

/**
 * The editor's middle column: the canvas, a toolbar over its top left
 * corner, and notices along its bottom. Palette items are dropped here.
 */
export function EditorCanvasPane({
  onDrop,
  toolbar,
  notice,
  children,
}: {
  onDrop: (event: DragEvent) => void;
  toolbar: ReactNode;
  notice: string | null;
  /** The canvas. */
  children: ReactNode;
}) {
  return (
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
      {children}
      <div className="absolute left-2 top-2 z-10">{toolbar}</div>
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
  );
}
