// GET /api/v1/profiles/:userId/runs – the profile's journey runs with their traces and messages, newest first (secret key)
import { parseOrThrow } from "@/lib/api/errors";
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { profileRunsQuerySchema } from "@/lib/journeys/journey-schemas";
import { listProfileRuns } from "@/lib/journeys/list-profile-runs";
import { findProfileIdOrThrow } from "@/lib/profiles/find-profile";

export const GET = withSecretKey<{ userId: string }>(async ({ request, params, workspace }) => {
  const query = parseOrThrow(
    profileRunsQuerySchema,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const profileId = await findProfileIdOrThrow({
    workspaceId: workspace.id,
    identifier: params.userId,
  });
  return Response.json(await listProfileRuns({ workspaceId: workspace.id, profileId, ...query }));
});
