"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Period } from "@/components/analytics/period";
import type { WorkspaceOverview } from "@/lib/analytics/get-workspace-overview";
import { fetchJson } from "@/lib/query/fetch-json";

export const OVERVIEW_QUERY_KEY = "analytics-overview";

export function useOverviewQuery(input: {
  workspaceId: string;
  period: Period;
  initialData?: WorkspaceOverview;
}) {
  const { workspaceId, period } = input;
  return useQuery({
    queryKey: [OVERVIEW_QUERY_KEY, workspaceId, period] as const,
    queryFn: async ({ signal }) => {
      const params = new URLSearchParams({ from: period.from, to: period.to });
      const url = `/api/w/${workspaceId}/analytics/overview?${params}`;
      return (await fetchJson<{ overview: WorkspaceOverview }>(url, { signal })).overview;
    },
    initialData: input.initialData,
    placeholderData: keepPreviousData,
  });
}
