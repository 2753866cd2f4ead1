import "server-only";
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { listDeliveries } from "./list-deliveries";
import {
  createEndpoint,
  deleteEndpoint,
  endpointView,
  getEndpointOrThrow,
  listEndpoints,
  replayDelivery,
  rotateSecret,
  sendTestEvent,
  updateEndpoint,
} from "./manage-webhooks";
import {
  createWebhookSchema,
  listDeliveriesQuerySchema,
  updateWebhookSchema,
} from "./webhook-schemas";

// The webhooks API behind both doors: /api/v1/webhooks (secret key) and
// /api/w/:workspaceId/webhooks (session, the Settings page). Each route
// authenticates, then calls one of these with the workspace it resolved.

const query = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

export async function listWebhooksResponse(workspaceId: string): Promise<Response> {
  return Response.json({ webhooks: await listEndpoints(workspaceId) });
}

export async function createWebhookResponse(workspaceId: string, request: Request) {
  const input = parseOrThrow(createWebhookSchema, await readJson(request));
  const { endpoint, secret } = await createEndpoint(workspaceId, input);
  return Response.json({ webhook: endpoint, secret }, { status: 201 });
}

export async function getWebhookResponse(workspaceId: string, id: string) {
  return Response.json({ webhook: endpointView(await getEndpointOrThrow(workspaceId, id)) });
}

export async function updateWebhookResponse(workspaceId: string, id: string, request: Request) {
  const input = parseOrThrow(updateWebhookSchema, await readJson(request));
  return Response.json({ webhook: await updateEndpoint(workspaceId, id, input) });
}

export async function deleteWebhookResponse(workspaceId: string, id: string) {
  await deleteEndpoint(workspaceId, id);
  return new Response(null, { status: 204 });
}

export async function rotateSecretResponse(workspaceId: string, id: string) {
  const { endpoint, secret } = await rotateSecret(workspaceId, id);
  return Response.json({ webhook: endpoint, secret });
}

export async function testWebhookResponse(workspaceId: string, id: string) {
  return Response.json(await sendTestEvent(workspaceId, id), { status: 202 });
}

export async function listDeliveriesResponse(workspaceId: string, id: string, request: Request) {
  const parsed = parseOrThrow(listDeliveriesQuerySchema, query(request));
  return Response.json(await listDeliveries(workspaceId, id, parsed));
}

export async function replayDeliveryResponse(workspaceId: string, id: string, deliveryId: string) {
  await replayDelivery(workspaceId, id, deliveryId);
  return Response.json({ replayed: deliveryId }, { status: 202 });
}
