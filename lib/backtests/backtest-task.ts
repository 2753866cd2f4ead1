import "server-only";
import type { WorkerTask } from "@/lib/worker/run-worker";
import { BACKTEST_TASK } from "./backtest-task-name";
import { claimBacktest } from "./claim-backtest";
import { type RunBacktestOptions, runBacktest } from "./run-backtest";

// The "backtests" task for the shared worker loop. A backtest can take a
// minute, and the loop runs every task in turn (email, engine timers), so
// the task only claims: the replay runs beside the loop, one per process at
// a time, yielding at every chunk's database read. Creating a backtest
// NOTIFYs cue_wake, so a waiting worker claims it at once.

export { BACKTEST_TASK };

export interface BacktestTask extends WorkerTask {
  /** The replay in progress in this process, if any (tests and shutdown wait on it). */
  current(): Promise<unknown> | null;
}

export function backtestTask(
  options: RunBacktestOptions & { log?: (line: string) => void } = {},
): BacktestTask {
  let running: Promise<unknown> | null = null;
  const log = options.log ?? ((line: string) => console.error(`[cue] ${line}`));
  return {
    name: BACKTEST_TASK,
    async run(now) {
      if (running) return 0;
      const backtest = await claimBacktest(now);
      if (!backtest) return 0;
      running = runBacktest(backtest, options)
        .then((outcome) => log(`backtest ${backtest.id}: ${outcome}`))
        .catch((error: unknown) => log(`backtest ${backtest.id} crashed: ${String(error)}`))
        .finally(() => {
          running = null;
        });
      return 1;
    },
    current: () => running,
  };
}
