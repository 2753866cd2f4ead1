"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { MessageContent } from "@/lib/channels/message-content";
import { fetchJson } from "@/lib/query/fetch-json";

/** Matches the Messages list's query key prefix, so a new test shows up there. */
export const MESSAGES_QUERY_KEY = "messages";

export interface TestSendResult {
  messageId: string;
  status: string;
  to: string;
  error: string | null;
}

export function useTestSendMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { content: MessageContent; profileId?: string }) =>
      fetchJson<TestSendResult>(`/api/w/${workspaceId}/messages/test-send`, {
        method: "POST",
        body: JSON.stringify(input),
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [MESSAGES_QUERY_KEY] }),
  });
}
