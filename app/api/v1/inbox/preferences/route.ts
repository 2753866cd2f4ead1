// GET /api/v1/inbox/preferences – the signed-in end user's subscription-topic preferences; PUT changes some
import { notFound, parseOrThrow, readJson } from "@/lib/api/errors";
import { inboxPreflight } from "@/lib/inbox/cors";
import { withInboxUser } from "@/lib/inbox/with-inbox-user";
import { getProfilePreferences, setProfilePreferences } from "@/lib/topics/profile-preferences";
import { preferencesInputSchema } from "@/lib/topics/topic-schemas";

export const GET = withInboxUser(async ({ user }) =>
  Response.json({ topics: await getProfilePreferences(user.workspace.id, user.profileId) }),
);

export const PUT = withInboxUser(async ({ request, user }) => {
  const { preferences } = parseOrThrow(preferencesInputSchema, await readJson(request));
  // A user the app has not identified yet has no profile to keep preferences on.
  if (!user.profileId) throw notFound("Profile");
  const topics = await setProfilePreferences({
    workspaceId: user.workspace.id,
    profileId: user.profileId,
    changes: preferences,
    source: "inbox",
  });
  return Response.json({ topics });
});

export const OPTIONS = inboxPreflight;
