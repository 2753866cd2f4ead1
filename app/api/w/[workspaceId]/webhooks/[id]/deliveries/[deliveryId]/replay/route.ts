// POST /api/w/:workspaceId/webhooks/:id/deliveries/:deliveryId/replay – send a delivery again (admin)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { replayDeliveryResponse } from "@/lib/webhooks/webhook-api";

export const POST = withWorkspace<{ workspaceId: string; id: string; deliveryId: string }>(
  ({ params, workspace }) => replayDeliveryResponse(workspace.id, params.id, params.deliveryId),
  { requiredRole: "admin" },
);
