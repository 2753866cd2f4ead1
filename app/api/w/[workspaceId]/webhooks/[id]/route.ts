// GET /api/w/:workspaceId/webhooks/:id – one endpoint (viewer); PATCH edits it, DELETE removes it (admin)
import { withWorkspace } from "@/lib/auth/with-workspace";
import {
  deleteWebhookResponse,
  getWebhookResponse,
  updateWebhookResponse,
} from "@/lib/webhooks/webhook-api";

type Params = { workspaceId: string; id: string };

export const GET = withWorkspace<Params>(({ params, workspace }) =>
  getWebhookResponse(workspace.id, params.id),
);

export const PATCH = withWorkspace<Params>(
  ({ request, params, workspace }) => updateWebhookResponse(workspace.id, params.id, request),
  { requiredRole: "admin" },
);

export const DELETE = withWorkspace<Params>(
  ({ params, workspace }) => deleteWebhookResponse(workspace.id, params.id),
  { requiredRole: "admin" },
);
