// Process and latency figures for the benchmarks (Linux /proc).
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** The pid holding the server's listening socket, from /proc (Linux). */
export function serverPid(base: string): number | null {
  if (process.env.CUE_SERVER_PID) return Number(process.env.CUE_SERVER_PID);
  return listenerPid(Number(new URL(base).port || 80));
}

/** The pid holding a listening TCP socket on `port`, from /proc (Linux). */
export function listenerPid(port: number): number | null {
  const inodes = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.trim().split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      const local = cols[1] ?? "";
      if (cols[3] === "0A" && Number.parseInt(local.split(":")[1] ?? "", 16) === port)
        inodes.add(cols[9] ?? "");
    }
  }
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(pid);
      }
    } catch {
      // another user's process, or gone
    }
  }
  return null;
}

export function rssMb(pid: number | null): number | null {
  if (pid === null) return null;
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  return line?.[1] ? Number(line[1]) / 1024 : null;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

// Linux reports CPU times in clock ticks; USER_HZ is 100 on every mainstream kernel.
const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces: fields start after its ")".
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/**
 * CPU seconds a process has used (user + system), and with `reaped` those of
 * its children that have exited and been waited for: a PostgreSQL
 * postmaster's count of its finished backends.
 */
export function cpuSeconds(pid: number | null | undefined, reaped = false): number | null {
  if (!pid) return null;
  const fields = statFields(pid);
  if (!fields) return null;
  // After the name: state is field 3, so utime (14) … cstime (17) sit at 11 … 14 here.
  const ticks = fields.slice(11, reaped ? 15 : 13).reduce((sum, value) => sum + Number(value), 0);
  return ticks / TICKS_PER_SECOND;
}

/**
 * CPU seconds of a PostgreSQL server on this machine (found by the port it
 * listens on): the postmaster with every backend, live or exited.
 */
export function postgresCpuSeconds(databaseUrl: string | undefined): number | null {
  if (!databaseUrl) return null;
  const url = new URL(databaseUrl);
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(url.hostname)) return null;
  const postmaster = listenerPid(Number(url.port || 5432));
  if (postmaster === null) return null;
  let total = cpuSeconds(postmaster, true) ?? 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    const fields = statFields(Number(pid));
    // Field 4 (the parent pid) sits at index 1 after the name.
    if (fields && Number(fields[1]) === postmaster) total += cpuSeconds(Number(pid)) ?? 0;
  }
  return total;
}
