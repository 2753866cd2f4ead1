// POST /api/v1/inbox/bulk – apply one action to several of the user's items
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { inboxPreflight } from "@/lib/inbox/cors";
import { bulkInboxBodySchema } from "@/lib/inbox/inbox-schemas";
import { updateInboxItems } from "@/lib/inbox/update-inbox-state";
import { withInboxUser } from "@/lib/inbox/with-inbox-user";

export const POST = withInboxUser(async ({ request, user }) => {
  const { ids, action } = parseOrThrow(bulkInboxBodySchema, await readJson(request));
  const result = await updateInboxItems({
    workspaceId: user.workspace.id,
    profileId: user.profileId,
    userId: user.userId,
    ids,
    action,
  });
  return Response.json(result);
});

export const OPTIONS = inboxPreflight;
