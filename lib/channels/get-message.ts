import "server-only";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { type MessageSummary, toSummary } from "./list-messages";

export interface MessageDetail extends MessageSummary {
  /** What was (or, in the Outbox, would have been) delivered: RenderedMessage. */
  rendered: unknown;
  /** True for Outbox messages: rendered here, never handed to a provider. */
  notSent: boolean;
  events: { id: string; type: string; at: string; data: unknown }[];
}

export async function getMessageOrThrow(input: {
  workspaceId: string;
  messageId: string;
}): Promise<MessageDetail> {
  const message = await prisma.message.findFirst({
    where: { id: input.messageId, workspaceId: input.workspaceId },
    include: { events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
  });
  if (!message) throw notFound("Message");
  const profile = await prisma.profile.findFirst({
    where: { id: message.profileId, workspaceId: input.workspaceId },
    select: { userId: true, email: true },
  });
  return {
    ...toSummary(message, profile),
    rendered: message.rendered,
    notSent: message.status === "outbox",
    events: message.events.map((e) => ({
      id: e.id.toString(),
      type: e.type,
      at: e.at.toISOString(),
      data: e.data,
    })),
  };
}
