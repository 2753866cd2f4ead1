"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { PROFILE_EVENTS_PAGE_SIZE, type ProfileEventsPage } from "@/lib/profiles/profile-types";
import { fetchJson } from "@/lib/query/fetch-json";

export const PROFILE_EVENTS_QUERY_KEY = "profile-events";

export function profileEventsQueryKey(workspaceId: string, profileId: string) {
  return [PROFILE_EVENTS_QUERY_KEY, workspaceId, profileId] as const;
}

/** A profile's timeline, newest first, one page per scroll. */
export function useProfileEventsQuery(input: {
  workspaceId: string;
  profileId: string;
  initialPage: ProfileEventsPage;
}) {
  const { workspaceId, profileId } = input;
  return useInfiniteQuery({
    queryKey: profileEventsQueryKey(workspaceId, profileId),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PROFILE_EVENTS_PAGE_SIZE) });
      if (pageParam) params.set("cursor", pageParam);
      return fetchJson<ProfileEventsPage>(
        `/api/w/${workspaceId}/profiles/${profileId}/events?${params}`,
        { signal },
      );
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [input.initialPage], pageParams: [null] },
  });
}
