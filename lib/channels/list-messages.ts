import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { readPrisma } from "@/lib/db/client";
import type { Message, Prisma } from "@/lib/generated/prisma/client";
import { MessageStatus } from "@/lib/generated/prisma/enums";
import { decodeMessageCursor, encodeMessageCursor } from "./message-cursor";

const statuses = Object.values(MessageStatus) as [MessageStatus, ...MessageStatus[]];

/** GET /api/w/:workspaceId/messages: status may list several, comma-separated. */
export const listMessagesQuerySchema = z.strictObject({
  status: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(statuses)))
    .optional(),
  channel: z.enum(["email", "in_app"]).optional(),
  profileId: z.uuid().optional(),
  source: z.enum(["journey", "api", "test"]).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListMessagesQuery = z.infer<typeof listMessagesQuerySchema>;

export interface MessageSummary {
  id: string;
  channel: Message["channel"];
  status: MessageStatus;
  source: string;
  profileId: string;
  profile: { userId: string | null; email: string | null } | null;
  toAddress: string | null;
  subject: string | null;
  transactional: boolean;
  journeyId: string | null;
  runId: string | null;
  nodeId: string | null;
  templateId: string | null;
  providerId: string | null;
  error: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
  sentAt: string | null;
  updatedAt: string;
}

/** Newest first; the cursor is the last item's (createdAt, id), so pages never skip or repeat. */
export async function listMessages(input: {
  workspaceId: string;
  query: ListMessagesQuery;
}): Promise<{ messages: MessageSummary[]; nextCursor: string | null }> {
  const { workspaceId, query } = input;
  const after = query.cursor ? decodeCursorOrThrow(query.cursor) : null;
  const where: Prisma.MessageWhereInput = {
    workspaceId,
    ...(query.status?.length ? { status: { in: query.status } } : {}),
    ...(query.channel ? { channel: query.channel } : {}),
    ...(query.profileId ? { profileId: query.profileId } : {}),
    ...(query.source ? { source: query.source } : {}),
    ...(after
      ? {
          OR: [
            { createdAt: { lt: after.createdAt } },
            { createdAt: after.createdAt, id: { lt: after.id } },
          ],
        }
      : {}),
  };
  const rows = await readPrisma.message.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    omit: { rendered: true },
  });
  const page = rows.slice(0, query.limit);
  const profiles = await readPrisma.profile.findMany({
    where: { workspaceId, id: { in: [...new Set(page.map((m) => m.profileId))] } },
    select: { id: true, userId: true, email: true },
  });
  const byId = new Map(profiles.map((p) => [p.id, { userId: p.userId, email: p.email }]));
  const last = page.at(-1);
  return {
    messages: page.map((m) => toSummary(m, byId.get(m.profileId) ?? null)),
    nextCursor: rows.length > query.limit && last ? encodeMessageCursor(last) : null,
  };
}

export function toSummary(
  m: Omit<Message, "rendered">,
  profile: MessageSummary["profile"],
): MessageSummary {
  return {
    id: m.id,
    channel: m.channel,
    status: m.status,
    source: m.source,
    profileId: m.profileId,
    profile,
    toAddress: m.toAddress,
    subject: m.subject,
    transactional: m.transactional,
    journeyId: m.journeyId,
    runId: m.runId,
    nodeId: m.nodeId,
    templateId: m.templateId,
    providerId: m.providerId,
    error: m.error,
    attempts: m.attempts,
    nextAttemptAt: m.nextAttemptAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    updatedAt: m.updatedAt.toISOString(),
  };
}

function decodeCursorOrThrow(cursor: string): { createdAt: Date; id: string } {
  const decoded = decodeMessageCursor(cursor);
  if (!decoded) {
    throw new ApiError("bad_request", "The cursor is not valid; start from the first page.");
  }
  return decoded;
}
