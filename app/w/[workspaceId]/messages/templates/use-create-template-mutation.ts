"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TemplateInput } from "@/lib/channels/templates/template-schemas";
import type { TemplateView } from "@/lib/channels/templates/template-view";
import { fetchJson } from "@/lib/query/fetch-json";

export const TEMPLATES_QUERY_KEY = "templates";

export function useCreateTemplateMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (template: TemplateInput) =>
      fetchJson<{ template: TemplateView }>(`/api/w/${workspaceId}/templates`, {
        method: "POST",
        body: JSON.stringify(template),
      }).then((body) => body.template),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [TEMPLATES_QUERY_KEY] }),
  });
}
