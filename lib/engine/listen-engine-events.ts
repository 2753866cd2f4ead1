import "server-only";
import { reportDatabaseError } from "@/lib/db/availability";
import { listen } from "@/lib/db/listen";
import { errorText } from "@/lib/log/error-text";
import { type Clock, systemClock } from "./clock";
import { processEvents } from "./process-events";

// Real time: ingestion commits events and then NOTIFYs `cue_events` (see
// lib/ingest/after-commit.ts). This LISTENs (on the process's shared LISTEN
// connection, lib/db/listen.ts) and runs the event task at once, coalescing
// notifications that arrive while a batch is running into one more pass.
// Every process that listens competes for the same queued events (SKIP
// LOCKED), so adding processes adds throughput.

export const EVENTS_CHANNEL = "cue_events";

export interface EngineEventListener {
  ready: Promise<void>;
  stop(): Promise<void>;
}

export interface ListenOptions {
  databaseUrl?: string;
  now?: Clock;
  log?: (line: string) => void;
  /**
   * Queued events per transaction (default 10). A message is readable when its
   * transaction commits, so small batches deliver sooner and spread a
   * backlog over the lanes; the worker task's fallback pass uses large ones.
   */
  batchSize?: number;
  /** Batches this process may run at once when a backlog builds (default 4). */
  concurrency?: number;
}

export function listenForEngineEvents(options: ListenOptions = {}): EngineEventListener {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set; the engine needs the database.");
  const log = options.log ?? (() => {});
  const clock = options.now ?? systemClock;
  const batchSize = options.batchSize ?? 10;
  const concurrency = options.concurrency ?? 4;
  let stopped = false;
  let again = false;
  const lanes = new Set<Promise<void>>();

  // A lane drains the queue one batch (one transaction) at a time, until a
  // pass finds nothing. Lanes claim different rows (SKIP LOCKED) and
  // per-profile locks keep each profile's events in order. A full batch
  // means a backlog, so it opens another lane; a notification during a pass
  // (`again`) makes the lanes look once more before they stop.
  const lane = async (): Promise<void> => {
    for (;;) {
      again = false;
      let events = 0;
      try {
        ({ events } = await processEvents({ now: clock, log, batchSize }));
      } catch (error) {
        // The worker loop's poll retries; nothing is lost (rows stay in engine_queue).
        if (!reportDatabaseError(error))
          log(`engine: event processing failed: ${errorText(error)}`);
        return;
      }
      if (stopped) return;
      if (events >= batchSize && lanes.size < concurrency) open();
      if (events === 0 && !again) return;
    }
  };

  const open = () => {
    const running: Promise<void> = lane().finally(() => {
      lanes.delete(running);
      if (again && lanes.size === 0 && !stopped) open();
    });
    lanes.add(running);
  };

  // Each notification is one committed ingestion batch: while the lanes are
  // busy, it opens another (up to `concurrency`) rather than queueing behind
  // them, so a burst is evaluated in parallel transactions.
  const kick = () => {
    if (stopped) return;
    again = true;
    if (lanes.size < concurrency) open();
  };

  // Events committed while nobody listened (before the first LISTEN, or
  // during a reconnect) are found by a kick's pass.
  const subscription = listen(EVENTS_CHANNEL, { notify: kick, resync: kick }, { databaseUrl: url });
  const ready = subscription.ready.then(kick, (error: unknown) => {
    log(`engine: cannot LISTEN ${EVENTS_CHANNEL} (${errorText(error)}); retrying`);
  });

  return {
    ready,
    async stop() {
      stopped = true;
      await Promise.all(lanes);
      await subscription.close();
    },
  };
}
