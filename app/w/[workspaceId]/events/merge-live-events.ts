// Folding a live poll into the list on screen (pure).
import type { InfiniteData } from "@tanstack/react-query";
import { encodeCursor } from "@/lib/events/keyset-cursor";
import type { EventItem, EventsPage } from "@/lib/events/list-events";

export type EventPages = InfiniteData<EventsPage, string | null>;

/** Most events kept on screen from polling alone; older ones stay a "load older" away. */
export const MAX_LIVE_EVENTS = 500;

function newestFirst(a: EventItem, b: EventItem): number {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * The list after a poll, and which events are new. A poll re-reads a few
 * seconds before its cursor (late commits), so events already shown are
 * skipped by id. A truncated poll (more new events than fit) replaces the
 * list: what lay between is not contiguous any more.
 */
export function mergeLiveEvents(
  current: EventPages | undefined,
  poll: EventsPage,
): { data: EventPages; newIds: string[] } {
  if (!current || current.pages.length === 0 || poll.truncated) {
    return {
      data: { pages: [poll], pageParams: [null] },
      newIds: current ? poll.events.map((event) => event.id) : [],
    };
  }
  const shown = new Set(current.pages.flatMap((page) => page.events.map((event) => event.id)));
  const fresh = poll.events.filter((event) => !shown.has(event.id));
  const [first, ...rest] = current.pages;
  if (!first) return { data: current, newIds: [] };
  if (fresh.length === 0) {
    return {
      data: {
        ...current,
        pages: [{ ...first, latestCursor: poll.latestCursor ?? first.latestCursor }, ...rest],
      },
      newIds: [],
    };
  }
  const merged = [...fresh, ...first.events].sort(newestFirst);
  const total = merged.length + rest.reduce((sum, page) => sum + page.events.length, 0);
  // Polling alone must not grow the page forever; older pages are dropped
  // first, then the first page is cut (its nextCursor then resumes there).
  if (total > MAX_LIVE_EVENTS) {
    const kept = merged.slice(0, MAX_LIVE_EVENTS);
    const last = kept.at(-1);
    return {
      data: {
        pages: [
          {
            ...first,
            events: kept,
            latestCursor: poll.latestCursor,
            nextCursor: last ? encodeCursor(last.receivedAt, last.id) : null,
          },
        ],
        pageParams: [null],
      },
      newIds: fresh.map((event) => event.id),
    };
  }
  return {
    data: {
      ...current,
      pages: [{ ...first, events: merged, latestCursor: poll.latestCursor }, ...rest],
    },
    newIds: fresh.map((event) => event.id),
  };
}
