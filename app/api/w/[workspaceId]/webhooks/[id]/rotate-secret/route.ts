// POST /api/w/:workspaceId/webhooks/:id/rotate-secret – a new signing secret, shown once (admin)
import { withWorkspace } from "@/lib/auth/with-workspace";
import { rotateSecretResponse } from "@/lib/webhooks/webhook-api";

export const POST = withWorkspace<{ workspaceId: string; id: string }>(
  ({ params, workspace }) => rotateSecretResponse(workspace.id, params.id),
  { requiredRole: "admin" },
);
