// DELETE /api/w/:workspaceId/secret-keys/:keyId – revoke one secret key
import { withWorkspace } from "@/lib/auth/with-workspace";
import { revokeSecretKey } from "@/lib/workspaces/api-keys";

export const DELETE = withWorkspace<{ workspaceId: string; keyId: string }>(
  async ({ params, workspace }) => {
    await revokeSecretKey(workspace.id, params.keyId);
    return new Response(null, { status: 204 });
  },
  { requiredRole: "admin" },
);
