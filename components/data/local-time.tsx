"use client";

import { type ReactNode, useSyncExternalStore } from "react";
import {
  eventTimeTitle,
  formatTime,
  splitInstants,
  type TimeStyle,
  type ZoneOption,
} from "@/lib/format/time";

// Times on the page, through the one formatting module (lib/format/time.ts):
// the viewer's zone unless a profile's zone is given, always labelled.

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

/**
 * The zone to format in: the profile's when given (the same on the server and
 * in the browser), else the viewer's once hydrated, UTC before.
 */
export function zoneFor(hydrated: boolean, profileTimeZone?: string | null): ZoneOption {
  if (profileTimeZone) return { timeZone: profileTimeZone, place: true };
  return hydrated ? {} : { timeZone: "UTC" };
}

/**
 * A <time>, labelled with its zone, with the full date and time on hover;
 * `withRelative` adds how far off it is ("in 5 h"). `timeZone` shows it in a
 * profile's zone instead of the viewer's, naming the place ("Toronto time").
 * `receivedAt` (for an event's time) adds when Cue received it to the hover
 * text when that was a minute or more apart.
 */
export function LocalTime({
  iso,
  style = "datetime",
  className,
  withRelative = false,
  timeZone,
  receivedAt,
}: {
  iso: string;
  style?: TimeStyle;
  className?: string;
  withRelative?: boolean;
  timeZone?: string | null;
  receivedAt?: string | null;
}) {
  const hydrated = useHydrated();
  const zone = zoneFor(hydrated, timeZone);
  // Relative times need "now": before hydration show the absolute time.
  const text =
    style === "relative" && !hydrated
      ? formatTime(iso, "datetime", zone)
      : formatTime(iso, style, zone);
  const relative = withRelative && hydrated ? ` (${formatTime(iso, "relative", zone)})` : "";
  const title =
    receivedAt !== undefined
      ? eventTimeTitle(iso, receivedAt, zone)
      : style === "datetime"
        ? undefined
        : formatTime(iso, "datetime", zone);
  return (
    <time dateTime={iso} title={title} className={className}>
      {text}
      {relative}
    </time>
  );
}

/**
 * A sentence from the server with every ISO instant in it ("deferred until
 * 2026-12-08T13:00:00.000Z") shown as a labelled time with how far off it is
 * ("Dec 8, 2026, 14:00:00 CET (in 5 h)"); the rest is kept as is. With
 * `timeZone`, the instants are in that (the profile's) zone.
 */
export function TimesInText({
  text,
  timeZone,
  event,
}: {
  text: string;
  timeZone?: string | null;
  /** An event's time in the sentence, with when Cue received it (added on hover when apart). */
  event?: { at: string; receivedAt: string };
}) {
  const parts: ReactNode[] = splitInstants(text).map((part, i) =>
    typeof part === "string" ? (
      part
    ) : (
      <LocalTime
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed sentence
        key={i}
        iso={part.iso}
        withRelative
        timeZone={timeZone}
        receivedAt={
          event && Date.parse(event.at) === Date.parse(part.iso) ? event.receivedAt : undefined
        }
      />
    ),
  );
  return <>{parts}</>;
}
