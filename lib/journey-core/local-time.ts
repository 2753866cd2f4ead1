// Wall-clock arithmetic in a user's IANA timezone, for "delay until 09:00"
// and quiet hours. Built on Intl.DateTimeFormat (the runtime's tz database)
// rather than a library: the engine only needs "what time is it there" and
// "which instant is HH:MM on that local date", and both are exact with Intl.
//
// DST: a wall time that does not exist (spring-forward gap, 02:30 in Berlin
// on the last Sunday of March) resolves to the same distance past the gap
// (03:30 CEST); a wall time that happens twice (fall-back) resolves to the
// first occurrence. This is Temporal's "compatible" disambiguation.

import { validTimezone } from "./valid-timezone";

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
}

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone to compute in: the profile's if the runtime knows it, else UTC. */
export function resolveTimeZone(timeZone: string | null | undefined): string {
  return validTimezone(timeZone) ?? "UTC";
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function toWallTime(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year, month, day, minute, second } = parts;
  const hour = parts.hour === 24 ? 0 : parts.hour; // some ICU builds print midnight as 24
  return { year, month, day, hour, minute, second, weekday: weekdayOf(year, month, day) };
}

function weekdayOf(year: number, month: number, day: number): Weekday {
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
}

/** Milliseconds to add to UTC to get the zone's wall clock at `instantMs`. */
function offsetAt(instantMs: number, timeZone: string): number {
  const w = toWallTime(new Date(instantMs), timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The instant at which the zone's clock shows this wall time (see DST note above). */
export function fromWallTime(
  wall: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): Date {
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Offsets a day either side bracket any transition near this wall time.
  const before = wallAsUtc - offsetAt(wallAsUtc - DAY, timeZone);
  const after = wallAsUtc - offsetAt(wallAsUtc + DAY, timeZone);
  const shows = (ms: number) => {
    const w = toWallTime(new Date(ms), timeZone);
    return (
      w.year === wall.year &&
      w.month === wall.month &&
      w.day === wall.day &&
      w.hour === wall.hour &&
      w.minute === wall.minute
    );
  };
  const candidates = [before, after].filter(shows);
  // Both valid: a repeated hour, take the first. Neither: a gap; the earlier
  // offset lands as far past the gap as the wall time was into it.
  return new Date(candidates.length > 0 ? Math.min(...candidates) : before);
}

export function parseClockTime(time: string): { hour: number; minute: number } {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`Not an HH:MM time: ${time}`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * The first instant strictly after `after` when the zone's clock shows `time`
 * on one of `weekdays` (any day when omitted). Strictly after, so a delay
 * always blocks and a journey loop through it cannot spin.
 */
export function nextLocalTime(
  after: Date,
  time: string,
  timeZone: string,
  weekdays?: readonly Weekday[],
): Date {
  const { hour, minute } = parseClockTime(time);
  const today = toWallTime(after, timeZone);
  // Eight days covers "next Monday" asked on a Monday after the hour.
  for (let offset = 0; offset <= 8; offset++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const weekday = WEEKDAYS[date.getUTCDay()];
    if (weekdays && weekdays.length > 0 && !weekdays.includes(weekday)) continue;
    const candidate = fromWallTime(
      {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour,
        minute,
      },
      timeZone,
    );
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  // Unreachable for a valid weekday list; a day later is a safe answer.
  return new Date(after.getTime() + DAY);
}

function minutesOfDay(time: string): number {
  const { hour, minute } = parseClockTime(time);
  return hour * 60 + minute;
}

/**
 * Whether the zone's clock at `instant` is in [start, end). A window whose
 * end is earlier than its start wraps midnight (21:00–08:00); start === end
 * is an empty window.
 */
export function isWithinLocalWindow(
  instant: Date,
  start: string,
  end: string,
  timeZone: string,
): boolean {
  const wall = toWallTime(instant, timeZone);
  const now = wall.hour * 60 + wall.minute;
  const from = minutesOfDay(start);
  const to = minutesOfDay(end);
  if (from === to) return false;
  return from < to ? now >= from && now < to : now >= from || now < to;
}
