// POST /api/v1/webhooks/:id/test – queue a signed `webhook.test` event for this endpoint (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { testWebhookResponse } from "@/lib/webhooks/webhook-api";

export const POST = withSecretKey<{ id: string }>(({ params, workspace }) =>
  testWebhookResponse(workspace.id, params.id),
);
