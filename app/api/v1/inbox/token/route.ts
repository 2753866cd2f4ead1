// POST /api/v1/inbox/token – issue a short-lived inbox token for one user (secret key)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { inboxTokenBodySchema } from "@/lib/inbox/inbox-schemas";
import { issueInboxTokenForWorkspace } from "@/lib/inbox/issue-inbox-token";

export const POST = withSecretKey(async ({ request, workspace }) => {
  const body = parseOrThrow(inboxTokenBodySchema, await readJson(request));
  const issued = await issueInboxTokenForWorkspace({
    workspaceId: workspace.id,
    userId: body.user_id,
    ttlSeconds: body.ttl_seconds,
  });
  return Response.json(issued, { headers: { "Cache-Control": "no-store" } });
});
