// GET|POST /api/w/:workspaceId/invites – list open invite links, or create one
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import { publicUrl } from "@/lib/runtime/public-url";
import { createInvite, createInviteSchema } from "@/lib/workspaces/invites";
import { listOpenInvites } from "@/lib/workspaces/list-members";

export const GET = withWorkspace(async ({ workspace }) =>
  Response.json({ invites: await listOpenInvites(workspace.id) }),
);

export const POST = withWorkspace(
  async ({ request, workspace, member }) => {
    const { role } = parseOrThrow(createInviteSchema, await readJson(request));
    const invite = await createInvite({ workspaceId: workspace.id, role, createdById: member.id });
    const url = publicUrl(`/invite/${invite.token}`, request);
    return Response.json({ url, role: invite.role, expiresAt: invite.expiresAt }, { status: 201 });
  },
  { requiredRole: "admin" },
);
