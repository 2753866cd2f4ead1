"use client";

import { useEffect, useRef } from "react";

export interface EditorCommands {
  undo: () => void;
  redo: () => void;
  remove: () => void;
  copy: () => void;
  paste: () => void;
  duplicate: () => void;
}

/** Typing in a field keeps the browser's own undo, delete and copy. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest("dialog")) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** The editor's keyboard shortcuts, on the whole page while the editor is open. */
export function useEditorShortcuts(commands: EditorCommands, enabled: boolean) {
  const latest = useRef(commands);
  latest.current = commands;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const run = (command: keyof EditorCommands) => {
        event.preventDefault();
        latest.current[command]();
      };
      if (mod && key === "z") run(event.shiftKey ? "redo" : "undo");
      else if (mod && key === "y") run("redo");
      else if (mod && key === "c") run("copy");
      else if (mod && key === "v") run("paste");
      else if (mod && key === "d") run("duplicate");
      else if (!mod && (event.key === "Delete" || event.key === "Backspace")) run("remove");
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
