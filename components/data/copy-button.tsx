"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies `text`; says so in a live region (and says how when the clipboard is blocked). */
export function CopyButton({
  text,
  label = "Copy",
  ariaLabel,
}: {
  text: string;
  label?: string;
  /** The button's name when its visible label is not unique on the page. */
  ariaLabel?: string;
}) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (status === "idle") return;
    const timer = setTimeout(() => setStatus("idle"), 2000);
    return () => clearTimeout(timer);
  }, [status]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <span role="status" className="text-xs text-slate-500">
        {status === "copied" ? "Copied" : status === "failed" ? "Select the text and copy it" : ""}
      </span>
      <Button
        variant="secondary"
        className="px-2 py-1 text-xs"
        aria-label={ariaLabel}
        onClick={copy}
      >
        {label}
      </Button>
    </span>
  );
}
