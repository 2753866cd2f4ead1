"use client";

import Link from "next/link";
import { useCallback, useId, useState } from "react";
import { JsonBlock } from "@/components/data/json-block";
import { LoadMore } from "@/components/data/load-more";
import { LocalTime, useHydrated, zoneFor } from "@/components/data/local-time";
import { eventPairs, eventTitle } from "@/components/events/event-summary";
import { EventTypeBadge } from "@/components/events/event-type-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatTime } from "@/lib/format/time";
import type { ProfileEvent, ProfileEventsPage } from "@/lib/profiles/profile-types";
import { useProfileEventsQuery } from "./use-profile-events-query";

export function ProfileTimeline({
  workspaceId,
  profileId,
  initialPage,
}: {
  workspaceId: string;
  profileId: string;
  initialPage: ProfileEventsPage;
}) {
  const query = useProfileEventsQuery({ workspaceId, profileId, initialPage });
  const hydrated = useHydrated();
  const events = query.data.pages.flatMap((page) => page.events);
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [fetchNextPage, hasNextPage, isFetchingNextPage]);

  if (events.length === 0) {
    return (
      <EmptyState
        title="No events for this user"
        action={
          <Link
            href={`/w/${workspaceId}/settings/sources`}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            Settings → Sources
          </Link>
        }
      >
        Events sent with this user’s userId or anonymousId appear here, newest first. Send a{" "}
        <code>track</code> call to see it.
      </EmptyState>
    );
  }

  // Day headings in the viewer's time zone (UTC until hydrated, so markup matches).
  const days: { day: string; events: ProfileEvent[] }[] = [];
  for (const event of events) {
    const day = formatTime(event.timestamp, "date", zoneFor(hydrated));
    const last = days.at(-1);
    if (last?.day === day) last.events.push(event);
    else days.push({ day, events: [event] });
  }

  return (
    <div>
      <ol aria-label="Event timeline, newest first" className="space-y-6">
        {days.map(({ day, events: dayEvents }) => (
          <li key={day}>
            <h3 className="sticky top-0 z-10 mb-2 bg-slate-50/95 py-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
              {day}
            </h3>
            <ol className="relative space-y-2 border-l border-slate-200 pl-5">
              {dayEvents.map((event) => (
                <TimelineItem key={event.id} event={event} />
              ))}
            </ol>
          </li>
        ))}
      </ol>
      {query.error ? (
        <p role="alert" className="mt-3 text-sm text-red-600">
          Could not load more events: {query.error.message}
        </p>
      ) : null}
      <LoadMore
        hasMore={Boolean(hasNextPage)}
        loading={isFetchingNextPage}
        onLoad={loadMore}
        label="Load older events"
        endText={`Start of history · ${events.length} ${events.length === 1 ? "event" : "events"}`}
      />
    </div>
  );
}

function TimelineItem({ event }: { event: ProfileEvent }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const { pairs, more } = eventPairs(event);
  return (
    <li className="relative rounded-lg border border-slate-200 bg-white px-4 py-3">
      <span
        aria-hidden
        className="absolute top-4 -left-[25px] h-2.5 w-2.5 rounded-full border-2 border-white bg-brand-500 ring-1 ring-slate-300"
      />
      <div className="flex items-start gap-3">
        <LocalTime
          iso={event.timestamp}
          receivedAt={event.receivedAt}
          style="time"
          className="w-24 shrink-0 pt-0.5 font-mono text-xs text-slate-500 tabular-nums"
        />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <EventTypeBadge type={event.type} />
            <span className="truncate font-medium text-slate-900">{eventTitle(event)}</span>
          </div>
          {pairs.length > 0 ? (
            <ul className="mt-1.5 flex flex-wrap gap-1">
              {pairs.map(([key, value]) => (
                <li
                  key={key}
                  className="max-w-full truncate rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700"
                >
                  <span className="text-slate-600">{key}:</span> {value}
                </li>
              ))}
              {more > 0 ? <li className="px-1 text-[11px] text-slate-500">+{more} more</li> : null}
            </ul>
          ) : null}
        </div>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={open ? id : undefined}
          aria-label={`${open ? "Hide" : "Show"} JSON of ${eventTitle(event)}`}
          onClick={() => setOpen((value) => !value)}
          className="shrink-0 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-brand-700 hover:bg-brand-50"
        >
          {open ? "Hide JSON" : "JSON"}
        </button>
      </div>
      {open ? (
        <div id={id} className="mt-3">
          <JsonBlock value={event} label={`JSON of ${eventTitle(event)}`} />
        </div>
      ) : null}
    </li>
  );
}
