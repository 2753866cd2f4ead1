// GET /api/v1/profiles/:userId/messages – the profile's messages with their lifecycle, newest first, cursor-paginated (secret key)
import { parseOrThrow } from "@/lib/api/errors";
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { listProfileMessages } from "@/lib/channels/message-api";
import { listProfileMessagesQuerySchema } from "@/lib/channels/profile-messages-query";
import { findProfileIdOrThrow } from "@/lib/profiles/find-profile";

export const GET = withSecretKey<{ userId: string }>(async ({ request, params, workspace }) => {
  const query = parseOrThrow(
    listProfileMessagesQuerySchema,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const profileId = await findProfileIdOrThrow({
    workspaceId: workspace.id,
    identifier: params.userId,
  });
  return Response.json(await listProfileMessages({ workspaceId: workspace.id, profileId, query }));
});
