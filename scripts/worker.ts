// npm run worker: a standalone background worker (email delivery, and the
// journey engine's tasks once they exist) for scaling out beside the web
// processes. It needs the shared database, so DATABASE_URL is required; it
// never starts an embedded PostgreSQL of its own. SIGINT/SIGTERM stop it
// after the current round.
import { disconnectPrisma } from "@/lib/db/client";
import { parsePort } from "@/lib/runtime/check-port";
import { startBackgroundWork } from "@/lib/worker/background";

const log = (line: string) => console.log(`[cue worker] ${line}`);

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.error(
      "[cue worker] DATABASE_URL is not set; a standalone worker needs the same PostgreSQL as the web app.",
    );
    process.exit(1);
  }
  const worker = await startBackgroundWork(log);
  // Its own counters, scraped like a web process's (lib/metrics/serve-metrics.ts).
  if (process.env.METRICS_PORT) {
    const { serveWorkerMetrics } = await import("@/lib/metrics/serve-metrics");
    const port = parsePort(process.env.METRICS_PORT, 9464);
    await serveWorkerMetrics(port);
    log(`Metrics at http://localhost:${port}/metrics (METRICS_TOKEN required).`);
  }
  log("Started; waiting for work.");

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, stopping…`);
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await worker.stop();
    await disconnectPrisma();
    process.exit(0);
  };
  process.on("SIGINT", (signal) => void stop(signal));
  process.on("SIGTERM", (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  console.error(`[cue worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
