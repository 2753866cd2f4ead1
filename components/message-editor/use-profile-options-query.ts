"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ProfileListItem, ProfileSearchPage } from "@/lib/profiles/search-profiles";
import { fetchJson } from "@/lib/query/fetch-json";

export const PROFILE_OPTIONS_QUERY_KEY = "profile-options";

/** Profiles matching what was typed in the picker (id, user id, email or trait). */
export function useProfileOptionsQuery(workspaceId: string, q: string) {
  return useQuery<ProfileListItem[]>({
    queryKey: [PROFILE_OPTIONS_QUERY_KEY, workspaceId, q] as const,
    queryFn: ({ signal }) =>
      fetchJson<ProfileSearchPage>(
        `/api/w/${workspaceId}/profiles?${new URLSearchParams({ q, limit: "8" })}`,
        { signal },
      ).then((page) => page.profiles),
    placeholderData: keepPreviousData,
  });
}
