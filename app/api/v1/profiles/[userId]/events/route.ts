// GET /api/v1/profiles/{userId}/events – a profile's events, newest first, cursor-paginated
import { parseOrThrow } from "@/lib/api/errors";
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { findProfileIdOrThrow } from "@/lib/profiles/find-profile";
import {
  listProfileEvents,
  listProfileEventsQuerySchema,
} from "@/lib/profiles/list-profile-events";

export const GET = withSecretKey<{ userId: string }>(async ({ request, params, workspace }) => {
  const url = new URL(request.url);
  const query = parseOrThrow(listProfileEventsQuerySchema, Object.fromEntries(url.searchParams));
  const profileId = await findProfileIdOrThrow({
    workspaceId: workspace.id,
    identifier: params.userId,
  });
  return Response.json(await listProfileEvents({ workspaceId: workspace.id, profileId, query }));
});
