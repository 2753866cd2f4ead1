"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

/**
 * Infinite scroll with a button: the next page loads when this comes into
 * view, and the button does the same for keyboard users (or without an
 * IntersectionObserver).
 */
export function LoadMore({
  hasMore,
  loading,
  onLoad,
  label,
  endText,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
  label: string;
  endText: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node || !hasMore || loading || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) onLoad();
      },
      { rootMargin: "200px" },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasMore, loading, onLoad]);

  return (
    <div ref={ref} className="flex justify-center py-4 text-sm text-slate-500">
      {hasMore ? (
        <Button variant="secondary" onClick={onLoad} disabled={loading}>
          {loading ? "Loading…" : label}
        </Button>
      ) : (
        <p>{endText}</p>
      )}
    </div>
  );
}
