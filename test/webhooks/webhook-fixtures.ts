import { POST as createRoute } from "@/app/api/v1/webhooks/route";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-webhooks";
import type { WebhookEventType } from "@/lib/webhooks/event-types";
import type { TestWorkspace } from "@/test/fixtures/workspace";

export const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });

export function apiRequest(
  path: string,
  secretKey: string,
  init: { method?: string; body?: unknown } = {},
): Request {
  return new Request(`http://cue.test${path}`, {
    method: init.method ?? "GET",
    headers: {
      authorization: `Bearer ${secretKey}`,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** Creates an endpoint through the public API; returns its id and secret. */
export async function createEndpoint(
  ws: TestWorkspace,
  url: string,
  eventTypes: WebhookEventType[],
): Promise<{ id: string; secret: string }> {
  const response = await createRoute(
    apiRequest("/api/v1/webhooks", ws.secretKey, {
      method: "POST",
      body: { url, eventTypes, description: "test receiver" },
    }),
    ctx({}),
  );
  if (response.status !== 201)
    throw new Error(`create: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { webhook: { id: string }; secret: string };
  return { id: body.webhook.id, secret: body.secret };
}

/** Runs delivery rounds at `now` until nothing more is due. */
export async function deliverAll(now = new Date()): Promise<number> {
  let total = 0;
  for (let i = 0; i < 20; i++) {
    const n = await deliverDueWebhooks({ now, random: () => 0.5 });
    if (n === 0) break;
    total += n;
  }
  return total;
}
