// Helpers of bench:engine: timing, figures, requests and journey shapes.
import http from "node:http";
import https from "node:https";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";

export const ms = (t0: number) => performance.now() - t0;
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
export const log = (line: string) => console.log(line);

/**
 * fetch, retried once on a reset socket: Node's keep-alive can close an idle
 * socket just as the client reuses it. Safe here: GETs, and /track carries a
 * messageId (a repeat is stored once).
 */
export async function request(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}
export const quiet = () => {};

export const line = (
  trigger: Record<string, unknown>,
  nodes: Record<string, unknown>[],
): JourneyDefinitionInput => {
  const all = [{ id: "trigger", type: "trigger", trigger }, ...nodes, { id: "end", type: "exit" }];
  return {
    version: 1,
    nodes: all,
    edges: all.slice(1).map((node, i) => ({ from: String(all[i]?.id), to: String(node.id) })),
    settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
  } as JourneyDefinitionInput;
};
export const delay = (amount: number, unit: string) => ({
  id: "wait",
  type: "delay",
  delay: { kind: "duration", duration: { amount, unit } },
});

const agents = new Map<string, http.Agent>();

/**
 * A POST on node:http with a keep-alive agent and no socket limit: cheaper
 * for the client than fetch (which shares the server's cores here), and an
 * open-loop request never queues in the client.
 */
export function postJson(
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  let agent = agents.get(target.origin);
  if (!agent) {
    agent = new client.Agent({ keepAlive: true });
    agents.set(target.origin, agent);
  }
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: "POST",
        agent,
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": payload.length,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}
