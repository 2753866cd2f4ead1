"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { RunJson } from "@/lib/journeys/journey-schemas";
import { fetchJson } from "@/lib/query/fetch-json";
import { PROFILE_RUNS_PAGE_SIZE } from "./profile-runs-page-size";

export const PROFILE_RUNS_QUERY_KEY = "profile-journey-runs";

export interface ProfileRunsPage {
  runs: RunJson[];
  nextCursor: string | null;
}

/** The profile's journey runs with their traces, newest first. */
export function useProfileRunsQuery(input: {
  workspaceId: string;
  profileId: string;
  initialPage: ProfileRunsPage;
}) {
  const { workspaceId, profileId } = input;
  return useInfiniteQuery({
    queryKey: [PROFILE_RUNS_QUERY_KEY, workspaceId, profileId] as const,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PROFILE_RUNS_PAGE_SIZE) });
      if (pageParam) params.set("cursor", pageParam);
      return fetchJson<ProfileRunsPage>(
        `/api/w/${workspaceId}/profiles/${profileId}/journey-runs?${params}`,
        { signal },
      );
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [input.initialPage], pageParams: [null] },
  });
}
