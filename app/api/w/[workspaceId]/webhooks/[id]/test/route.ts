// POST /api/w/:workspaceId/webhooks/:id/test – queue a `webhook.test` event (admin)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { testWebhookResponse } from "@/lib/webhooks/webhook-api";

export const POST = withWorkspace<{ workspaceId: string; id: string }>(
  ({ params, workspace }) => testWebhookResponse(workspace.id, params.id),
  { requiredRole: "admin" },
);
