// GET /api/w/:workspaceId/members – the workspace's members and their roles
import { withWorkspace } from "@/lib/auth/with-workspace";
import { listMembers } from "@/lib/workspaces/list-members";

export const GET = withWorkspace(async ({ workspace }) =>
  Response.json({ members: await listMembers(workspace.id) }),
);
