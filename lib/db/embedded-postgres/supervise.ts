// Supervision of the embedded postmaster: when it exits without being asked
// to (killed, crashed, out of memory), it is started again on the same port,
// so DATABASE_URL, the pools and the LISTEN connection stay valid and simply
// reconnect. Attempts back off (250 ms doubling to 30 s) and are bounded: after
// the last one the supervisor gives up and says so, and the caller (npm start)
// exits non-zero so a process manager can take over.
//
// PostgreSQL's own crash recovery replays the write-ahead log on restart, so
// every committed transaction (every event that got a 2xx) is still there.
//
// Log lines: one when it stopped (what happened, what Cue does), one per
// failed attempt (bounded by the number of attempts), one when it is back or
// when Cue gives up.

import type { ChildProcess } from "node:child_process";
import { firstLine } from "./errors";

export interface SuperviseOptions {
  /** Restart attempts before giving up (default 10, about two minutes). */
  attempts?: number;
  /** Wait before the first attempt, doubled after each failure (default 250 ms). */
  firstDelayMs?: number;
  /** Longest wait between attempts (default 30 s). */
  maxDelayMs?: number;
  /** Called once when every attempt failed; the server stays down. */
  onGiveUp?(error: Error): void;
}

export interface Supervisor {
  /** Stops supervising (shutdown): no restart starts after this; one under way is awaited. */
  stop(): Promise<void>;
}

export function supervise(options: {
  child: ChildProcess;
  port: number;
  /** A line logger; the level says how bad it is (a caller may ignore it). */
  log: (line: string, level?: "info" | "warn" | "error") => void;
  /** Starts the server again; resolves with its new process once it accepts connections. */
  restart(): Promise<ChildProcess>;
  settings?: SuperviseOptions;
}): Supervisor {
  const { port, log } = options;
  const attempts = options.settings?.attempts ?? 10;
  const firstDelay = options.settings?.firstDelayMs ?? 250;
  const maxDelay = options.settings?.maxDelayMs ?? 30_000;
  let stopped = false;
  let restarting: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const watch = (child: ChildProcess) => {
    child.once("exit", (code, signal) => {
      if (stopped) return;
      restarting = restart(child.pid, code, signal).finally(() => {
        restarting = null;
      });
    });
  };

  async function restart(pid: number | undefined, code: number | null, signal: string | null) {
    const started = Date.now();
    const how = signal ? `killed by ${signal}` : `exit code ${code}`;
    log(
      `Embedded PostgreSQL (pid ${pid}) stopped unexpectedly (${how}). Restarting it on port ${port}, up to ${attempts} attempts; API requests answer 503 until it is back.`,
      "error",
    );
    let delay = firstDelay;
    let reason = "";
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await pause(delay);
      if (stopped) return;
      try {
        const child = await options.restart();
        if (stopped) return; // the caller's stop() stops the new server
        watch(child);
        const took = ((Date.now() - started) / 1000).toFixed(1);
        log(
          `Embedded PostgreSQL is running again (pid ${child.pid}, port ${port}) after ${took} s, attempt ${attempt} of ${attempts}.`,
        );
        return;
      } catch (error) {
        reason = firstLine(error);
        delay = Math.min(delay * 2, maxDelay);
        if (attempt < attempts) {
          log(
            `Embedded PostgreSQL restart attempt ${attempt} of ${attempts} failed: ${reason}. Next attempt in ${(delay / 1000).toFixed(1)} s.`,
            "warn",
          );
        }
      }
    }
    const took = Math.round((Date.now() - started) / 1000);
    const error = new Error(
      `Embedded PostgreSQL could not be restarted after ${attempts} attempts over ${took} s (last: ${reason}). Cue is stopping; restart it, or look at the data folder's PostgreSQL log.`,
    );
    log(error.message, "error");
    options.settings?.onGiveUp?.(error);
  }

  watch(options.child);
  return {
    async stop() {
      stopped = true;
      wake?.();
      await restarting;
    },
  };
}
