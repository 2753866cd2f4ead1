// Process and latency figures for the benchmarks (Linux /proc).
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** The pid holding the server's listening socket, from /proc (Linux). */
export function serverPid(base: string): number | null {
  if (process.env.CUE_SERVER_PID) return Number(process.env.CUE_SERVER_PID);
  const port = Number(new URL(base).port || 80);
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
