import "server-only";
import { sql } from "@/lib/db/sql";
import type { WorkerTask } from "@/lib/worker/run-worker";
import { allowedLatenessMs, strictEventOrder } from "./allowed-lateness";
import { type Clock, systemClock } from "./clock";
import { nextQueuedEventDueAt } from "./event-queue";
import { ENGINE_TIMERS_TASK, nextRunWakeAt, processDueRuns } from "./process-due-runs";
import { ENGINE_EVENTS_TASK, processEvents } from "./process-events";
import { ENGINE_INACTIVITY_TASK, sweepInactivity } from "./sweep-inactivity";

// The journey engine's three kinds of background work, as tasks for the
// shared worker loop (lib/worker/run-worker.ts). Any number of workers may
// run them: events and timers are claimed with SKIP LOCKED, and the sweep
// runs in one process at a time under an advisory lock.

export interface EngineTaskOptions {
  now?: Clock;
  log?: (line: string) => void;
  eventBatchSize?: number;
  timerBatchSize?: number;
  /** How often a process tries to sweep for inactivity (default 60 s). */
  inactivityIntervalMs?: number;
}

export function engineTasks(options: EngineTaskOptions = {}): WorkerTask[] {
  const clock = options.now ?? systemClock;
  const { log } = options;
  return [
    {
      // Normally run at once by the cue_events listener (listen-engine-events.ts);
      // here it is the fallback that also drains work left by a lost notification.
      name: ENGINE_EVENTS_TASK,
      run: async () =>
        (await processEvents({ now: clock, log, batchSize: options.eventBatchSize })).events,
      // In strict event order an event waits for its lateness to pass (allowed-lateness.ts).
      nextDueAt: async () =>
        strictEventOrder() ? nextQueuedEventDueAt(sql, allowedLatenessMs()) : null,
    },
    {
      name: ENGINE_TIMERS_TASK,
      run: async () => {
        const result = await processDueRuns({ now: clock, log, batchSize: options.timerBatchSize });
        return result.stepped;
      },
      nextDueAt: () => nextRunWakeAt(),
    },
    inactivityTask(clock, options.inactivityIntervalMs ?? 60_000, log),
  ];
}

function inactivityTask(
  clock: Clock,
  intervalMs: number,
  log?: (line: string) => void,
): WorkerTask {
  let nextAt = 0;
  return {
    name: ENGINE_INACTIVITY_TASK,
    async run() {
      const now = clock().getTime();
      if (now < nextAt) return 0;
      const result = await sweepInactivity({ now: clock, log });
      // A full round means more lapsed profiles are waiting: go again at once.
      const more = result.swept && result.more;
      nextAt = more ? 0 : now + intervalMs;
      return more ? result.considered : 0;
    },
    async nextDueAt() {
      return new Date(nextAt);
    },
  };
}
