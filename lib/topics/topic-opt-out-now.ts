import "server-only";
import type { MessageContent } from "@/lib/channels/message-content";
import { prisma } from "@/lib/db/client";
import { type TopicOptOut, topicOptOut } from "@/lib/journey-core/topic-preferences";

/** The topic a message's content names, if any. */
export function topicOfContent(content: MessageContent): string | undefined {
  return content.channel === "email" ? content.email.topic : content.inApp.topic;
}

/**
 * Whether a send of `content` to the profile at `at` goes to a topic it opted
 * out of on that channel, judged by the journey core's own gate
 * (journey-core/topic-preferences.ts) so the API and journeys agree. A topic
 * that cannot be unsubscribed from, transactional email, an unknown topic and
 * a profile that never chose all pass.
 */
export async function topicOptOutNow(input: {
  workspaceId: string;
  profileId: string;
  content: MessageContent;
  at?: Date;
}): Promise<TopicOptOut | null> {
  const key = topicOfContent(input.content);
  // Transactional email ignores opt-outs, as in journeys (delivery-rules.ts).
  if (!key || (input.content.channel === "email" && input.content.email.transactional)) {
    return null;
  }
  const at = input.at ?? new Date();
  const topic = await prisma.topic.findUnique({
    where: { workspaceId_key: { workspaceId: input.workspaceId, key } },
  });
  if (!topic?.unsubscribable) return null;
  const channel = input.content.channel;
  const latest = await prisma.topicPreferenceChange.findFirst({
    where: {
      workspaceId: input.workspaceId,
      profileId: input.profileId,
      topicId: topic.id,
      channel,
      at: { lte: at },
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
  });
  if (!latest) return null;
  const preference = {
    topic: key,
    topicName: topic.name,
    channel,
    subscribed: latest.subscribed,
    at: latest.at,
  };
  return topicOptOut({ topicPreferences: [preference] }, key, channel, at);
}
