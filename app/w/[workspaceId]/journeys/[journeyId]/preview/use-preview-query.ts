"use client";

import { useQuery } from "@tanstack/react-query";
import type { PreviewJson } from "@/lib/explain/explain-types";
import { fetchJson } from "@/lib/query/fetch-json";

export const JOURNEY_PREVIEW_QUERY_KEY = "journey-preview";

export interface PreviewParams {
  workspaceId: string;
  journeyId: string;
  profile: string | null;
  source: string;
  mode: "history" | "now";
}

/** The path one user takes through the journey (nothing is fetched until a user is chosen). */
export function usePreviewQuery(params: PreviewParams) {
  const { workspaceId, journeyId, profile, source, mode } = params;
  return useQuery({
    queryKey: [JOURNEY_PREVIEW_QUERY_KEY, workspaceId, journeyId, profile, source, mode] as const,
    enabled: profile !== null,
    retry: false,
    queryFn: ({ signal }) =>
      fetchJson<{ preview: PreviewJson }>(
        `/api/w/${workspaceId}/journeys/${journeyId}/preview?${new URLSearchParams({
          profileId: profile ?? "",
          source,
          mode,
        })}`,
        { signal },
      ).then((body) => body.preview),
  });
}
