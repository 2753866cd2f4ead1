// DELETE /api/w/:workspaceId/invites/:inviteId – revoke an open invite link
import { withWorkspace } from "@/lib/auth/with-workspace";
import { revokeInvite } from "@/lib/workspaces/manage-members";

export const DELETE = withWorkspace<{ workspaceId: string; inviteId: string }>(
  async ({ params, workspace }) => {
    await revokeInvite({ workspaceId: workspace.id, inviteId: params.inviteId });
    return new Response(null, { status: 204 });
  },
  { requiredRole: "admin" },
);
