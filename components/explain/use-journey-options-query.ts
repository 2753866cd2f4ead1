"use client";

import { useQuery } from "@tanstack/react-query";
import type { JourneyJson } from "@/lib/journeys/journey-schemas";
import { fetchJson } from "@/lib/query/fetch-json";

export const JOURNEY_OPTIONS_QUERY_KEY = "journey-options";

/** The workspace's journeys, for pickers. */
export function useJourneyOptionsQuery(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: [JOURNEY_OPTIONS_QUERY_KEY, workspaceId] as const,
    enabled,
    queryFn: ({ signal }) =>
      fetchJson<{ journeys: JourneyJson[] }>(`/api/w/${workspaceId}/journeys`, { signal }).then(
        (body) => body.journeys.filter((j) => j.status !== "archived"),
      ),
  });
}
