// POST /api/v1/webhooks/:id/deliveries/:deliveryId/replay – send a delivery again now (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { replayDeliveryResponse } from "@/lib/webhooks/webhook-api";

export const POST = withSecretKey<{ id: string; deliveryId: string }>(({ params, workspace }) =>
  replayDeliveryResponse(workspace.id, params.id, params.deliveryId),
);
