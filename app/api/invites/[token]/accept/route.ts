// POST /api/invites/:token/accept – join a workspace with an invite link
import { errorResponse } from "@/lib/api/error-reply";
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { getCurrentMember } from "@/lib/auth/session";
import { acceptInvite, acceptInviteSchema, joinWithInvite } from "@/lib/workspaces/invites";

export async function POST(request: Request, context: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await context.params;
    const member = await getCurrentMember();
    if (member) return Response.json(await joinWithInvite(token, member.id));
    const input = parseOrThrow(acceptInviteSchema, await readJson(request));
    return Response.json(await acceptInvite(token, input), { status: 201 });
  } catch (error) {
    return errorResponse(error, { route: "/api/invites/accept" });
  }
}
