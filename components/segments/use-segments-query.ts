import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/query/fetch-json";
import type { SegmentView } from "@/lib/segments/segment-view";

export const SEGMENTS_QUERY_KEY = "segments";

export function segmentsQueryKey(workspaceId: string) {
  return [SEGMENTS_QUERY_KEY, workspaceId] as const;
}

/** The workspace's segments with their size now: the Segments page and the builder's pickers. */
export function useSegmentsQuery(workspaceId: string, initialData?: { segments: SegmentView[] }) {
  return useQuery({
    queryKey: segmentsQueryKey(workspaceId),
    queryFn: ({ signal }) =>
      fetchJson<{ segments: SegmentView[] }>(`/api/w/${workspaceId}/segments`, { signal }),
    initialData,
  });
}
