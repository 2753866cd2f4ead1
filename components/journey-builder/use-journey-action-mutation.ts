"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { JourneyJson } from "@/lib/journeys/journey-schemas";
import { fetchJson } from "@/lib/query/fetch-json";
import { JOURNEYS_QUERY_KEY } from "./use-save-draft-mutation";

export type EditorJourneyAction =
  | { action: "publish"; note?: string; draftRevision: number; enterMatching?: boolean }
  | { action: "pause" }
  | { action: "resume" };

/** Publish (with a note, at the saved revision), pause or resume; answers the journey. */
export function useJourneyActionMutation(workspaceId: string, journeyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: EditorJourneyAction) =>
      fetchJson<{ journey: JourneyJson }>(`/api/w/${workspaceId}/journeys/${journeyId}/${action}`, {
        method: "POST",
        body: JSON.stringify(body),
      }).then((response) => response.journey),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [JOURNEYS_QUERY_KEY, workspaceId] }),
        queryClient.invalidateQueries({ queryKey: ["journey-versions", workspaceId, journeyId] }),
        queryClient.invalidateQueries({ queryKey: ["journey-diff", workspaceId, journeyId] }),
      ]),
  });
}
