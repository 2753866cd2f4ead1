"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { JourneyAnalytics } from "@/lib/analytics/get-journey-analytics";
import { fetchJson } from "@/lib/query/fetch-json";

export const JOURNEY_ANALYTICS_QUERY_KEY = "journey-analytics";

export interface AnalyticsFilters {
  from: string;
  to: string;
  version: number | null;
}

export function analyticsParams(filters: AnalyticsFilters): URLSearchParams {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.version !== null) params.set("version", String(filters.version));
  return params;
}

export function useJourneyAnalyticsQuery(input: {
  workspaceId: string;
  journeyId: string;
  filters: AnalyticsFilters;
  initialData?: JourneyAnalytics;
}) {
  const { workspaceId, journeyId, filters } = input;
  return useQuery({
    queryKey: [JOURNEY_ANALYTICS_QUERY_KEY, workspaceId, journeyId, filters] as const,
    queryFn: async ({ signal }) => {
      const url = `/api/w/${workspaceId}/journeys/${journeyId}/analytics?${analyticsParams(filters)}`;
      return (await fetchJson<{ analytics: JourneyAnalytics }>(url, { signal })).analytics;
    },
    initialData: input.initialData,
    placeholderData: keepPreviousData,
  });
}
