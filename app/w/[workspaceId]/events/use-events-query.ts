import { useInfiniteQuery } from "@tanstack/react-query";
import type { EventsPage } from "@/lib/events/list-events";
import { fetchJson } from "@/lib/query/fetch-json";
import { type EventFilters, eventFiltersToParams } from "./event-filters";
import { EVENTS_PAGE_SIZE } from "./events-page-size";

export const EVENTS_QUERY_KEY = "events";

export function eventsQueryKey(workspaceId: string, filters: EventFilters) {
  return [EVENTS_QUERY_KEY, workspaceId, filters] as const;
}

export function eventsUrl(
  workspaceId: string,
  filters: EventFilters,
  extra: Record<string, string>,
) {
  const params = eventFiltersToParams(filters);
  params.set("limit", String(EVENTS_PAGE_SIZE));
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `/api/w/${workspaceId}/events?${params}`;
}

/** The event list, newest first; older pages on demand. Live polls fold into page one. */
export function useEventsQuery(input: {
  workspaceId: string;
  filters: EventFilters;
  initialPage?: EventsPage;
}) {
  const { workspaceId, filters } = input;
  return useInfiniteQuery({
    queryKey: eventsQueryKey(workspaceId, filters),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<EventsPage>(
        eventsUrl(workspaceId, filters, pageParam ? { cursor: pageParam } : {}),
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: input.initialPage ? { pages: [input.initialPage], pageParams: [null] } : undefined,
    // Polling keeps it fresh; a refetch would drop the pages already scrolled to.
    staleTime: Number.POSITIVE_INFINITY,
  });
}
