"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ProfileSearchPage } from "@/lib/profiles/search-profiles";
import { fetchJson } from "@/lib/query/fetch-json";
import { filtersToParams, type ProfileFilters } from "./profile-filters";

export const PROFILES_QUERY_KEY = "profiles";

export function profilesQueryKey(
  workspaceId: string,
  filters: ProfileFilters,
  cursor: string | null,
) {
  return [PROFILES_QUERY_KEY, workspaceId, filters, cursor] as const;
}

/** One page of the Users search; the previous page stays on screen while the next loads. */
export function useProfilesQuery(input: {
  workspaceId: string;
  filters: ProfileFilters;
  cursor: string | null;
  initialData?: ProfileSearchPage;
}) {
  const { workspaceId, filters, cursor } = input;
  return useQuery({
    queryKey: profilesQueryKey(workspaceId, filters, cursor),
    queryFn: ({ signal }) => {
      const params = filtersToParams(filters);
      if (cursor) params.set("cursor", cursor);
      return fetchJson<ProfileSearchPage>(`/api/w/${workspaceId}/profiles?${params}`, { signal });
    },
    initialData: input.initialData,
    placeholderData: keepPreviousData,
  });
}
