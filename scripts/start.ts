// npm start: one command runs Cue. It resolves the database (embedded
// PostgreSQL unless DATABASE_URL is set), applies migrations, seeds, builds
// only when sources changed, and serves the app and the worker in this one
// process. Operator faults print one line and exit 1.
//
// A start with nothing to do should answer within seconds, so code is loaded
// only when it has work: Next's while PostgreSQL boots, the demo seeding code
// only to seed, and the engine and worker only once the server listens (the
// demo journeys are checked then, before "Cue is ready"). Next is created
// only after every setting this script reads or sets is final, because it
// loads .env files into process.env as it starts.
import { createServer } from "node:http";
import path from "node:path";
import { disconnectPrisma } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { resolveDatabase } from "@/lib/db/resolve-database";
import { readReplicaUrl } from "@/lib/db/sql";
import { ensureEventPartitions } from "@/lib/events/event-partitions";
import { lineLogger, logger } from "@/lib/log/logger";
import { requestIdFrom, withRequestId } from "@/lib/log/request-context";
import { buildIfNeeded } from "@/lib/runtime/build-if-needed";
import { assertPortFree, parsePort, portInUse } from "@/lib/runtime/check-port";
import { ensureAuthSecret } from "@/lib/runtime/ensure-auth-secret";
import { seedAdminFromEnv } from "@/lib/runtime/seed-admin";
import { skipApiCompression } from "@/lib/runtime/skip-api-compression";
import { findSeededDemo, wantsDemo } from "@/lib/seed/demo-workspace";
import { isStartupError } from "@/lib/startup-error";

const log = lineLogger("info");
const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const shutdownTasks: (() => Promise<void>)[] = [];

async function main() {
  const port = parsePort(process.env.PORT, 3000);
  const hostname = process.env.HOST ?? "0.0.0.0";
  await assertPortFree(port);

  // Loads while the database starts; importing it reads no settings.
  const nextModule = import("next");
  nextModule.catch(() => {}); // awaited below; a failure surfaces there
  const database = await resolveDatabase({
    log,
    // Every restart of a dead embedded PostgreSQL failed: exit non-zero so a
    // process manager (systemd, Docker's restart policy) can take over.
    onEmbeddedGaveUp: () => void shutdown("Embedded PostgreSQL lost", 1),
  });
  shutdownTasks.push(database.stop);
  process.env.DATABASE_URL = database.url;
  log(database.embedded ? "Using the embedded PostgreSQL." : "Using DATABASE_URL.");
  const replica = readReplicaUrl();
  if (replica) {
    const host = URL.canParse(replica) ? new URL(replica).host : "an unparsable URL";
    log(`Analytics, exports, backtests and admin lists read DATABASE_READ_URL (${host}).`);
  }

  const { applied } = await applyMigrations(database.url, { log });
  if (applied.length > 0) log(`Applied ${applied.length} migration(s).`);
  // The coming weeks' partitions of events, before the first request (the
  // worker keeps them made; a web process without one relies on this).
  await ensureEventPartitions();
  await ensureAuthSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  await seedAdminFromEnv(process.env, log);
  const demo = (await wantsDemo()) ? await seedDemoWorkspace() : null;

  const [handle, direct] = await Promise.all([
    prepareNext(nextModule, port),
    // The handler table's endpoints (the tracking API, the inbox list),
    // served without Next's router (lib/http/serve-node.ts).
    dev ? null : import("@/lib/http/serve-node"),
  ]);
  const server = createServer((req, res) => {
    // Every log line written while serving it carries its id (lib/log/request-context.ts).
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    res.setHeader("x-request-id", requestId);
    withRequestId(requestId, () => {
      if (direct?.serveApiRoute(req, res)) return;
      skipApiCompression(req);
      void handle(req, res);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? portInUse(port) : error),
    );
    server.listen(port, hostname, resolve);
  });
  shutdownTasks.unshift(
    () => new Promise<void>((resolve) => server.close(() => resolve())),
    disconnectPrisma,
  );
  server.closeIdleConnections?.();

  if (demo) await publishDemoJourneys(demo.workspaceId);
  // One-command mode: the worker (email delivery, journey timers) runs here.
  // Set CUE_WORKER=false when separate `npm run worker` processes do it.
  if (process.env.CUE_WORKER !== "false") {
    const { startBackgroundWork } = await import("@/lib/worker/background");
    if (stopping) return;
    const background = await startBackgroundWork(log);
    // A Ctrl-C while the worker started ran the shutdown without it.
    if (stopping) {
      await background.stop();
      return;
    }
    shutdownTasks.unshift(background.stop);
  }
  if (stopping) return;

  log(`Cue is ready at http://localhost:${port}`);
  if (demo) {
    log(`Demo workspace “Acme” — sign in as ${demo.email} / ${demo.password}`);
    log(`Demo write key: ${demo.writeKey}`);
    if (demo.secretKey) {
      log(`Demo secret key (shown this once; Cue keeps only its hash): ${demo.secretKey}`);
    } else {
      log(
        `Demo secret key: ${demo.secretKeyHint || "none active"} (stored hashed; ` +
          "for a new one, rotate it in Settings → API keys)",
      );
    }
  }
}

/** Builds when sources changed, then lets Next load the build; returns its request handler. */
async function prepareNext(nextModule: Promise<typeof import("next")>, port: number) {
  if (!dev) await buildIfNeeded(root, log);
  const { default: next } = await nextModule;
  // Next builds request URLs from this name; listening still uses `hostname`.
  const app = next({ dev, dir: root, hostname: "localhost", port });
  await app.prepare();
  return app.getRequestHandler();
}

/** The seeded demo, or a new one: the seeding code is loaded only to seed. */
async function seedDemoWorkspace() {
  const seeded = await findSeededDemo(log);
  if (seeded) return seeded;
  const { seedDemo } = await import("@/lib/seed/seed-demo");
  return seedDemo({ log });
}

async function publishDemoJourneys(workspaceId: string): Promise<void> {
  const { ensureDemoJourneys } = await import("@/lib/seed/ensure-demo-journeys");
  const { created } = await ensureDemoJourneys(workspaceId);
  if (created.length > 0) log(`Published demo journeys: ${created.join(", ")}.`);
}

let stopping = false;
async function shutdown(signal: string, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  log(exitCode === 0 ? `${signal} received, stopping…` : `${signal}, stopping…`);
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  for (const task of shutdownTasks) {
    await task().catch((error: unknown) => logger().error({ err: error }, "shutdown step failed"));
  }
  process.exit(exitCode);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

main().catch(async (error: unknown) => {
  // Stopped while starting: the shutdown under way reports and exits.
  if (stopping) return;
  const message = isStartupError(error)
    ? error.message
    : `Cue failed to start: ${error instanceof Error ? error.message : String(error)}`;
  logger().fatal(message);
  if (!isStartupError(error) && process.env.CUE_DEBUG) logger().fatal({ err: error }, "details");
  for (const task of shutdownTasks) await task().catch(() => {});
  process.exit(1);
});
