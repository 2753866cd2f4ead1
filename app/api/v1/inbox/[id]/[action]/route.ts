// POST /api/v1/inbox/{id}/{seen|read|unread|clicked|archived|unarchived} – change one item's state
import { parseOrThrow } from "@/lib/api/errors";
import { inboxPreflight } from "@/lib/inbox/cors";
import { inboxActionParamsSchema } from "@/lib/inbox/inbox-schemas";
import { updateInboxItem } from "@/lib/inbox/update-inbox-state";
import { withInboxUser } from "@/lib/inbox/with-inbox-user";

export const POST = withInboxUser<{ id: string; action: string }>(async ({ params, user }) => {
  const { id, action } = parseOrThrow(inboxActionParamsSchema, params);
  const result = await updateInboxItem({
    workspaceId: user.workspace.id,
    profileId: user.profileId,
    userId: user.userId,
    id,
    action,
  });
  return Response.json(result);
});

export const OPTIONS = inboxPreflight;
