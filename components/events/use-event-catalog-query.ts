import { useQuery } from "@tanstack/react-query";
import type { Catalog } from "@/lib/events/list-catalog";
import { fetchJson } from "@/lib/query/fetch-json";

export const EVENT_CATALOG_QUERY_KEY = "event-catalog";

export function eventCatalogQueryKey(workspaceId: string) {
  return [EVENT_CATALOG_QUERY_KEY, workspaceId] as const;
}

/**
 * Event names and property keys seen so far: the Events page's Catalog tab,
 * its name filter, and the journey builder's pickers.
 */
export function useEventCatalogQuery(workspaceId: string, initialData?: Catalog) {
  return useQuery({
    queryKey: eventCatalogQueryKey(workspaceId),
    queryFn: ({ signal }) => fetchJson<Catalog>(`/api/w/${workspaceId}/events/catalog`, { signal }),
    initialData,
  });
}
