import { reportDatabaseError } from "@/lib/db/availability";
import { listen } from "@/lib/db/listen";
import type { RawDb } from "@/lib/db/sql";
import { errorText } from "@/lib/log/error-text";

// The background loop shared by every kind of due work (email delivery now,
// journey timers later). Any number of these may run, in any number of
// processes on any number of machines: tasks claim their rows with
// FOR UPDATE SKIP LOCKED, so the loop itself needs no coordination.
//
// It wakes at once when someone commits due work and says so with
// `SELECT pg_notify('cue_wake', '<task>')` (notifyWorkers), otherwise at
// the earliest time a task says it has something due, and never sleeps
// longer than the poll interval (which also covers a lost LISTEN connection).
// LISTEN runs on the process's shared connection (lib/db/listen.ts).

export const WAKE_CHANNEL = "cue_wake";

export interface WorkerTask {
  name: string;
  /** Processes what is due at `now`; returns how many items it handled (>0 runs again at once). */
  run(now: Date): Promise<number>;
  /** When the next item is due, if known (null: nothing pending). */
  nextDueAt?(): Promise<Date | null>;
  /** A `cue_wake` notification's payload (null: LISTEN resynced, anything may be due). */
  notified?(payload: string | null): void;
  /** Gives the task the loop's wake-up, for work it finishes in the background. */
  attach?(wake: () => void): void;
  /** Waits for work the task started in the background (called once the loop has stopped). */
  drain?(): Promise<void>;
}

export interface WorkerOptions {
  tasks: WorkerTask[];
  log?: (line: string) => void;
  /** Longest sleep between rounds (default 1 s). */
  pollIntervalMs?: number;
  /** Defaults to DATABASE_URL. */
  databaseUrl?: string;
  clock?: () => Date;
}

export interface RunningWorker {
  /** Resolves once the LISTEN connection is up (or has failed and polling took over). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Wakes every worker. Inside a transaction, PostgreSQL delivers the
 * notification at commit, so a worker never wakes before the work is visible.
 */
export async function notifyWorkers(db: RawDb, task: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${WAKE_CHANNEL}, ${task})`;
}

const MIN_SLEEP_MS = 100;

export function startWorker(options: WorkerOptions): RunningWorker {
  const log = options.log ?? (() => {});
  const pollMs = options.pollIntervalMs ?? 1_000;
  const clock = options.clock ?? (() => new Date());
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set; the worker needs the database.");

  let stopped = false;
  let woken = false;
  let wakeSleeper: (() => void) | null = null;
  const wake = () => {
    woken = true;
    wakeSleeper?.();
  };

  for (const task of options.tasks) task.attach?.(wake);

  // Work committed while nobody listened (before the first LISTEN, or during
  // a reconnect) is found by the round a wake-up starts.
  const tell = (payload: string | null) => {
    for (const task of options.tasks) task.notified?.(payload);
    wake();
  };
  const subscription = listen(
    WAKE_CHANNEL,
    { notify: (payload) => tell(payload), resync: () => tell(null) },
    { databaseUrl: url },
  );
  const ready = subscription.ready.then(
    () => tell(null),
    (error: unknown) => {
      log(`worker: cannot LISTEN (${errorText(error)}); polling until it is back`);
    },
  );

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopped) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeSleeper = null;
        resolve();
      }
      wakeSleeper = done;
    });

  const nextDelay = async (): Promise<number> => {
    let delay = pollMs;
    for (const task of options.tasks) {
      try {
        const due = await task.nextDueAt?.();
        if (due) delay = Math.min(delay, Math.max(MIN_SLEEP_MS, due.getTime() - clock().getTime()));
      } catch (error) {
        if (!reportDatabaseError(error))
          log(`worker: ${task.name} could not tell when work is due: ${errorText(error)}`);
      }
    }
    return delay;
  };

  const loop = (async () => {
    while (!stopped) {
      woken = false;
      let busy = false;
      for (const task of options.tasks) {
        if (stopped) break;
        try {
          if ((await task.run(clock())) > 0) busy = true;
        } catch (error) {
          // A failing task (database restarting, a bug) must not kill the
          // loop; the poll interval paces the retries. An unavailable
          // database is logged once by the outage monitor, not every round.
          if (!reportDatabaseError(error))
            log(`worker: task ${task.name} failed: ${errorText(error)}`);
        }
      }
      if (stopped || busy || woken) continue;
      await sleep(await nextDelay());
    }
  })();

  return {
    ready,
    async stop() {
      stopped = true;
      wake();
      await loop;
      await Promise.all(options.tasks.map((task) => task.drain?.()));
      await subscription.close();
    },
  };
}
