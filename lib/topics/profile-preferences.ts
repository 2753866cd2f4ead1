import "server-only";
import { ApiError, type FieldIssue } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { Channel } from "@/lib/generated/prisma/client";
import type { PreferenceChange } from "./topic-schemas";
import type { TopicPreferenceView } from "./topic-view";

// A profile's per-topic, per-channel preferences. Every change is a row with
// its time (topic_preference_changes); the value now is the latest row, and
// the engine reads the rows as of each decision. A profile that never chose
// is subscribed. Setting a value equal to the current one writes nothing.

export type PreferenceSource = "page" | "one_click" | "inbox" | "api" | "trait";

const CHANNELS: readonly Channel[] = ["email", "in_app"];

/** The latest change per (topic, channel) at or before `at` (default: all of them). */
async function latestChanges(workspaceId: string, profileId: string, at?: Date) {
  return prisma.topicPreferenceChange.findMany({
    where: { workspaceId, profileId, ...(at && { at: { lte: at } }) },
    orderBy: [{ topicId: "asc" }, { channel: "asc" }, { at: "desc" }, { id: "desc" }],
    distinct: ["topicId", "channel"],
    select: { topicId: true, channel: true, subscribed: true },
  });
}

/** Every topic of the workspace with the profile's choice on each channel. */
export async function getProfilePreferences(
  workspaceId: string,
  profileId: string | null,
): Promise<TopicPreferenceView[]> {
  const [topics, changes] = await Promise.all([
    prisma.topic.findMany({ where: { workspaceId }, orderBy: [{ name: "asc" }, { key: "asc" }] }),
    profileId ? latestChanges(workspaceId, profileId) : Promise.resolve([]),
  ]);
  const current = new Map(changes.map((c) => [`${c.topicId}:${c.channel}`, c.subscribed]));
  return topics.map((topic) => {
    const channel = (c: Channel) =>
      !topic.unsubscribable || (current.get(`${topic.id}:${c}`) ?? true);
    return {
      topic: topic.key,
      name: topic.name,
      description: topic.description,
      unsubscribable: topic.unsubscribable,
      channels: { email: channel("email"), in_app: channel("in_app") },
    };
  });
}

/**
 * Records the changes (each naming a topic by key) at `at`. An unknown topic,
 * or an opt-out of a topic that cannot be unsubscribed from, is a 422 naming
 * the entry; nothing is written then.
 */
export async function setProfilePreferences(input: {
  workspaceId: string;
  profileId: string;
  changes: readonly PreferenceChange[];
  source: PreferenceSource;
  at?: Date;
}): Promise<TopicPreferenceView[]> {
  const { workspaceId, profileId, changes, source } = input;
  const at = input.at ?? new Date();
  const keys = [...new Set(changes.map((c) => c.topic))];
  const topics = await prisma.topic.findMany({ where: { workspaceId, key: { in: keys } } });
  const byKey = new Map(topics.map((t) => [t.key, t]));
  const issues: FieldIssue[] = [];
  changes.forEach((change, i) => {
    const topic = byKey.get(change.topic);
    if (!topic) {
      issues.push({ field: `preferences.${i}.topic`, message: `No topic "${change.topic}".` });
    } else if (!topic.unsubscribable && !change.subscribed) {
      issues.push({
        field: `preferences.${i}.subscribed`,
        message: `"${topic.name}" cannot be unsubscribed from.`,
      });
    }
  });
  if (issues.length > 0) {
    throw new ApiError("validation_failed", issues[0].message, { details: { issues } });
  }
  const current = new Map(
    (await latestChanges(workspaceId, profileId)).map((c) => [
      `${c.topicId}:${c.channel}`,
      c.subscribed,
    ]),
  );
  // The last entry for a (topic, channel) wins within one request.
  const wanted = new Map<string, { topicId: string; channel: Channel; subscribed: boolean }>();
  for (const change of changes) {
    const topic = byKey.get(change.topic);
    if (!topic?.unsubscribable) continue;
    wanted.set(`${topic.id}:${change.channel}`, {
      topicId: topic.id,
      channel: change.channel,
      subscribed: change.subscribed,
    });
  }
  const rows = [...wanted.entries()]
    .filter(([key, w]) => (current.get(key) ?? true) !== w.subscribed)
    .map(([, w]) => ({ workspaceId, profileId, ...w, at, source }));
  if (rows.length > 0) await prisma.topicPreferenceChange.createMany({ data: rows });
  return getProfilePreferences(workspaceId, profileId);
}

/** Opts the profile out of one topic on every channel or just one (the one-click link: email). */
export async function optOutOfTopic(input: {
  workspaceId: string;
  profileId: string;
  topic: string;
  channels?: readonly Channel[];
  source: PreferenceSource;
  at?: Date;
}): Promise<boolean> {
  const topic = await prisma.topic.findUnique({
    where: { workspaceId_key: { workspaceId: input.workspaceId, key: input.topic } },
  });
  if (!topic?.unsubscribable) return false;
  await setProfilePreferences({
    workspaceId: input.workspaceId,
    profileId: input.profileId,
    changes: (input.channels ?? CHANNELS).map((channel) => ({
      topic: topic.key,
      channel,
      subscribed: false,
    })),
    source: input.source,
    at: input.at,
  });
  return true;
}
