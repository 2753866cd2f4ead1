"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateJourneyInput, JourneyJson } from "@/lib/journeys/journey-schemas";
import { fetchJson } from "@/lib/query/fetch-json";
import { JOURNEYS_QUERY_KEY } from "./use-journeys-query";

/** Creates a draft, blank or from a template; the caller opens it in the editor. */
export function useCreateJourneyMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (journey: CreateJourneyInput) =>
      fetchJson<{ journey: JourneyJson }>(`/api/w/${workspaceId}/journeys`, {
        method: "POST",
        body: JSON.stringify(journey),
      }).then((body) => body.journey),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [JOURNEYS_QUERY_KEY] }),
  });
}
