// GET /api/v1/webhooks – list webhook endpoints; POST creates one and returns its secret once (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { createWebhookResponse, listWebhooksResponse } from "@/lib/webhooks/webhook-api";

export const GET = withSecretKey(({ workspace }) => listWebhooksResponse(workspace.id));

export const POST = withSecretKey(({ request, workspace }) =>
  createWebhookResponse(workspace.id, request),
);
