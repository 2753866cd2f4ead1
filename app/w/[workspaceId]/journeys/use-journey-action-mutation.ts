"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { JourneyAction, JourneyJson } from "@/lib/journeys/journey-schemas";
import { fetchJson } from "@/lib/query/fetch-json";
import { JOURNEYS_QUERY_KEY } from "./use-journeys-query";

export type ListAction = Extract<JourneyAction, "duplicate" | "pause" | "resume" | "archive">;

/** A row action from the list; answers the journey it produced or changed. */
export function useJourneyActionMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; action: ListAction }) =>
      fetchJson<{ journey: JourneyJson }>(
        `/api/w/${workspaceId}/journeys/${input.id}/${input.action}`,
        { method: "POST" },
      ).then((body) => body.journey),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [JOURNEYS_QUERY_KEY] }),
  });
}
