"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BacktestJson } from "@/lib/backtests/backtest-json";
import type { CreateBacktestInput } from "@/lib/backtests/backtest-schemas";
import { fetchJson } from "@/lib/query/fetch-json";

// The journey's backtests: the list (polled while one is queued or running,
// so the progress bar moves), one backtest with its sample paths, and the
// run / cancel mutations, which refresh both.

export const BACKTESTS_QUERY_KEY = "backtests";

const isActive = (b: BacktestJson) => b.status === "queued" || b.status === "running";
const POLL_MS = 700;

function basePath(workspaceId: string, journeyId: string) {
  return `/api/w/${workspaceId}/journeys/${journeyId}/backtests`;
}

export function useBacktestsQuery(workspaceId: string, journeyId: string) {
  return useQuery({
    queryKey: [BACKTESTS_QUERY_KEY, workspaceId, journeyId, "list"] as const,
    queryFn: async ({ signal }) =>
      (
        await fetchJson<{ backtests: BacktestJson[] }>(
          `${basePath(workspaceId, journeyId)}?limit=20`,
          {
            signal,
          },
        )
      ).backtests,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.some(isActive) ? POLL_MS : false),
  });
}

export function useBacktestQuery(workspaceId: string, journeyId: string, id: string | null) {
  return useQuery({
    queryKey: [BACKTESTS_QUERY_KEY, workspaceId, journeyId, "one", id] as const,
    queryFn: async ({ signal }) =>
      (
        await fetchJson<{ backtest: BacktestJson }>(`${basePath(workspaceId, journeyId)}/${id}`, {
          signal,
        })
      ).backtest,
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && isActive(query.state.data) ? POLL_MS : false),
  });
}

export function useRunBacktestMutation(workspaceId: string, journeyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateBacktestInput) =>
      (
        await fetchJson<{ backtest: BacktestJson }>(basePath(workspaceId, journeyId), {
          method: "POST",
          body: JSON.stringify(input),
        })
      ).backtest,
    onSettled: () =>
      client.invalidateQueries({ queryKey: [BACKTESTS_QUERY_KEY, workspaceId, journeyId] }),
  });
}

export function useCancelBacktestMutation(workspaceId: string, journeyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      (
        await fetchJson<{ backtest: BacktestJson }>(
          `${basePath(workspaceId, journeyId)}/${id}/cancel`,
          {
            method: "POST",
          },
        )
      ).backtest,
    onSettled: () =>
      client.invalidateQueries({ queryKey: [BACKTESTS_QUERY_KEY, workspaceId, journeyId] }),
  });
}
