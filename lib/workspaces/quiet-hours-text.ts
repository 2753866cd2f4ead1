// Quiet hours as people read them. The stored times are 24-hour "HH:MM" in
// each user's own zone; a narrow <input type="time"> in a 12-hour locale
// shows "21:00" as "09:00" with its AM/PM cut off, so the form repeats the
// window in words.

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "21:00" → "9:00 PM"; "00:30" → "12:30 AM"; anything else → null. */
export function clockTimeText(value: string): string | null {
  const match = CLOCK.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const suffix = hours < 12 ? "AM" : "PM";
  return `${hours % 12 === 0 ? 12 : hours % 12}:${match[2]} ${suffix}`;
}

/** "Quiet from 9:00 PM to 8:00 AM the next day, in each user's own time zone." */
export function quietHoursText(start: string, end: string): string | null {
  const from = clockTimeText(start);
  const to = clockTimeText(end);
  if (!from || !to) return null;
  if (start === end) return "Start and end are the same time, so no hours are quiet.";
  const overnight = end < start ? " the next day" : "";
  return `Quiet from ${from} to ${to}${overnight}, in each user's own time zone.`;
}
