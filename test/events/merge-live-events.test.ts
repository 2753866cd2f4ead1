import { describe, expect, it } from "vitest";
import {
  type EventPages,
  MAX_LIVE_EVENTS,
  mergeLiveEvents,
} from "@/app/w/[workspaceId]/events/merge-live-events";
import { decodeCursor } from "@/lib/events/keyset-cursor";
import type { EventItem, EventsPage } from "@/lib/events/list-events";

function event(id: number, second: number): EventItem {
  return {
    id: `00000000-0000-4000-8000-${String(id).padStart(12, "0")}`,
    profileId: "p",
    messageId: `m${id}`,
    type: "track",
    name: `E${id}`,
    userId: "u",
    anonymousId: null,
    properties: {},
    traits: null,
    context: null,
    extra: null,
    timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(),
    sentAt: null,
    receivedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(),
  };
}
const page = (events: EventItem[], extra: Partial<EventsPage> = {}): EventsPage => ({
  events,
  nextCursor: null,
  latestCursor: events[0] ? `c-${events[0].messageId}` : null,
  truncated: false,
  ...extra,
});
const names = (data: EventPages) => data.pages.flatMap((p) => p.events.map((e) => e.name));

describe("mergeLiveEvents", () => {
  const shown: EventPages = {
    pages: [page([event(3, 3), event(2, 2)], { nextCursor: "older" }), page([event(1, 1)])],
    pageParams: [null, "older"],
  };

  it("puts new events on top and skips ones already shown", () => {
    const { data, newIds } = mergeLiveEvents(shown, page([event(5, 5), event(4, 4), event(3, 3)]));
    expect(names(data)).toEqual(["E5", "E4", "E3", "E2", "E1"]);
    expect(newIds).toEqual([event(5, 5).id, event(4, 4).id]);
    expect(data.pages[0]?.latestCursor).toBe("c-m5");
    expect(data.pages[0]?.nextCursor).toBe("older");
    expect(data.pageParams).toEqual([null, "older"]);
  });

  it("sorts a late commit into place", () => {
    const { data } = mergeLiveEvents(shown, page([event(4, 4), event(9, 2)]));
    expect(names(data)).toEqual(["E4", "E3", "E9", "E2", "E1"]);
  });

  it("changes nothing but the cursor when nothing is new", () => {
    const { data, newIds } = mergeLiveEvents(shown, page([event(3, 3)]));
    expect(newIds).toEqual([]);
    expect(names(data)).toEqual(["E3", "E2", "E1"]);
  });

  it("replaces the list after a truncated poll", () => {
    const { data } = mergeLiveEvents(
      shown,
      page([event(8, 8), event(7, 7)], { truncated: true, nextCursor: "c7" }),
    );
    expect(names(data)).toEqual(["E8", "E7"]);
    expect(data.pageParams).toEqual([null]);
    expect(data.pages[0]?.nextCursor).toBe("c7");
  });

  it("keeps at most MAX_LIVE_EVENTS and pages on from the last one kept", () => {
    const many = Array.from({ length: MAX_LIVE_EVENTS + 10 }, (_, i) => event(1000 - i, 3000 - i));
    const { data } = mergeLiveEvents(shown, page(many));
    const events = data.pages.flatMap((p) => p.events);
    expect(events).toHaveLength(MAX_LIVE_EVENTS);
    const last = events.at(-1);
    const cursor = decodeCursor(data.pages[0]?.nextCursor ?? "");
    expect(cursor).toEqual({ at: new Date(last?.receivedAt ?? ""), id: last?.id });
  });
});
