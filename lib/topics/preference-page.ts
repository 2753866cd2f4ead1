import "server-only";
import { unsubscribeWithToken } from "@/lib/channels/unsubscribe-profile";
import { verifyUnsubscribeToken } from "@/lib/channels/unsubscribe-token";
import type { Channel } from "@/lib/generated/prisma/client";
import { getProfilePreferences, optOutOfTopic, setProfilePreferences } from "./profile-preferences";
import type { PreferenceChange } from "./topic-schemas";
import type { TopicPreferenceView } from "./topic-view";

// The hosted preference page and the one-click link, behind the unsubscribe
// token of every marketing email (lib/channels/unsubscribe-token.ts): no
// sign-in, the signed token names the workspace and the profile.

export const PREFERENCE_CHANNELS: readonly Channel[] = ["email", "in_app"];

/** The checkbox of one topic and channel in the page's form. */
export const preferenceField = (topic: string, channel: Channel) => `pref:${topic}:${channel}`;

/** Every topic with the profile's choice per channel; null for a bad token. */
export async function preferencesForToken(token: string): Promise<TopicPreferenceView[] | null> {
  const subject = await verifyUnsubscribeToken(token);
  if (!subject) return null;
  return getProfilePreferences(subject.workspaceId, subject.profileId);
}

/**
 * RFC 8058 one-click: with the message's topic, opts out of that topic's email
 * only; without one (or a topic that is gone or cannot be unsubscribed from),
 * unsubscribes from all marketing email, as before topics. False for a bad token.
 */
export async function oneClickUnsubscribe(
  token: string,
  topic: string | null,
  now = new Date(),
): Promise<boolean> {
  const subject = await verifyUnsubscribeToken(token);
  if (!subject) return false;
  if (topic) {
    const done = await optOutOfTopic({
      ...subject,
      topic,
      channels: ["email"],
      source: "one_click",
      at: now,
    }).catch(() => false);
    if (done) return true;
  }
  return unsubscribeWithToken(token, now);
}

/**
 * The page's form: the listed topics (hidden `topics` fields) and a checkbox
 * per topic and channel that is on when subscribed. False for a bad token.
 */
export async function savePreferencesForm(token: string, form: FormData): Promise<boolean> {
  const subject = await verifyUnsubscribeToken(token);
  if (!subject) return false;
  const listed = await getProfilePreferences(subject.workspaceId, subject.profileId);
  const shown = new Set(form.getAll("topics").map(String));
  const changes: PreferenceChange[] = listed
    .filter((t) => t.unsubscribable && shown.has(t.topic))
    .flatMap((t) =>
      PREFERENCE_CHANNELS.map((channel) => ({
        topic: t.topic,
        channel,
        subscribed: form.get(preferenceField(t.topic, channel)) === "on",
      })),
    );
  if (changes.length > 0) {
    await setProfilePreferences({ ...subject, changes, source: "page" });
  }
  return true;
}
