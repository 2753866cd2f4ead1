"use client";

import { useQuery } from "@tanstack/react-query";
import type { WhyNotJson } from "@/lib/explain/explain-types";
import { fetchJson } from "@/lib/query/fetch-json";

export const WHY_NOT_QUERY_KEY = "journey-why-not";

export interface WhyNotParams {
  workspaceId: string;
  journeyId: string;
  profileId: string;
  /** ISO; now when null. */
  at: string | null;
  nodeId: string | null;
}

/** Every gate between one user and one journey's messages (runs when `params` is set). */
export function useWhyNotQuery(params: WhyNotParams | null) {
  return useQuery({
    queryKey: [WHY_NOT_QUERY_KEY, params] as const,
    enabled: params !== null,
    retry: false,
    queryFn: ({ signal }) => {
      if (!params) throw new Error("No question asked yet.");
      const query = new URLSearchParams({ profileId: params.profileId });
      if (params.at) query.set("at", params.at);
      if (params.nodeId) query.set("nodeId", params.nodeId);
      return fetchJson<{ whyNot: WhyNotJson }>(
        `/api/w/${params.workspaceId}/journeys/${params.journeyId}/why-not?${query}`,
        { signal },
      ).then((body) => body.whyNot);
    },
  });
}
