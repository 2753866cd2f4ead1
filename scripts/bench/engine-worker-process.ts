// Engine worker processes for bench:engine, as `npm run worker` would run them.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

const workerProcesses = new Set<ReturnType<typeof spawn>>();
// A crashed bench must not leave workers behind.
process.on("exit", () => {
  for (const child of workerProcesses) child.kill("SIGKILL");
});

export function startWorkerProcess(env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./scripts/server-only-hook.mjs",
      "test/engine/support/engine-worker.ts",
    ],
    {
      cwd: root,
      env: { ...process.env, CUE_TASKS: "engine-timers", CUE_TIMER_BATCH: "500", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  workerProcesses.add(child);
  child.once("exit", () => workerProcesses.delete(child));
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
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    ready,
    stepped: () => stepped,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The bench's web process (engine-http-process.ts): resolves with its URL once it listens. */
export function startHttpProcess() {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./scripts/server-only-hook.mjs",
      "scripts/bench/engine-http-process.ts",
    ],
    { cwd: root, env: process.env, stdio: ["ignore", "pipe", "inherit"] },
  );
  workerProcesses.add(child);
  child.once("exit", () => workerProcesses.delete(child));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bench web process exited (${code})`)));
    child.stdout.on("data", (chunk: Buffer) => {
      const match = /^ready (\S+)$/m.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
  });
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
