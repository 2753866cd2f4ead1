"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { JourneyJson } from "@/lib/journeys/journey-schemas";
import { fetchJson } from "@/lib/query/fetch-json";

export const JOURNEYS_QUERY_KEY = "journeys";

export interface SaveDraftInput {
  draftRevision: number;
  name?: string;
  definition?: object;
}

/** PATCH the draft at the revision it was edited from; a newer save makes it a 409. */
export function useSaveDraftMutation(workspaceId: string, journeyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveDraftInput) =>
      fetchJson<{ journey: JourneyJson }>(`/api/w/${workspaceId}/journeys/${journeyId}`, {
        method: "PATCH",
        body: JSON.stringify(input),
      }).then((body) => body.journey),
    // The list shows the last edit; the version panel compares the draft.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [JOURNEYS_QUERY_KEY, workspaceId] }),
        queryClient.invalidateQueries({ queryKey: ["journey-diff", workspaceId, journeyId] }),
      ]),
  });
}
