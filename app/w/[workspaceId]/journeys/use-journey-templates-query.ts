"use client";

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { templateSchema } from "@/lib/journeys/journey-schemas";
import { fetchJson } from "@/lib/query/fetch-json";

export type JourneyTemplateJson = z.infer<typeof templateSchema>;

export const JOURNEY_TEMPLATES_QUERY_KEY = "journey-templates";

/** The shipped templates for the gallery; they never change while the app runs. */
export function useJourneyTemplatesQuery(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: [JOURNEY_TEMPLATES_QUERY_KEY, workspaceId] as const,
    queryFn: ({ signal }) =>
      fetchJson<{ templates: JourneyTemplateJson[] }>(`/api/w/${workspaceId}/journeys/templates`, {
        signal,
      }).then((body) => body.templates),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
