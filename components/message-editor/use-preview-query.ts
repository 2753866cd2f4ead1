"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { MessageContent } from "@/lib/channels/message-content";
import type { RenderedMessage } from "@/lib/channels/render-content";
import { fetchJson } from "@/lib/query/fetch-json";

export const MESSAGE_PREVIEW_QUERY_KEY = "message-preview";

export interface PreviewTarget {
  profileId?: string;
  sampleJson?: string;
}

/** The content rendered for a profile or sample data; the last good render stays while typing. */
export function usePreviewQuery(input: {
  workspaceId: string;
  content: MessageContent;
  target: PreviewTarget;
  enabled: boolean;
}) {
  const { workspaceId, content, target } = input;
  return useQuery<RenderedMessage>({
    queryKey: [MESSAGE_PREVIEW_QUERY_KEY, workspaceId, content, target] as const,
    queryFn: ({ signal }) =>
      fetchJson<{ preview: RenderedMessage }>(`/api/w/${workspaceId}/messages/preview`, {
        method: "POST",
        body: JSON.stringify({ content, ...target }),
        signal,
      }).then((body) => body.preview),
    enabled: input.enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
