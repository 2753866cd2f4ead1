"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/query/fetch-json";
import type { NodeStats } from "./node-decorations";

/**
 * Live per-node counts (entered, waiting, passed, sent) for a published
 * journey, from GET …/node-stats; refreshed every 15 s while the page is open.
 */
export function useNodeStatsQuery(workspaceId: string, journeyId: string, enabled: boolean) {
  const url = `/api/w/${workspaceId}/journeys/${journeyId}/node-stats`;
  return useQuery({
    queryKey: [url],
    queryFn: async () => (await fetchJson<{ nodes: NodeStats }>(url)).nodes,
    enabled,
    refetchInterval: 15_000,
  });
}
