// GET /api/w/:workspaceId/messages – messages, newest first (filters: status, channel, profileId, source; cursor)
import { parseOrThrow } from "@/lib/api/errors";
import { withWorkspace } from "@/lib/auth/with-workspace";
import { listMessages, listMessagesQuerySchema } from "@/lib/channels/list-messages";

export const GET = withWorkspace(async ({ request, workspace }) => {
  const query = parseOrThrow(
    listMessagesQuerySchema,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  return Response.json(await listMessages({ workspaceId: workspace.id, query }));
});
