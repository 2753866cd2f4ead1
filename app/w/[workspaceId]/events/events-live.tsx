"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Fragment, useEffect, useId, useState } from "react";
import { CodeBlock } from "@/components/data/code-block";
import { JsonBlock } from "@/components/data/json-block";
import { LocalTime } from "@/components/data/local-time";
import { useDebouncedValue } from "@/components/data/use-debounced-value";
import { eventPairs, eventTitle } from "@/components/events/event-summary";
import { EventTypeBadge } from "@/components/events/event-type-badge";
import {
  eventCatalogQueryKey,
  useEventCatalogQuery,
} from "@/components/events/use-event-catalog-query";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { EventItem, EventsPage } from "@/lib/events/list-events";
import { MESSAGE_TYPES } from "@/lib/ingest/schemas";
import { EMPTY_EVENT_FILTERS, type EventFilters, eventFiltersToParams } from "./event-filters";
import { useEventsQuery } from "./use-events-query";
import { LIVE_POLL_MS, useLiveEventsQuery } from "./use-live-events-query";

const INPUT =
  "block h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm focus:border-brand-500";

export function EventsLive({
  workspaceId,
  initialFilters,
  initialPage,
  curlSnippet,
}: {
  workspaceId: string;
  initialFilters: EventFilters;
  initialPage: EventsPage;
  curlSnippet: string | null;
}) {
  const id = useId();
  const [form, setForm] = useState(initialFilters);
  const [paused, setPaused] = useState(false);
  const name = useDebouncedValue(form.name, 300);
  const user = useDebouncedValue(form.user, 300);
  const filters: EventFilters = { name: name.trim(), user: user.trim(), type: form.type };
  const filtersKey = eventFiltersToParams(filters).toString();
  const filtered = filtersKey !== "";

  // The URL follows the filters, so a filtered view can be shared or reloaded.
  useEffect(() => {
    const url = filtersKey ? `?${filtersKey}` : window.location.pathname;
    window.history.replaceState(window.history.state, "", url);
  }, [filtersKey]);

  const initialKey = eventFiltersToParams(initialFilters).toString();
  const list = useEventsQuery({
    workspaceId,
    filters,
    initialPage: filtersKey === initialKey ? initialPage : undefined,
  });
  const live = useLiveEventsQuery({ workspaceId, filters, paused, ready: list.isSuccess });
  const catalog = useEventCatalogQuery(workspaceId);
  const newIds = new Set(live.data?.newIds ?? []);
  // A name the picker has not seen yet: the catalog changed, fetch it again.
  const queryClient = useQueryClient();
  const unknownName = (live.data?.newNames ?? []).some(
    (name) => catalog.data && !catalog.data.events.some((entry) => entry.name === name),
  );
  useEffect(() => {
    if (unknownName)
      void queryClient.invalidateQueries({ queryKey: eventCatalogQueryKey(workspaceId) });
  }, [unknownName, queryClient, workspaceId]);
  const events = list.data?.pages.flatMap((page) => page.events) ?? [];
  const set = <K extends keyof EventFilters>(key: K, value: EventFilters[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <LiveIndicator
          paused={paused}
          failed={live.isError}
          onToggle={() => setPaused((p) => !p)}
        />
        <div className="ml-auto w-56 space-y-1">
          <label htmlFor={`${id}-name`} className="block text-sm font-medium text-slate-700">
            Event name
          </label>
          <input
            id={`${id}-name`}
            list={`${id}-names`}
            value={form.name}
            onChange={(event) => set("name", event.target.value)}
            placeholder="Any event"
            className={INPUT}
          />
        </div>
        <datalist id={`${id}-names`}>
          {/* page and screen calls are catalogued by type; the Type filter covers them. */}
          {catalog.data?.events
            .filter((entry) => entry.name !== "page" && entry.name !== "screen")
            .map((entry) => (
              <option key={entry.name} value={entry.name} />
            ))}
        </datalist>
        <div className="w-56 space-y-1">
          <label htmlFor={`${id}-user`} className="block text-sm font-medium text-slate-700">
            User
          </label>
          <input
            id={`${id}-user`}
            value={form.user}
            onChange={(event) => set("user", event.target.value)}
            placeholder="userId or anonymousId"
            className={`${INPUT} font-mono`}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-type`} className="block text-sm font-medium text-slate-700">
            Type
          </label>
          <select
            id={`${id}-type`}
            value={form.type}
            onChange={(event) => set("type", event.target.value as EventFilters["type"])}
            className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm shadow-sm focus:border-brand-500"
          >
            <option value="">All types</option>
            {MESSAGE_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        {filtered ? (
          <Button variant="ghost" onClick={() => setForm(EMPTY_EVENT_FILTERS)}>
            Clear
          </Button>
        ) : null}
      </div>

      {list.error || live.error ? (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {list.error
            ? `Could not load events: ${list.error.message}`
            : `Live updates failed (${live.error?.message}); retrying every ${LIVE_POLL_MS / 1000} s.`}
        </p>
      ) : null}

      {list.isPending ? (
        <p className="py-10 text-center text-sm text-slate-500" aria-live="polite">
          Loading events…
        </p>
      ) : events.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No events match these filters"
            action={
              <Button variant="secondary" onClick={() => setForm(EMPTY_EVENT_FILTERS)}>
                Clear filters
              </Button>
            }
          >
            Event names match exactly (pick one from the list); User takes a userId or an
            anonymousId. New matching events will appear here as they arrive.
          </EmptyState>
        ) : (
          <NoEventsYet workspaceId={workspaceId} curlSnippet={curlSnippet} />
        )
      ) : (
        <EventTable workspaceId={workspaceId} events={events} newIds={newIds} />
      )}

      {events.length > 0 ? (
        <div className="flex justify-center">
          {list.hasNextPage ? (
            <Button
              variant="secondary"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {list.isFetchingNextPage ? "Loading…" : "Load older events"}
            </Button>
          ) : (
            <p className="text-sm text-slate-500">
              That’s every event{filtered ? " matching these filters" : ""}.
            </p>
          )}
        </div>
      ) : null}
    </div>
  );
}

function LiveIndicator({
  paused,
  failed,
  onToggle,
}: {
  paused: boolean;
  failed: boolean;
  onToggle: () => void;
}) {
  const state = paused ? "Paused" : failed ? "Reconnecting" : "Live";
  const dot = paused ? "bg-slate-400" : failed ? "bg-amber-500" : "bg-emerald-500";
  return (
    <div className="flex h-9 items-center gap-3 rounded-md border border-slate-200 bg-white px-3">
      <span className="flex items-center gap-2 text-sm font-medium" role="status">
        <span className="relative flex h-2.5 w-2.5" aria-hidden>
          {!paused && !failed ? (
            <span className="absolute inline-flex h-full w-full rounded-full bg-emerald-400 opacity-75 motion-safe:animate-ping" />
          ) : null}
          <span className={`relative inline-flex h-2.5 w-2.5 rounded-full ${dot}`} />
        </span>
        {state}
        <span className="font-normal text-slate-500">
          {paused ? "— new events are not fetched" : `— updates every ${LIVE_POLL_MS / 1000} s`}
        </span>
      </span>
      <Button
        variant="secondary"
        className="px-2 py-1 text-xs"
        aria-pressed={paused}
        onClick={onToggle}
      >
        {paused ? "Resume" : "Pause"}
      </Button>
    </div>
  );
}

function EventTable({
  workspaceId,
  events,
  newIds,
}: {
  workspaceId: string;
  events: EventItem[];
  newIds: Set<string>;
}) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (eventId: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(eventId)) next.delete(eventId);
      else next.add(eventId);
      return next;
    });
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full table-fixed text-left text-sm">
        <caption className="sr-only">Events, newest received first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500 uppercase">
          <tr>
            <th scope="col" className="w-40 px-4 py-2.5">
              Happened
            </th>
            <th scope="col" className="w-24 px-4 py-2.5">
              Type
            </th>
            <th scope="col" className="px-4 py-2.5">
              Event
            </th>
            <th scope="col" className="w-48 px-4 py-2.5">
              User
            </th>
            <th scope="col" className="w-24 px-4 py-2.5">
              <span className="sr-only">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const expanded = open.has(event.id);
            const { pairs, more } = eventPairs(event);
            const who = event.userId ?? event.anonymousId ?? "—";
            return (
              <Fragment key={event.id}>
                <tr
                  className={`border-t border-slate-100 transition-colors duration-1000 ${
                    newIds.has(event.id) ? "bg-emerald-50" : "hover:bg-slate-50"
                  }`}
                >
                  <td className="px-4 py-2 align-top font-mono text-xs whitespace-nowrap text-slate-600 tabular-nums">
                    <LocalTime iso={event.timestamp} receivedAt={event.receivedAt} style="short" />
                  </td>
                  <td className="px-4 py-2 align-top">
                    <EventTypeBadge type={event.type} />
                  </td>
                  <td className="min-w-0 px-4 py-2 align-top">
                    <p className="truncate font-medium text-slate-900">{eventTitle(event)}</p>
                    {pairs.length > 0 ? (
                      <p className="truncate font-mono text-[11px] text-slate-500">
                        {pairs.map(([key, value]) => `${key}: ${value}`).join(" · ")}
                        {more > 0 ? ` · +${more}` : ""}
                      </p>
                    ) : null}
                  </td>
                  <td className="px-4 py-2 align-top">
                    <Link
                      href={`/w/${workspaceId}/users/${event.profileId}`}
                      className="block truncate font-mono text-xs text-brand-700 hover:underline"
                      title={`Open the profile of ${who}`}
                    >
                      {who}
                    </Link>
                    {event.userId === null && event.anonymousId ? (
                      <span className="text-[11px] text-slate-500">anonymous</span>
                    ) : null}
                  </td>
                  <td className="px-4 py-2 text-right align-top">
                    <button
                      type="button"
                      aria-expanded={expanded}
                      aria-controls={expanded ? `json-${event.id}` : undefined}
                      aria-label={`${expanded ? "Hide" : "Show"} JSON of ${eventTitle(event)}`}
                      onClick={() => toggle(event.id)}
                      className="rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-brand-700 hover:bg-brand-50"
                    >
                      {expanded ? "Hide JSON" : "JSON"}
                    </button>
                  </td>
                </tr>
                {expanded ? (
                  <tr id={`json-${event.id}`} className="bg-slate-50">
                    <td colSpan={5} className="px-4 pb-3">
                      <JsonBlock value={event} label={`JSON of ${eventTitle(event)}`} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function NoEventsYet({
  workspaceId,
  curlSnippet,
}: {
  workspaceId: string;
  curlSnippet: string | null;
}) {
  return (
    <EmptyState
      title="No events yet"
      action={
        <Link
          href={`/w/${workspaceId}/settings/sources`}
          className="inline-flex rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
        >
          More snippets in Settings → Sources
        </Link>
      }
    >
      <p>Send one with curl — it shows up here within two seconds:</p>
      {curlSnippet ? (
        <div className="mt-3">
          <CodeBlock
            code={curlSnippet}
            label="curl command sending a track call"
            copyLabel="Copy command"
          />
        </div>
      ) : (
        <p className="mt-2">
          This workspace has no active write key; an admin can create one in Settings.
        </p>
      )}
    </EmptyState>
  );
}
