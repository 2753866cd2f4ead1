"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TemplateInput } from "@/lib/channels/templates/template-schemas";
import type { TemplateView } from "@/lib/channels/templates/template-view";
import { fetchJson } from "@/lib/query/fetch-json";
import { TEMPLATES_QUERY_KEY } from "../use-create-template-mutation";

export function useSaveTemplateMutation(workspaceId: string, templateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (template: TemplateInput) =>
      fetchJson<{ template: TemplateView }>(`/api/w/${workspaceId}/templates/${templateId}`, {
        method: "PUT",
        body: JSON.stringify(template),
      }).then((body) => body.template),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [TEMPLATES_QUERY_KEY] }),
  });
}
