import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { EventsPage } from "@/lib/events/list-events";
import { fetchJson } from "@/lib/query/fetch-json";
import type { EventFilters } from "./event-filters";
import { type EventPages, mergeLiveEvents } from "./merge-live-events";
import { EVENTS_QUERY_KEY, eventsQueryKey, eventsUrl } from "./use-events-query";

export const LIVE_EVENTS_QUERY_KEY = [EVENTS_QUERY_KEY, "live"] as const;
export const LIVE_POLL_MS = 2_000;

/**
 * Polls every 2 s for events after the newest one shown and folds them into
 * the event list's cache (useEventsQuery). Returns the ids that just arrived.
 */
export function useLiveEventsQuery(input: {
  workspaceId: string;
  filters: EventFilters;
  paused: boolean;
  ready: boolean;
}) {
  const { workspaceId, filters, paused } = input;
  const queryClient = useQueryClient();
  const listKey = eventsQueryKey(workspaceId, filters);
  return useQuery({
    queryKey: [...LIVE_EVENTS_QUERY_KEY, workspaceId, filters],
    queryFn: async ({ signal }) => {
      const current = queryClient.getQueryData<EventPages>(listKey);
      const after = current?.pages[0]?.latestCursor;
      const poll = await fetchJson<EventsPage>(
        eventsUrl(workspaceId, filters, after ? { after } : {}),
        { signal },
      );
      // Read the cache again: "load older" may have added pages meanwhile.
      const { data, newIds } = mergeLiveEvents(queryClient.getQueryData<EventPages>(listKey), poll);
      queryClient.setQueryData<EventPages>(listKey, data);
      const arrived = new Set(newIds);
      const newNames = poll.events
        .filter((event) => arrived.has(event.id) && event.type === "track" && event.name)
        .map((event) => event.name as string);
      return { newIds, newNames: [...new Set(newNames)], polledAt: Date.now() };
    },
    enabled: input.ready && !paused,
    refetchInterval: paused ? false : LIVE_POLL_MS,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}
