// GET /api/w/:workspaceId/webhooks – list webhook endpoints (viewer); POST creates one and returns its secret once (admin)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { createWebhookResponse, listWebhooksResponse } from "@/lib/webhooks/webhook-api";

export const GET = withWorkspace(({ workspace }) => listWebhooksResponse(workspace.id));

export const POST = withWorkspace(
  ({ request, workspace }) => createWebhookResponse(workspace.id, request),
  { requiredRole: "admin" },
);
