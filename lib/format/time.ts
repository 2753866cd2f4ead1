// Times as people read them, for every page: one absolute format, always
// labelled with its zone ("Dec 8, 2026, 08:00:00 EST"), a relative one ("in
// 2 h", "3 h ago") to put next to it, and server sentences ("deferred until
// 2026-12-08T13:00:00.000Z") split so each instant can be shown that way.
// Pure: the zone and "now" are inputs. Pages show the viewer's own zone,
// except where a message's timing depends on the profile's (quiet hours,
// send at a local time): there they pass the profile's zone with `place`,
// so the text says whose clock it is ("(Toronto time)").

export type TimeStyle = "datetime" | "short" | "time" | "date" | "relative";

export interface ZoneOption {
  /** An IANA zone; undefined: the runtime's own (the viewer's, in a browser). */
  timeZone?: string;
  /** Also name the place ("Toronto time"): for a profile's zone, which is not the viewer's. */
  place?: boolean;
}

const MINUTE = 60_000;

/** The zone's short name at that instant, as people read it ("EST", "EDT", "GMT+1", "UTC"). */
export function zoneAbbreviation(date: Date, timeZone?: string): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone ?? "";
}

/** Whose clock an IANA zone is: "America/Toronto" → "Toronto time"; UTC stays "UTC". */
export function placeOfZone(timeZone: string): string {
  if (/^(Etc\/)?(UTC|GMT|Zulu|Universal)$/i.test(timeZone)) return "UTC";
  const city = timeZone.split("/").at(-1) ?? timeZone;
  return `${city.replaceAll("_", " ")} time`;
}

function clock(date: Date, timeZone: string | undefined, seconds: boolean): string {
  return date.toLocaleTimeString("en-GB", {
    timeZone,
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
    ...(seconds && { second: "2-digit" }),
  });
}

function label(date: Date, zone: ZoneOption): string {
  const abbreviation = zoneAbbreviation(date, zone.timeZone);
  if (!zone.place || !zone.timeZone) return abbreviation;
  const place = placeOfZone(zone.timeZone);
  return place === abbreviation ? abbreviation : `${abbreviation} (${place})`;
}

/**
 * One instant in one style, labelled with its zone. "relative" needs `now`;
 * beyond 60 days it gives the date instead.
 */
export function formatTime(
  at: string | Date,
  style: TimeStyle,
  zone: ZoneOption = {},
  now: number = Date.now(),
): string {
  const date = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  const { timeZone } = zone;
  switch (style) {
    case "time":
      return `${clock(date, timeZone, false)} ${label(date, zone)}`;
    case "date":
      return date.toLocaleDateString("en-US", {
        timeZone,
        weekday: "short",
        year: "numeric",
        month: "short",
        day: "numeric",
      });
    case "short":
      return `${date.toLocaleDateString("en-US", { timeZone, month: "short", day: "numeric" })}, ${clock(date, timeZone, true)} ${label(date, zone)}`;
    case "datetime":
      return `${date.toLocaleDateString("en-US", { timeZone, year: "numeric", month: "short", day: "numeric" })}, ${clock(date, timeZone, true)} ${label(date, zone)}`;
    case "relative":
      return formatRelative(date.getTime(), now) ?? formatTime(date, "date", zone);
    default: {
      const unreachable: never = style;
      return unreachable;
    }
  }
}

/** How far off an instant is ("just now", "in 5 min", "3 h ago", "in 2 d"); null beyond 60 days. */
export function formatRelative(at: number, now: number): string | null {
  const future = at > now;
  const seconds = Math.round(Math.abs(now - at) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  const hours = Math.round(minutes / 60);
  const days = Math.round(hours / 24);
  const span =
    minutes < 60 ? `${minutes} min` : hours < 24 ? `${hours} h` : days < 60 ? `${days} d` : null;
  if (!span) return null;
  return future ? `in ${span}` : `${span} ago`;
}

/**
 * The hover text of an event's time: when it happened, and when Cue received
 * it if that was at least a minute apart (a late or batched event).
 */
export function eventTimeTitle(
  timestamp: string,
  receivedAt: string | null | undefined,
  zone: ZoneOption = {},
): string {
  const happened = formatTime(timestamp, "datetime", zone);
  if (!receivedAt) return `Happened ${happened}`;
  const apart = Math.abs(Date.parse(receivedAt) - Date.parse(timestamp));
  if (!(apart >= MINUTE)) return `Happened ${happened}`;
  return `Happened ${happened}; received ${formatTime(receivedAt, "datetime", zone)}`;
}

// An instant as the server writes it into a sentence (Date.toISOString()).
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z/g;

/** A server sentence cut at each ISO instant in it: text pieces and `{ iso }` pieces, in order. */
export function splitInstants(text: string): (string | { iso: string })[] {
  const parts: (string | { iso: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(ISO_INSTANT)) {
    if (Number.isNaN(new Date(match[0]).getTime())) continue;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ iso: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
