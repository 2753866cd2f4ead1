import { QueryClient } from "@tanstack/react-query";

// One factory for every QueryClient: data is fresh for 15 s, so navigating
// between pages does not refetch what was just shown.
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 15_000, retry: 1, refetchOnWindowFocus: false },
    },
  });
}
