"use client";

import { useCallback, useState } from "react";

const NOTICE_MS = 5000;

/** A short message over the canvas ("Copied 2 steps", "Published version 3") that clears itself. */
export function useEditorNotice() {
  const [notice, setNotice] = useState<string | null>(null);
  const flash = useCallback((text: string) => {
    setNotice(text);
    window.setTimeout(() => setNotice((current) => (current === text ? null : current)), NOTICE_MS);
  }, []);
  return { notice, flash };
}
