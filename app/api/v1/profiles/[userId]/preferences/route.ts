// GET /api/v1/profiles/{userId}/preferences – the profile's subscription-topic preferences; PUT changes some (secret key)
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { withSecretKey } from "@/lib/auth/with-secret-key";
import { findProfileIdOrThrow } from "@/lib/profiles/find-profile";
import { getProfilePreferences, setProfilePreferences } from "@/lib/topics/profile-preferences";
import { preferencesInputSchema } from "@/lib/topics/topic-schemas";

type Params = { userId: string };

export const GET = withSecretKey<Params>(async ({ params, workspace }) => {
  const profileId = await findProfileIdOrThrow({
    workspaceId: workspace.id,
    identifier: params.userId,
  });
  return Response.json({ topics: await getProfilePreferences(workspace.id, profileId) });
});

export const PUT = withSecretKey<Params>(async ({ request, params, workspace }) => {
  const { preferences } = parseOrThrow(preferencesInputSchema, await readJson(request));
  const profileId = await findProfileIdOrThrow({
    workspaceId: workspace.id,
    identifier: params.userId,
  });
  const topics = await setProfilePreferences({
    workspaceId: workspace.id,
    profileId,
    changes: preferences,
    source: "api",
  });
  return Response.json({ topics });
});
