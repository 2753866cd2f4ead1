// Subscription topics as a delivery gate. A send names a topic by its key (or
// none); the profile's preferences are a history of changes per topic and
// channel, and the value that counts is the latest change at or before the
// decision's instant, so live traffic, backtests and "why not?" agree.
// The shell passes only the topics that can be unsubscribed from: a topic
// marked not unsubscribable (transactional) has no preferences to read.

import type { Channel, ProfileFacts, TopicPreference } from "./facts";

/** The preference in force at `at` for one topic and channel; null when the profile never chose. */
export function topicPreferenceAt(
  preferences: readonly TopicPreference[] | undefined,
  topic: string,
  channel: Channel,
  at: Date,
): TopicPreference | null {
  let found: TopicPreference | null = null;
  for (const p of preferences ?? []) {
    if (p.topic !== topic || p.channel !== channel || p.at.getTime() > at.getTime()) continue;
    if (!found || p.at.getTime() >= found.at.getTime()) found = p;
  }
  return found;
}

export interface TopicOptOut {
  topic: string;
  topicName: string;
  channel: Channel;
  since: Date;
  reason: string;
}

/** Whether a send on `topic` over `channel` at `at` goes to a profile that opted out of it. */
export function topicOptOut(
  profile: Pick<ProfileFacts, "topicPreferences">,
  topic: string | null | undefined,
  channel: Channel,
  at: Date,
): TopicOptOut | null {
  if (!topic) return null;
  const preference = topicPreferenceAt(profile.topicPreferences, topic, channel, at);
  if (!preference || preference.subscribed) return null;
  const how = channel === "email" ? "email" : "in-app messages";
  return {
    topic,
    topicName: preference.topicName,
    channel,
    since: preference.at,
    reason: `Opted out of topic "${preference.topicName}" for ${how} (since ${preference.at.toISOString()})`,
  };
}
