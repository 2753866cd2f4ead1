"use client";

import { useQuery } from "@tanstack/react-query";
import type { DefinitionDiff } from "@/lib/journey-core/diff-definitions";
import type { DiffSide } from "@/lib/journeys/journey-version-schemas";
import { fetchJson } from "@/lib/query/fetch-json";

export const JOURNEY_DIFF_QUERY_KEY = "journey-diff";

export interface JourneyDiffAnswer {
  diff: DefinitionDiff;
  from: DiffSide | null;
  to: DiffSide;
}

/**
 * The readable diff between two sides of a journey. `from` left out means
 * "the version before `to`". Nothing is fetched while `to` is null.
 */
export function useJourneyDiffQuery(input: {
  workspaceId: string;
  journeyId: string;
  from?: DiffSide;
  to: DiffSide | null;
}) {
  const { workspaceId, journeyId, from, to } = input;
  return useQuery({
    queryKey: [JOURNEY_DIFF_QUERY_KEY, workspaceId, journeyId, from ?? null, to] as const,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ to: String(to) });
      if (from !== undefined) params.set("from", String(from));
      return fetchJson<JourneyDiffAnswer>(
        `/api/w/${workspaceId}/journeys/${journeyId}/diff?${params}`,
        { signal },
      );
    },
    enabled: to !== null,
    // The draft side changes with every save; published versions never do.
    staleTime: to === "draft" || from === "draft" ? 0 : Number.POSITIVE_INFINITY,
    retry: false,
  });
}
