import { useInfiniteQuery } from "@tanstack/react-query";
import type { RejectedPage } from "@/lib/events/list-rejected";
import { fetchJson } from "@/lib/query/fetch-json";
import { REJECTED_PAGE_SIZE } from "./events-page-size";

export const REJECTED_QUERY_KEY = "rejected-events";

export function rejectedQueryKey(workspaceId: string, code: string) {
  return [REJECTED_QUERY_KEY, workspaceId, code] as const;
}

/** Calls ingestion refused, newest first, one page per "load older". */
export function useRejectedQuery(input: {
  workspaceId: string;
  code: string;
  initialPage?: RejectedPage;
}) {
  const { workspaceId, code } = input;
  return useInfiniteQuery({
    queryKey: rejectedQueryKey(workspaceId, code),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(REJECTED_PAGE_SIZE) });
      if (code) params.set("code", code);
      if (pageParam) params.set("cursor", pageParam);
      return fetchJson<RejectedPage>(`/api/w/${workspaceId}/events/rejected?${params}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: input.initialPage ? { pages: [input.initialPage], pageParams: [null] } : undefined,
  });
}
