import "server-only";
import { prisma } from "@/lib/db/client";
import { getMessageOrThrow } from "./get-message";
import { listMessages } from "./list-messages";
import { firstTimes, toMessageDetailView, toMessageView } from "./message-view";
import type { MessageDetailView, MessageView } from "./message-view-schema";
import type { ListProfileMessagesQuery } from "./profile-messages-query";

// Messages for the secret-key API: one message with its lifecycle and
// timeline, and a profile's messages, newest first. Both read through the
// admin's functions (get-message.ts, list-messages.ts), scoped by workspace.

/** Another workspace's message is a 404, like a missing one. */
export async function getMessageView(input: {
  workspaceId: string;
  messageId: string;
}): Promise<MessageDetailView> {
  return toMessageDetailView(await getMessageOrThrow(input));
}

export async function listProfileMessages(input: {
  workspaceId: string;
  profileId: string;
  query: ListProfileMessagesQuery;
}): Promise<{ messages: MessageView[]; nextCursor: string | null }> {
  const { workspaceId, profileId, query } = input;
  const page = await listMessages({ workspaceId, query: { ...query, profileId } });
  // The lifecycle of the whole page in one read: each message's first time per event type.
  const firsts = await prisma.messageEvent.groupBy({
    by: ["messageId", "type"],
    where: { messageId: { in: page.messages.map((m) => m.id) }, message: { workspaceId } },
    _min: { at: true },
  });
  const byMessage = new Map<string, { type: string; at: string }[]>();
  for (const row of firsts) {
    if (!row._min.at) continue;
    const list = byMessage.get(row.messageId) ?? [];
    list.push({ type: row.type, at: row._min.at.toISOString() });
    byMessage.set(row.messageId, list);
  }
  return {
    messages: page.messages.map((m) => toMessageView(m, firstTimes(byMessage.get(m.id) ?? []))),
    nextCursor: page.nextCursor,
  };
}
