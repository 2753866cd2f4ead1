// bench:engine's child processes: engine workers, as `npm run worker` would
// run them, and the web process of its local latency measure.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

const workerProcesses = new Set<ReturnType<typeof spawn>>();
// A crashed or interrupted bench must not leave its processes behind.
process.on("exit", () => {
  for (const child of workerProcesses) child.kill("SIGKILL");
});
// Signals end the bench through process.exit, so that handler runs.
process.once("SIGINT", () => process.exit(130));
process.once("SIGTERM", () => process.exit(143));

/**
 * A TypeScript script in a child process, stopped with the bench; stdout
 * piped. `preload`: more modules imported before the script (bench:soak's
 * memory probe), `ipc`: a message channel to the child.
 */
export function spawnScript(
  script: string,
  env: NodeJS.ProcessEnv,
  options: { preload?: string[]; ipc?: boolean } = {},
) {
  const imports = ["tsx", "./scripts/server-only-hook.mjs", ...(options.preload ?? [])];
  const child = spawn(
    process.execPath,
    [...imports.flatMap((module) => ["--import", module]), script],
    {
      cwd: root,
      env,
      stdio: options.ipc ? ["ignore", "pipe", "inherit", "ipc"] : ["ignore", "pipe", "inherit"],
    },
  );
  const stdout = child.stdout;
  if (!stdout) throw new Error("spawnScript: the child has no stdout pipe");
  workerProcesses.add(child);
  child.once("exit", () => workerProcesses.delete(child));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    child.kill("SIGTERM");
    await exited;
  };
  return { child, stdout, stop };
}

export function startWorkerProcess(env: Record<string, string> = {}) {
  const { child, stdout, stop } = spawnScript("test/engine/support/engine-worker.ts", {
    ...process.env,
    CUE_TASKS: "engine-timers",
    CUE_TIMER_BATCH: "500",
    ...env,
  });
  let stepped = 0;
  const ready = new Promise<void>((resolve) => {
    stdout.on("data", (chunk: Buffer) => {
      for (const text of chunk.toString().split("\n")) {
        if (text === "ready") resolve();
        const match = /^engine-timers (\d+)$/.exec(text);
        if (match) stepped += Number(match[1]);
      }
    });
  });
  return { ready, stepped: () => stepped, stop, pid: child.pid };
}

/** The bench's web process (engine-http-process.ts): resolves with its URL once it listens. */
export function startHttpProcess(
  env: NodeJS.ProcessEnv = process.env,
  options: Parameters<typeof spawnScript>[2] = {},
) {
  const { child, stdout, stop } = spawnScript("scripts/bench/engine-http-process.ts", env, options);
  const url = new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bench web process exited (${code})`)));
    stdout.on("data", (chunk: Buffer) => {
      const match = /^ready (\S+)$/m.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
  });
  return { url, stop, child, stdout };
}
