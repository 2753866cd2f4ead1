import "server-only";
import { errorText } from "@/lib/log/error-text";
import type { WorkerTask } from "@/lib/worker/run-worker";
import { dropExpiredEvents, ensureEventPartitions, eventRetentionDays } from "./event-partitions";

export const EVENT_MAINTENANCE_TASK = "event-partitions";
const EVERY_MS = 3_600_000;

/**
 * The worker task that keeps events' partitions: at its first round and then
 * hourly (a pace per process; the SQL functions serialise on an advisory
 * lock), it makes the coming weeks' partitions and, with
 * CUE_EVENT_RETENTION_DAYS set, drops the partitions past the window.
 */
export function eventMaintenanceTask(
  options: { log?: (line: string) => void; now?: () => Date } = {},
): WorkerTask {
  const log = options.log ?? (() => {});
  const clock = options.now ?? (() => new Date());
  let nextAt = 0;
  return {
    name: EVENT_MAINTENANCE_TASK,
    async run() {
      const now = clock();
      if (now.getTime() < nextAt) return 0;
      nextAt = now.getTime() + EVERY_MS;
      const made = await ensureEventPartitions({ now: now.getTime() });
      if (made > 0) log(`Made ${made} weekly partition(s) of events.`);
      const days = eventRetentionDays();
      if (days === null) return 0;
      try {
        const { dropped, keys } = await dropExpiredEvents(now, days);
        if (dropped.length > 0)
          log(`Retention (${days} days): dropped ${dropped.join(", ")} and ${keys} dedupe keys.`);
      } catch (error) {
        // A lock timeout behind a long read: the next round tries again.
        log(`Event retention postponed: ${errorText(error)}`);
        nextAt = now.getTime() + 60_000;
      }
      return 0;
    },
    async nextDueAt() {
      return new Date(nextAt);
    },
  };
}
