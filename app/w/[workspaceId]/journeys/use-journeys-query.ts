"use client";

import { useQuery } from "@tanstack/react-query";
import type { JourneyListItemJson } from "@/lib/journeys/journey-schemas";
import { fetchJson } from "@/lib/query/fetch-json";

export const JOURNEYS_QUERY_KEY = "journeys";

export function journeysQueryKey(workspaceId: string) {
  return [JOURNEYS_QUERY_KEY, workspaceId] as const;
}

/** The workspace's journeys with their 7-day numbers; the server page provides the first answer. */
export function useJourneysQuery(input: {
  workspaceId: string;
  initialData?: JourneyListItemJson[];
}) {
  return useQuery({
    queryKey: journeysQueryKey(input.workspaceId),
    queryFn: ({ signal }) =>
      fetchJson<{ journeys: JourneyListItemJson[] }>(`/api/w/${input.workspaceId}/journeys`, {
        signal,
      }).then((body) => body.journeys),
    initialData: input.initialData,
  });
}
