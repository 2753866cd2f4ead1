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

/** A TypeScript script in a child process, stopped with the bench; stdout piped. */
function spawnScript(script: string, env: NodeJS.ProcessEnv) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", script],
    { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] },
  );
  workerProcesses.add(child);
  child.once("exit", () => workerProcesses.delete(child));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    child.kill("SIGTERM");
    await exited;
  };
  return { child, stop };
}

export function startWorkerProcess(env: Record<string, string> = {}) {
  const { child, stop } = spawnScript("test/engine/support/engine-worker.ts", {
    ...process.env,
    CUE_TASKS: "engine-timers",
    CUE_TIMER_BATCH: "500",
    ...env,
  });
  let stepped = 0;
  const ready = new Promise<void>((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      for (const text of chunk.toString().split("\n")) {
        if (text === "ready") resolve();
        const match = /^engine-timers (\d+)$/.exec(text);
        if (match) stepped += Number(match[1]);
      }
    });
  });
  return { ready, stepped: () => stepped, stop };
}

/** The bench's web process (engine-http-process.ts): resolves with its URL once it listens. */
export function startHttpProcess() {
  const { child, stop } = spawnScript("scripts/bench/engine-http-process.ts", process.env);
  const url = new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bench web process exited (${code})`)));
    child.stdout.on("data", (chunk: Buffer) => {
      const match = /^ready (\S+)$/m.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
  });
  return { url, stop };
}
