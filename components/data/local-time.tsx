"use client";

import { type ReactNode, useSyncExternalStore } from "react";

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
      return `${date.toLocaleDateString("en-US", { timeZone, month: "short", day: "numeric" })}, ${date.toLocaleTimeString("en-GB", { timeZone, hour12: false })} ${local ? zoneName(date) : "UTC"}`;
    case "datetime":
      return `${date.toLocaleDateString("en-US", { timeZone, year: "numeric", month: "short", day: "numeric" })}, ${date.toLocaleTimeString("en-GB", { timeZone, hour12: false })} ${local ? zoneName(date) : "UTC"}`;
    case "relative":
      return relative(date.getTime(), now);
    default: {
      const unreachable: never = style;
      return unreachable;
    }
  }
}

/** The viewer's zone as people read it ("CET", "GMT-5"), so a time is never unlabelled. */
function zoneName(date: Date): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZoneName: "short" })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? "";
}

function relative(at: number, now: number): string {
  const future = at > now;
  const seconds = Math.round(Math.abs(now - at) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  const hours = Math.round(minutes / 60);
  const days = Math.round(hours / 24);
  const span =
    minutes < 60 ? `${minutes} min` : hours < 24 ? `${hours} h` : days < 60 ? `${days} d` : null;
  if (!span) return new Date(at).toISOString().slice(0, 10);
  return future ? `in ${span}` : `${span} ago`;
}

/**
 * A <time> in the viewer's time zone, labelled with the zone, with the exact
 * ISO instant on hover; `withRelative` adds how far off it is ("in 5 h").
 */
export function LocalTime({
  iso,
  style = "datetime",
  className,
  withRelative = false,
}: {
  iso: string;
  style?: Style;
  className?: string;
  withRelative?: boolean;
}) {
  const hydrated = useHydrated();
  // Relative times need "now": before hydration show the absolute UTC time.
  const text =
    style === "relative" && !hydrated
      ? formatTime(iso, "datetime", false)
      : formatTime(iso, style, hydrated);
  const relative = withRelative && hydrated ? ` (${formatTime(iso, "relative", true)})` : "";
  return (
    <time dateTime={iso} title={iso} className={className}>
      {text}
      {relative}
    </time>
  );
}

// An instant as the server writes it into a sentence (Date.toISOString()).
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z/g;

/**
 * A sentence from the server with every ISO instant in it ("deferred until
 * 2026-12-08T13:00:00.000Z") shown as a labelled local time with how far
 * off it is ("Dec 8, 2026, 14:00:00 CET (in 5 h)"); the rest is kept as is.
 */
export function TimesInText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(ISO_INSTANT)) {
    const at = match.index;
    if (Number.isNaN(new Date(match[0]).getTime())) continue;
    parts.push(text.slice(last, at));
    parts.push(<LocalTime key={at} iso={match[0]} withRelative />);
    last = at + match[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}
