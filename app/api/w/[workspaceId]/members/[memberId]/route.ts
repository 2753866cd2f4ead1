// PATCH|DELETE /api/w/:workspaceId/members/:memberId – change a member's role, or remove them
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import { changeMemberRole, changeRoleSchema, removeMember } from "@/lib/workspaces/manage-members";

type Params = { workspaceId: string; memberId: string };

export const PATCH = withWorkspace<Params>(
  async ({ request, params, workspace, member, role }) => {
    const input = parseOrThrow(changeRoleSchema, await readJson(request));
    const changed = await changeMemberRole({
      workspaceId: workspace.id,
      memberId: params.memberId,
      role: input.role,
      actor: { memberId: member.id, role },
    });
    return Response.json(changed);
  },
  { requiredRole: "admin" },
);

// Any member may leave (remove themselves); removing someone else needs admin (checked in lib).
export const DELETE = withWorkspace<Params>(
  async ({ params, workspace, member, role }) => {
    await removeMember({
      workspaceId: workspace.id,
      memberId: params.memberId,
      actor: { memberId: member.id, role },
    });
    return new Response(null, { status: 204 });
  },
  { requiredRole: "viewer" },
);
