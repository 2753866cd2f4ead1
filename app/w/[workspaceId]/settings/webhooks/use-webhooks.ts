"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/query/fetch-json";
import type { DeliveryView } from "@/lib/webhooks/list-deliveries";
import type { WebhookEndpointView } from "@/lib/webhooks/manage-webhooks";

// The Settings → Webhooks page's queries and mutations, on the session API
// (/api/w/:workspaceId/webhooks). Mutations refresh the list in onSettled.

export const webhooksKey = (workspaceId: string) => ["webhooks", workspaceId] as const;
export const deliveriesKey = (workspaceId: string, id: string) =>
  ["webhooks", workspaceId, id, "deliveries"] as const;

const base = (workspaceId: string) => `/api/w/${workspaceId}/webhooks`;

export function useWebhooks(workspaceId: string, initial: WebhookEndpointView[]) {
  return useQuery({
    queryKey: webhooksKey(workspaceId),
    queryFn: () =>
      fetchJson<{ webhooks: WebhookEndpointView[] }>(base(workspaceId)).then((r) => r.webhooks),
    initialData: initial,
  });
}

export function useDeliveries(workspaceId: string, id: string) {
  return useQuery({
    queryKey: deliveriesKey(workspaceId, id),
    queryFn: () =>
      fetchJson<{ deliveries: DeliveryView[] }>(`${base(workspaceId)}/${id}/deliveries?limit=25`),
    // Pending deliveries move on their own: poll while any is pending.
    refetchInterval: (query) =>
      query.state.data?.deliveries.some((d) => d.status === "pending") ? 2_000 : false,
  });
}

export interface WebhookInput {
  url?: string;
  description?: string;
  eventTypes?: string[];
  enabled?: boolean;
}

export function useWebhookMutations(workspaceId: string) {
  const queryClient = useQueryClient();
  const settle = () => queryClient.invalidateQueries({ queryKey: webhooksKey(workspaceId) });
  const url = base(workspaceId);
  type WithSecret = { webhook: WebhookEndpointView; secret: string };
  return {
    create: useMutation({
      mutationFn: (input: WebhookInput) =>
        fetchJson<WithSecret>(url, { method: "POST", body: JSON.stringify(input) }),
      onSettled: settle,
    }),
    update: useMutation({
      mutationFn: ({ id, ...input }: WebhookInput & { id: string }) =>
        fetchJson<{ webhook: WebhookEndpointView }>(`${url}/${id}`, {
          method: "PATCH",
          body: JSON.stringify(input),
        }),
      onSettled: settle,
    }),
    remove: useMutation({
      mutationFn: (id: string) =>
        fetch(`${url}/${id}`, { method: "DELETE" }).then((r) => {
          if (!r.ok) throw new Error(`Delete failed (${r.status}).`);
        }),
      onSettled: settle,
    }),
    rotate: useMutation({
      mutationFn: (id: string) =>
        fetchJson<WithSecret>(`${url}/${id}/rotate-secret`, { method: "POST" }),
      onSettled: settle,
    }),
    test: useMutation({
      mutationFn: (id: string) =>
        fetchJson<{ deliveryId: string }>(`${url}/${id}/test`, { method: "POST" }),
      onSettled: (_data, _error, id) =>
        queryClient.invalidateQueries({ queryKey: deliveriesKey(workspaceId, id) }),
    }),
    replay: useMutation({
      mutationFn: ({ id, deliveryId }: { id: string; deliveryId: string }) =>
        fetchJson(`${url}/${id}/deliveries/${deliveryId}/replay`, { method: "POST" }),
      onSettled: (_data, _error, { id }) =>
        queryClient.invalidateQueries({ queryKey: deliveriesKey(workspaceId, id) }),
    }),
  };
}
