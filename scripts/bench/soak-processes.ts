// bench:soak's processes: one web process (engine-http-process.ts, the
// tracking and inbox APIs as `npm start` serves them, without its worker) and
// BENCH_WORKERS processes of the real `npm run worker` (scripts/worker.ts:
// engine, timers, email delivery). Each gets the memory probe
// (soak-memory-probe.ts); RSS is also read from /proc. Their log lines
// (the web process's at warn and above, the workers' at info, where their
// loop reports failures) are counted and echoed, at most `echoLimit` in all.
import type { ChildProcess } from "node:child_process";
import type { Readable } from "node:stream";
import { rssMb } from "../bench-process-stats";
import { spawnScript, startHttpProcess } from "./engine-worker-process";

const PROBE = "./scripts/bench/soak-memory-probe.ts";

export interface MemorySample {
  at: number;
  rssMb: number;
  heapUsedMb: number;
}

export interface SoakProcess {
  name: string;
  pid: number;
  /** Memory samples taken by `sample()`. */
  samples: MemorySample[];
  /** Records the current RSS (/proc) and the probe's last heap figure. */
  sample(): MemorySample | null;
  /** Log lines seen so far (besides the worker's start line), and those at error or fatal. */
  logLines: number;
  errors: number;
  stop(): Promise<void>;
}

const mb = (bytes: number) => bytes / 1024 / 1024;
let echoed = 0;

function watch(
  name: string,
  spawned: { child: ChildProcess; stdout: Readable; stop: () => Promise<void> },
  echoLimit: number,
) {
  const { child, stdout } = spawned;
  // The lines a process logs while it is being stopped say so, and are not the soak's.
  let stopping = false;
  const stop = () => {
    stopping = true;
    return spawned.stop();
  };
  let heapUsed = Number.NaN;
  child.on("message", (message: { soakMemory?: { heapUsed: number } }) => {
    if (message?.soakMemory) heapUsed = message.soakMemory.heapUsed;
  });
  const proc: SoakProcess = {
    name,
    pid: child.pid ?? -1,
    samples: [],
    logLines: 0,
    errors: 0,
    sample() {
      let rss: number | null = null;
      try {
        rss = rssMb(proc.pid);
      } catch {
        return null; // exited
      }
      if (rss === null) return null;
      const s = { at: Date.now(), rssMb: rss, heapUsedMb: mb(heapUsed) };
      proc.samples.push(s);
      return s;
    },
    stop,
  };
  let partial = "";
  stdout.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const text of lines) {
      const level = /"level":"(\w+)"/.exec(text)?.[1];
      if (stopping || !level || /"msg":"(Started; waiting for work\.|Metrics at)/.test(text))
        continue;
      proc.logLines++;
      if (level === "error" || level === "fatal") proc.errors++;
      if (echoed++ < echoLimit) console.error(`[${name}] ${text.slice(0, 400)}`);
    }
  });
  return proc;
}

/** Starts the web process and the workers; resolves once all are ready. */
export async function startSoakProcesses(options: {
  workers: number;
  env: NodeJS.ProcessEnv;
  echoLimit?: number;
}): Promise<{ url: string; processes: SoakProcess[] }> {
  const echoLimit = options.echoLimit ?? 20;
  const env = { ...options.env, LOG_LEVEL: "warn", LOG_FORMAT: "json" };
  const web = startHttpProcess(env, { preload: [PROBE], ipc: true });
  const processes = [watch("web", web, echoLimit)];
  for (let i = 1; i <= options.workers; i++) {
    // LOG_LEVEL=info for the workers: their "Started; waiting for work." line says they are ready.
    const worker = spawnScript(
      "scripts/worker.ts",
      { ...env, LOG_LEVEL: "info" },
      { preload: [PROBE], ipc: true },
    );
    const proc = watch(`worker ${i}`, worker, echoLimit);
    await new Promise<void>((resolve, reject) => {
      worker.child.once("exit", (code) => reject(new Error(`worker ${i} exited (${code})`)));
      worker.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("waiting for work")) resolve();
      });
    });
    processes.push(proc);
  }
  return { url: await web.url, processes };
}
