// GET|POST /api/workspaces – the signed-in member's workspaces, or create another one
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withMember } from "@/lib/auth/with-workspace";
import {
  createAnotherWorkspace,
  createWorkspaceSchema,
  listMemberWorkspaces,
} from "@/lib/workspaces/create-workspace";

export const GET = withMember(async ({ member }) => {
  const rows = await listMemberWorkspaces(member.id);
  return Response.json({
    workspaces: rows.map((m) => ({ id: m.workspace.id, name: m.workspace.name, role: m.role })),
  });
});

export const POST = withMember(async ({ request, member }) => {
  const { name } = parseOrThrow(createWorkspaceSchema, await readJson(request));
  const created = await createAnotherWorkspace({ name, memberId: member.id });
  // The secret key's text is in this answer only: Cue stores its hash.
  return Response.json(created, { status: 201 });
});
