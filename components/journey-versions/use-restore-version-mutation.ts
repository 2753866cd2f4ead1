"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { JourneyJson } from "@/lib/journeys/journey-schemas";
import { fetchJson } from "@/lib/query/fetch-json";
import { JOURNEY_DIFF_QUERY_KEY } from "./use-journey-diff-query";
import { JOURNEY_VERSIONS_QUERY_KEY } from "./use-journey-versions-query";

/** Copies a published version into the draft; answers the journey as GET …/journeys/:id does. */
export function useRestoreVersionMutation(workspaceId: string, journeyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      fetchJson<{ journey: JourneyJson }>(
        `/api/w/${workspaceId}/journeys/${journeyId}/versions/${version}/restore`,
        { method: "POST" },
      ).then((body) => body.journey),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({
          queryKey: [JOURNEY_VERSIONS_QUERY_KEY, workspaceId, journeyId],
        }),
        queryClient.invalidateQueries({
          queryKey: [JOURNEY_DIFF_QUERY_KEY, workspaceId, journeyId],
        }),
        // The journeys list (app/w/[workspaceId]/journeys) shows the last edit.
        queryClient.invalidateQueries({ queryKey: ["journeys", workspaceId] }),
      ]),
  });
}
