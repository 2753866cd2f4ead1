// The Segment calls bench:ingest sends, and how it sends them.
import http from "node:http";
import https from "node:https";
import {
  AUTH,
  BATCH_SIZE,
  CONNECTIONS,
  CUE_URL,
  EVENTS,
  PLANS,
  runId,
  USERS,
} from "./ingest-config";

let sequence = 0;

/** One Segment call, shaped like what analytics-node sends. */
export function makeCall(): Record<string, unknown> {
  const n = sequence++;
  const user = Math.floor(Math.random() * USERS);
  const base = {
    messageId: `bench-${runId}-${n}`,
    userId: `bench-user-${user}`,
    timestamp: new Date().toISOString(),
    context: { library: { name: "cue-bench", version: "1" }, timezone: "Europe/Paris" },
  };
  const dice = n % 20;
  if (dice === 0) {
    return {
      ...base,
      type: "identify",
      traits: { email: `bench-user-${user}@example.com`, plan: PLANS[user % PLANS.length] },
    };
  }
  if (dice === 1) {
    return {
      ...base,
      type: "page",
      name: "Pricing",
      properties: { path: "/pricing", referrer: "" },
    };
  }
  return {
    ...base,
    type: "track",
    event: EVENTS[n % EVENTS.length],
    properties: {
      sku: `sku-${n % 500}`,
      price: (n % 100) + 0.99,
      currency: "EUR",
      tags: ["a", "b"],
    },
  };
}

/** One identify per user of the pool, in batches over all connections. */
export async function identifyPool(): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < USERS) {
        const start = next;
        next += BATCH_SIZE;
        const batch = [];
        for (let user = start; user < Math.min(start + BATCH_SIZE, USERS); user++) {
          batch.push({
            type: "identify",
            messageId: `bench-${runId}-identify-${user}`,
            userId: `bench-user-${user}`,
            traits: { email: `bench-user-${user}@example.com`, plan: PLANS[user % PLANS.length] },
          });
        }
        const { status } = await post("/api/v1/batch", { batch });
        if (status !== 200) throw new Error(`warm-up batch answered ${status}`);
      }
    }),
  );
}

// node:http with a keep-alive agent rather than fetch: the client shares the
// server's 2 cores, and undici's fetch cost about twice the CPU per request.
// No socket limit, so the open-loop /track phase never queues in the client.
const target = new URL(CUE_URL);
const client = target.protocol === "https:" ? https : http;
const agent = new client.Agent({ keepAlive: true });

export function post(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        host: target.hostname,
        port: target.port || (target.protocol === "https:" ? 443 : 80),
        path: `${target.pathname.replace(/\/$/, "")}${path}`,
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": payload.length,
          authorization: AUTH,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          let json: unknown = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          } catch {
            // non-JSON error page; the status tells enough
          }
          resolve({ status: response.statusCode ?? 0, json });
        });
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

export function acceptedCount(json: unknown, sent: number): number {
  const body = json as { success?: boolean; accepted?: number } | null;
  if (!body?.success) return 0;
  return typeof body.accepted === "number" ? body.accepted : sent;
}
