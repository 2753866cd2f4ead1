import "server-only";
import { prisma } from "@/lib/db/client";
import { getEndpointOrThrow } from "./manage-webhooks";

// The delivery log of one endpoint: newest first, each delivery with its
// attempts (status code, duration, response snippet), keyset-paged by id.

export interface DeliveryAttemptView {
  at: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  response: string | null;
  trigger: string;
}

export interface DeliveryView {
  id: string;
  eventType: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  payload: unknown;
  attemptLog: DeliveryAttemptView[];
}

export async function listDeliveries(
  workspaceId: string,
  endpointId: string,
  query: { status?: string; limit: number; before?: string },
): Promise<{ deliveries: DeliveryView[]; nextCursor: string | null }> {
  const endpoint = await getEndpointOrThrow(workspaceId, endpointId);
  const before = query.before
    ? await prisma.webhookMessage.findFirst({
        where: { id: query.before, workspaceId, endpointId: endpoint.id },
        select: { createdAt: true, id: true },
      })
    : null;
  const rows = await prisma.webhookMessage.findMany({
    where: {
      workspaceId,
      endpointId: endpoint.id,
      status: query.status,
      ...(before
        ? {
            OR: [
              { createdAt: { lt: before.createdAt } },
              { createdAt: before.createdAt, id: { lt: before.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const attempts = await prisma.webhookAttempt.findMany({
    where: { workspaceId, messageId: { in: page.map((r) => r.id) } },
    orderBy: { id: "asc" },
  });
  const byMessage = new Map<string, typeof attempts>();
  for (const attempt of attempts) {
    const list = byMessage.get(attempt.messageId) ?? [];
    list.push(attempt);
    byMessage.set(attempt.messageId, list);
  }
  return {
    deliveries: page.map((row) => ({
      id: row.id,
      eventType: row.eventType,
      status: row.status,
      attempts: row.attempts,
      nextAttemptAt: row.status === "pending" ? (row.nextAttemptAt?.toISOString() ?? null) : null,
      lastStatus: row.lastStatus,
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      payload: row.payload,
      attemptLog: (byMessage.get(row.id) ?? []).map((a) => ({
        at: a.at.toISOString(),
        statusCode: a.statusCode,
        durationMs: a.durationMs,
        error: a.error,
        response: a.responseBody,
        trigger: a.trigger,
      })),
    })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
