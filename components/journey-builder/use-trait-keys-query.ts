"use client";

import { useQuery } from "@tanstack/react-query";
import type { TraitKey } from "@/lib/profiles/list-trait-keys";
import { fetchJson } from "@/lib/query/fetch-json";

export const TRAIT_KEYS_QUERY_KEY = "trait-keys";

/** Trait keys of recently active profiles: condition pickers and Liquid variables. */
export function useTraitKeysQuery(workspaceId: string) {
  return useQuery({
    queryKey: [TRAIT_KEYS_QUERY_KEY, workspaceId] as const,
    queryFn: ({ signal }) =>
      fetchJson<{ traits: TraitKey[] }>(`/api/w/${workspaceId}/profiles/trait-keys`, {
        signal,
      }).then((body) => body.traits),
    staleTime: 60_000,
  });
}
