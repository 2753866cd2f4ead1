// POST /api/v1/webhooks/:id/rotate-secret – a new signing secret, returned once; the old one signs too for 24 h (secret key)
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { rotateSecretResponse } from "@/lib/webhooks/webhook-api";

export const POST = withSecretKey<{ id: string }>(({ params, workspace }) =>
  rotateSecretResponse(workspace.id, params.id),
);
