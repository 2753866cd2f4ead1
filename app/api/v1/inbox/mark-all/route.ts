// POST /api/v1/inbox/mark-all – mark every visible item seen, read or archived
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { inboxPreflight } from "@/lib/inbox/cors";
import { markAllInboxBodySchema } from "@/lib/inbox/inbox-schemas";
import { markAllInbox } from "@/lib/inbox/update-inbox-state";
import { withInboxUser } from "@/lib/inbox/with-inbox-user";

export const POST = withInboxUser(async ({ request, user }) => {
  const { action, kind } = parseOrThrow(markAllInboxBodySchema, await readJson(request));
  const result = await markAllInbox({
    workspaceId: user.workspace.id,
    profileId: user.profileId,
    userId: user.userId,
    action,
    kind,
  });
  return Response.json(result);
});

export const OPTIONS = inboxPreflight;
