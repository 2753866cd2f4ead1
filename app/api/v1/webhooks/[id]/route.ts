// GET /api/v1/webhooks/:id – one webhook endpoint; PATCH edits it (url, description, eventTypes, enabled); DELETE removes it (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import {
  deleteWebhookResponse,
  getWebhookResponse,
  updateWebhookResponse,
} from "@/lib/webhooks/webhook-api";

type Params = { id: string };

export const GET = withSecretKey<Params>(({ params, workspace }) =>
  getWebhookResponse(workspace.id, params.id),
);

export const PATCH = withSecretKey<Params>(({ request, params, workspace }) =>
  updateWebhookResponse(workspace.id, params.id, request),
);

export const DELETE = withSecretKey<Params>(({ params, workspace }) =>
  deleteWebhookResponse(workspace.id, params.id),
);
