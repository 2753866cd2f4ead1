// npm start: one command runs Cue. It resolves the database (embedded
// PostgreSQL unless DATABASE_URL is set), applies migrations, seeds, builds
// only when sources changed, and serves the app (and, later, the worker) in
// this one process. Operator faults print one line and exit 1.
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { disconnectPrisma, prisma } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { resolveDatabase } from "@/lib/db/resolve-database";
import { ensureDemoJourneys } from "@/lib/engine/ensure-demo-journeys";
import { buildIfNeeded } from "@/lib/runtime/build-if-needed";
import { assertPortFree, parsePort, portInUse } from "@/lib/runtime/check-port";
import { serveDirect } from "@/lib/runtime/direct-routes";
import { ensureAuthSecret } from "@/lib/runtime/ensure-auth-secret";
import { seedAdminFromEnv } from "@/lib/runtime/seed-admin";
import { skipApiCompression } from "@/lib/runtime/skip-api-compression";
import { DEMO_MARKER_KEY, seedDemo, shouldSeedDemo } from "@/lib/seed/seed-demo";
import { isStartupError } from "@/lib/startup-error";
import { startBackgroundWork } from "@/lib/worker/background";

const log = (line: string) => console.log(`[cue] ${line}`);
const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const shutdownTasks: (() => Promise<void>)[] = [];

async function main() {
  const port = parsePort(process.env.PORT, 3000);
  const hostname = process.env.HOST ?? "0.0.0.0";
  await assertPortFree(port);

  const database = await resolveDatabase({ log });
  shutdownTasks.push(database.stop);
  process.env.DATABASE_URL = database.url;
  log(database.embedded ? "Using the embedded PostgreSQL." : "Using DATABASE_URL.");

  const { applied } = await applyMigrations(database.url, { log });
  if (applied.length > 0) log(`Applied ${applied.length} migration(s).`);
  await ensureAuthSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  await seedAdminFromEnv(process.env, log);
  const demo = (await wantsDemo()) ? await seedDemo({ log }) : null;
  if (demo) {
    const { created } = await ensureDemoJourneys(demo.workspaceId);
    if (created.length > 0) log(`Published demo journeys: ${created.join(", ")}.`);
  }

  if (!dev) await buildIfNeeded(root, log);
  // Next builds request URLs from this name; listening still uses `hostname`.
  const app = next({ dev, dir: root, hostname: "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    if (!dev && serveDirect(req, res)) return;
    skipApiCompression(req);
    void handle(req, res);
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

  // One-command mode: the worker (email delivery, journey timers) runs here.
  // Set CUE_WORKER=false when separate `npm run worker` processes do it.
  if (process.env.CUE_WORKER !== "false") {
    const background = await startBackgroundWork(log);
    shutdownTasks.unshift(background.stop);
  }

  log(`Cue is ready at http://localhost:${port}`);
  if (demo) {
    log(`Demo workspace “Acme” — sign in as ${demo.email} / ${demo.password}`);
    log(`Demo write key: ${demo.writeKey}`);
    if (demo.created) log(`Demo secret key (shown at first start): ${demo.secretKey}`);
  }
}

/** The demo is seeded into an empty database only, never into a real install. */
async function wantsDemo(): Promise<boolean> {
  if (!shouldSeedDemo()) return false;
  const marker = await prisma.appSetting.findUnique({ where: { key: DEMO_MARKER_KEY } });
  return marker !== null || (await prisma.member.count()) === 0;
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal} received, stopping…`);
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  for (const task of shutdownTasks) {
    await task().catch((error: unknown) => console.error("[cue] shutdown step failed:", error));
  }
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

main().catch(async (error: unknown) => {
  const message = isStartupError(error)
    ? error.message
    : `Cue failed to start: ${error instanceof Error ? error.message : String(error)}`;
  console.error(`[cue] ${message}`);
  if (!isStartupError(error) && process.env.CUE_DEBUG) console.error(error);
  for (const task of shutdownTasks) await task().catch(() => {});
  process.exit(1);
});
