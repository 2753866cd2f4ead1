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
  /** "What if now were T?" (ISO 8601); null: the real now. */
  asOf: string | null;
}

/** The path one user takes through the journey (nothing is fetched until a user is chosen). */
export function usePreviewQuery(params: PreviewParams) {
  const { workspaceId, journeyId, profile, source, mode, asOf } = params;
  return useQuery({
    queryKey: [
      JOURNEY_PREVIEW_QUERY_KEY,
      workspaceId,
      journeyId,
      profile,
      source,
      mode,
      asOf,
    ] as const,
    enabled: profile !== null,
    retry: false,
    queryFn: ({ signal }) =>
      fetchJson<{ preview: PreviewJson }>(
        `/api/w/${workspaceId}/journeys/${journeyId}/preview?${new URLSearchParams({
          profileId: profile ?? "",
          source,
          mode,
          ...(asOf ? { asOf } : {}),
        })}`,
        { signal },
      ).then((body) => body.preview),
  });
}
