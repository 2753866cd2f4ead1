import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

// A real HTTP receiver for outbound webhooks: records every request and
// verifies its signature with the `standardwebhooks` library, as a
// customer's server would. Answers are scripted (status, headers), 200 by default.

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Answer this long after the request arrived. */
  delayMs?: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Answers for the next requests, in order; then 200. */
  answer(...answers: ScriptedAnswer[]): void;
  /** Whether `secret` verifies this request (throws nothing). */
  verifies(request: ReceivedWebhook, secret: string): boolean;
  reset(): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let script: ScriptedAnswer[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    received.push({ headers: req.headers, body, payload: JSON.parse(body) });
    const next = script.shift() ?? { status: 200, body: "ok" };
    if (next.delayMs) await new Promise((resolve) => setTimeout(resolve, next.delayMs));
    if (res.destroyed) return;
    res.writeHead(next.status, next.headers ?? {});
    res.end(next.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answer: (...answers) => {
      script.push(...answers);
    },
    verifies(request, secret) {
      try {
        new Webhook(secret).verify(request.body, {
          "webhook-id": String(request.headers["webhook-id"]),
          "webhook-timestamp": String(request.headers["webhook-timestamp"]),
          "webhook-signature": String(request.headers["webhook-signature"]),
        });
        return true;
      } catch {
        return false;
      }
    },
    reset() {
      received.length = 0;
      script = [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
