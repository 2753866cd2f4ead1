import "server-only";
import { createServer, type Server } from "node:http";
import { errorReply } from "@/lib/api/errors";
import { answerMetrics } from "./answer-metrics";

// `npm run worker` serves no HTTP, so its own counters (engine lag, provider
// calls, deliveries) would be invisible: with METRICS_PORT set it answers
// GET /metrics there, under the same METRICS_TOKEN rule as the web process.

export async function serveWorkerMetrics(
  port: number,
  host = process.env.HOST ?? "0.0.0.0",
): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "GET" || path !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
      return;
    }
    answerMetrics(req.headers.authorization ?? null).then(
      ({ contentType, body }) =>
        res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" }).end(body),
      (error: unknown) => {
        const reply = errorReply(error, { route: "/metrics" });
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (reply.status === 401) headers["www-authenticate"] = 'Bearer realm="metrics"';
        res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  return server;
}
