// GET /api/w/:workspaceId/webhooks/:id/deliveries – the endpoint's delivery log (viewer)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { listDeliveriesResponse } from "@/lib/webhooks/webhook-api";

export const GET = withWorkspace<{ workspaceId: string; id: string }>(
  ({ request, params, workspace }) => listDeliveriesResponse(workspace.id, params.id, request),
);
