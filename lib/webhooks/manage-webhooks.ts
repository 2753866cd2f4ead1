import "server-only";
import { randomUUID } from "node:crypto";
import { ApiError, notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { sql, sqlTransaction } from "@/lib/db/sql";
import type { WebhookEndpoint } from "@/lib/generated/prisma/client";
import { notifyWorkers } from "@/lib/worker/run-worker";
import { failPending } from "./deliver-webhooks";
import { TEST_EVENT_TYPE } from "./event-types";
import { isPrivateAddress, privateTargetsAllowed } from "./private-network";
import type { CreateWebhookInput, UpdateWebhookInput } from "./webhook-schemas";
import { generateWebhookSecret, SECRET_OVERLAP_MS } from "./webhook-secret";
import { WEBHOOKS_TASK } from "./webhooks-task";

// Endpoints: create, read, update, delete, rotate the secret, send a test
// event. Every query is scoped by workspaceId; another workspace's endpoint
// is a 404. The secret is returned only by create and rotate.

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  /** "manual", or "failing" when Cue disabled it after a day of failed attempts. */
  disabledReason: string | null;
  disabledAt: string | null;
  /** Start of the current run of failed attempts. */
  failingSince: string | null;
  /** Until when the previous secret still signs (after a rotation). */
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function endpointView(endpoint: WebhookEndpoint, now = new Date()): WebhookEndpointView {
  const overlap =
    endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now
      ? endpoint.previousSecretExpiresAt.toISOString()
      : null;
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    disabledAt: endpoint.disabledAt?.toISOString() ?? null,
    failingSince: endpoint.failingSince?.toISOString() ?? null,
    previousSecretExpiresAt: overlap,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}

/** A literal private address is refused when saved; names are checked at delivery time. */
function assertAllowedTarget(url: string): void {
  if (privateTargetsAllowed()) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  if (isPrivateAddress(host) || host === "localhost" || host.endsWith(".localhost")) {
    throw new ApiError(
      "validation_failed",
      "url: private and loopback addresses are not allowed (an admin can set CUE_WEBHOOKS_ALLOW_PRIVATE=1).",
      { details: { issues: [{ field: "url", message: "Private or loopback address." }] } },
    );
  }
}

export async function getEndpointOrThrow(
  workspaceId: string,
  id: string,
): Promise<WebhookEndpoint> {
  const endpoint = await prisma.webhookEndpoint.findFirst({ where: { id, workspaceId } });
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}

export async function listEndpoints(workspaceId: string): Promise<WebhookEndpointView[]> {
  const rows = await prisma.webhookEndpoint.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => endpointView(row));
}

/** Each endpoint gets its own copy of every event it subscribes to; this keeps that bounded. */
export const MAX_ENDPOINTS = 50;

export async function createEndpoint(
  workspaceId: string,
  input: CreateWebhookInput,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  assertAllowedTarget(input.url);
  if ((await prisma.webhookEndpoint.count({ where: { workspaceId } })) >= MAX_ENDPOINTS) {
    throw new ApiError(
      "conflict",
      `A workspace can have at most ${MAX_ENDPOINTS} webhook endpoints; delete one first.`,
    );
  }
  const secret = generateWebhookSecret();
  const endpoint = await prisma.webhookEndpoint.create({
    data: {
      workspaceId,
      url: input.url,
      description: input.description,
      eventTypes: input.eventTypes,
      enabled: input.enabled,
      disabledReason: input.enabled ? null : "manual",
      disabledAt: input.enabled ? null : new Date(),
      secret,
    },
  });
  return { endpoint: endpointView(endpoint), secret };
}

export async function updateEndpoint(
  workspaceId: string,
  id: string,
  input: UpdateWebhookInput,
): Promise<WebhookEndpointView> {
  const current = await getEndpointOrThrow(workspaceId, id);
  if (input.url) assertAllowedTarget(input.url);
  const now = new Date();
  const toggled = input.enabled !== undefined && input.enabled !== current.enabled;
  const updated = await prisma.webhookEndpoint.update({
    where: { id: current.id },
    data: {
      url: input.url,
      description: input.description,
      eventTypes: input.eventTypes,
      ...(toggled && input.enabled
        ? { enabled: true, disabledReason: null, disabledAt: null, failingSince: null }
        : {}),
      ...(toggled && !input.enabled
        ? { enabled: false, disabledReason: "manual", disabledAt: now }
        : {}),
    },
  });
  if (toggled && !input.enabled) {
    await sqlTransaction((tx) => failPending(tx, current.id, "endpoint disabled", now));
  }
  return endpointView(updated);
}

export async function deleteEndpoint(workspaceId: string, id: string): Promise<void> {
  const endpoint = await getEndpointOrThrow(workspaceId, id);
  await prisma.$transaction([
    prisma.webhookAttempt.deleteMany({ where: { workspaceId, endpointId: endpoint.id } }),
    prisma.webhookMessage.deleteMany({ where: { workspaceId, endpointId: endpoint.id } }),
    prisma.webhookEndpoint.delete({ where: { id: endpoint.id } }),
  ]);
}

/** A new secret; the old one keeps signing alongside for SECRET_OVERLAP_MS. */
export async function rotateSecret(
  workspaceId: string,
  id: string,
  now = new Date(),
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const current = await getEndpointOrThrow(workspaceId, id);
  const secret = generateWebhookSecret();
  const updated = await prisma.webhookEndpoint.update({
    where: { id: current.id },
    data: {
      secret,
      previousSecret: current.secret,
      previousSecretExpiresAt: new Date(now.getTime() + SECRET_OVERLAP_MS),
    },
  });
  return { endpoint: endpointView(updated, now), secret };
}

/** Queues a `webhook.test` event for this endpoint, delivered like any other. */
export async function sendTestEvent(
  workspaceId: string,
  id: string,
): Promise<{ deliveryId: string }> {
  const endpoint = await getEndpointOrThrow(workspaceId, id);
  if (!endpoint.enabled) {
    throw new ApiError("conflict", "This endpoint is disabled; enable it to send a test event.");
  }
  const now = new Date();
  const deliveryId = `msg_${randomUUID().replaceAll("-", "")}`;
  await sqlTransaction(async (tx) => {
    const payload = {
      type: TEST_EVENT_TYPE,
      timestamp: now.toISOString(),
      data: { endpointId: endpoint.id, message: "A test event from Cue." },
    };
    await tx.$executeRaw`
      INSERT INTO webhook_messages (id, "workspaceId", "endpointId", "eventType", payload, status,
        "nextAttemptAt", "createdAt", "updatedAt")
      VALUES (${deliveryId}, ${workspaceId}, ${endpoint.id}, ${TEST_EVENT_TYPE},
        ${JSON.stringify(payload)}::jsonb, 'pending', ${now}::timestamp(3), ${now}::timestamp(3),
        ${now}::timestamp(3))`;
    await notifyWorkers(tx, WEBHOOKS_TASK);
  });
  return { deliveryId };
}

/** Sends a delivery again now (a new series of attempts with the same webhook-id). */
export async function replayDelivery(
  workspaceId: string,
  endpointId: string,
  deliveryId: string,
): Promise<void> {
  const endpoint = await getEndpointOrThrow(workspaceId, endpointId);
  if (!endpoint.enabled) {
    throw new ApiError("conflict", "This endpoint is disabled; enable it before replaying.");
  }
  const now = new Date();
  const replayed = await sqlTransaction(async (tx) => {
    const count = await tx.$executeRaw`
      UPDATE webhook_messages SET status = 'pending', attempts = 0, "leaseId" = NULL,
        "nextAttemptAt" = ${now}::timestamp(3), "replayedAt" = ${now}::timestamp(3),
        "updatedAt" = ${now}::timestamp(3)
      WHERE id = ${deliveryId} AND "endpointId" = ${endpoint.id} AND "workspaceId" = ${workspaceId}
        AND status <> 'pending'`;
    if (count > 0) await notifyWorkers(tx, WEBHOOKS_TASK);
    return count;
  });
  if (replayed === 0) {
    const exists = await sql.$queryRaw<{ status: string }[]>`
      SELECT status FROM webhook_messages
      WHERE id = ${deliveryId} AND "endpointId" = ${endpoint.id} AND "workspaceId" = ${workspaceId}`;
    if (!exists[0]) throw notFound("Delivery");
    throw new ApiError("conflict", "This delivery is still pending; it will be sent as scheduled.");
  }
}
