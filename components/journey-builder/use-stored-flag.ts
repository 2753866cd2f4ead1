"use client";

import { useCallback, useEffect, useState } from "react";

/**
 * A yes/no view preference kept in localStorage (a collapsed panel, the
 * minimap). Read after mount, so the server render and the first client
 * render agree; unavailable storage just forgets.
 */
export function useStoredFlag(key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    try {
      const stored = window.localStorage.getItem(key);
      if (stored === "1" || stored === "0") setValue(stored === "1");
    } catch {
      // Storage blocked: keep the default.
    }
  }, [key]);
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, next ? "1" : "0");
      } catch {
        // Storage blocked: the choice lasts until the page closes.
      }
    },
    [key],
  );
  return [value, set];
}
