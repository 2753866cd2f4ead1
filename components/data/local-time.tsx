"use client";

import { useSyncExternalStore } from "react";

type Style = "datetime" | "short" | "time" | "date" | "relative";

const noop = () => () => {};

/**
 * True after hydration. The server (and the first client render) format in
 * UTC so the markup matches; then the viewer's own time zone takes over.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

export function formatTime(iso: string, style: Style, local: boolean, now = Date.now()): string {
  const date = new Date(iso);
  const timeZone = local ? undefined : "UTC";
  switch (style) {
    case "time":
      return date.toLocaleTimeString("en-GB", { timeZone, hour12: false });
    case "date":
      return date.toLocaleDateString("en-US", {
        timeZone,
        weekday: "short",
        year: "numeric",
        month: "short",
        day: "numeric",
      });
    case "short":
      return `${date.toLocaleDateString("en-US", { timeZone, month: "short", day: "numeric" })}, ${date.toLocaleTimeString("en-GB", { timeZone, hour12: false })}`;
    case "datetime":
      return `${date.toLocaleDateString("en-US", { timeZone, year: "numeric", month: "short", day: "numeric" })}, ${date.toLocaleTimeString("en-GB", { timeZone, hour12: false })}${local ? "" : " UTC"}`;
    case "relative":
      return relative(date.getTime(), now);
    default: {
      const unreachable: never = style;
      return unreachable;
    }
  }
}

function relative(at: number, now: number): string {
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 60) return `${days} d ago`;
  return new Date(at).toISOString().slice(0, 10);
}

/** A <time> in the viewer's time zone, with the exact ISO instant on hover. */
export function LocalTime({
  iso,
  style = "datetime",
  className,
}: {
  iso: string;
  style?: Style;
  className?: string;
}) {
  const hydrated = useHydrated();
  // Relative times need "now": before hydration show the absolute UTC time.
  const text =
    style === "relative" && !hydrated
      ? formatTime(iso, "datetime", false)
      : formatTime(iso, style, hydrated);
  return (
    <time dateTime={iso} title={iso} className={className}>
      {text}
    </time>
  );
}
