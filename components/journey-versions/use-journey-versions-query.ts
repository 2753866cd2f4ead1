"use client";

import { useQuery } from "@tanstack/react-query";
import type { VersionSummaryJson } from "@/lib/journeys/journey-version-schemas";
import { fetchJson } from "@/lib/query/fetch-json";

export const JOURNEY_VERSIONS_QUERY_KEY = "journey-versions";

export function journeyVersionsQueryKey(workspaceId: string, journeyId: string) {
  return [JOURNEY_VERSIONS_QUERY_KEY, workspaceId, journeyId] as const;
}

/** A journey's published versions, newest first. */
export function useJourneyVersionsQuery(workspaceId: string, journeyId: string) {
  return useQuery({
    queryKey: journeyVersionsQueryKey(workspaceId, journeyId),
    queryFn: ({ signal }) =>
      fetchJson<{ versions: VersionSummaryJson[] }>(
        `/api/w/${workspaceId}/journeys/${journeyId}/versions`,
        { signal },
      ).then((body) => body.versions),
  });
}
