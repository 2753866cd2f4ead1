// GET /api/v1/webhooks/:id/deliveries – the endpoint's delivery log with every attempt, newest first (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { listDeliveriesResponse } from "@/lib/webhooks/webhook-api";

export const GET = withSecretKey<{ id: string }>(({ request, params, workspace }) =>
  listDeliveriesResponse(workspace.id, params.id, request),
);
