import pg from "pg";
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

export const WAKE_CHANNEL = "cue_wake";

export interface WorkerTask {
  name: string;
  /** Processes what is due at `now`; returns how many items it handled (>0 runs again at once). */
  run(now: Date): Promise<number>;
  /** When the next item is due, if known (null: nothing pending). */
  nextDueAt?(): Promise<Date | null>;
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

type RawExecutor = {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
};

/**
 * Wakes every worker. Inside a transaction, PostgreSQL delivers the
 * notification at commit, so a worker never wakes before the work is visible.
 */
export async function notifyWorkers(db: RawExecutor, task: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${WAKE_CHANNEL}, ${task})`;
}

const MIN_SLEEP_MS = 100;
const RECONNECT_MS = 1_000;

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

  const listener = listen(url, wake, log, () => stopped);

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
          // loop; the poll interval paces the retries.
          log(`worker: task ${task.name} failed: ${errorText(error)}`);
        }
      }
      if (stopped || busy || woken) continue;
      await sleep(await nextDelay());
    }
  })();

  return {
    ready: listener.ready,
    async stop() {
      stopped = true;
      wake();
      await loop;
      await listener.close();
    },
  };
}

function listen(
  url: string,
  onNotify: () => void,
  log: (line: string) => void,
  isStopped: () => boolean,
): { ready: Promise<void>; close(): Promise<void> } {
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (message) => {
      if (message.channel === WAKE_CHANNEL) onNotify();
    });
    next.on("error", (error) => {
      log(`worker: LISTEN connection lost (${errorText(error)}); polling until it is back`);
      if (client === next) client = null;
      next.end().catch(() => {});
      schedule();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${WAKE_CHANNEL}`);
      if (isStopped()) {
        await next.end();
        return;
      }
      client = next;
      // Work committed while we were not listening is found by this round.
      onNotify();
    } catch (error) {
      next.end().catch(() => {});
      log(`worker: cannot LISTEN (${errorText(error)}); polling instead`);
      schedule();
    }
  };

  const schedule = () => {
    if (isStopped() || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, RECONNECT_MS);
    retry.unref();
  };

  return {
    ready: connect(),
    async close() {
      if (retry) clearTimeout(retry);
      retry = null;
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
