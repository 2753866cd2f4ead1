import "server-only";
import pg from "pg";
import { errorText } from "@/lib/log/error-text";
import { type Clock, systemClock } from "./clock";
import { processEvents } from "./process-events";

// Real time: ingestion commits events and then NOTIFYs `cue_events` (see
// lib/ingest/after-commit.ts). This LISTENs on its own connection and runs
// the event task at once, coalescing notifications that arrive while a batch
// is running into one more pass. Every process that listens competes for the
// same queued events (SKIP LOCKED), so adding processes adds throughput.
//
// The shared worker loop (run-worker.ts) only LISTENs to `cue_wake`; until it
// can listen to more channels, this is a second connection per process.

export const EVENTS_CHANNEL = "cue_events";
const RECONNECT_MS = 1_000;

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
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

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

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (message) => {
      if (message.channel === EVENTS_CHANNEL) kick();
    });
    next.on("error", (error) => {
      log(`engine: LISTEN ${EVENTS_CHANNEL} lost (${errorText(error)}); reconnecting`);
      if (client === next) client = null;
      next.end().catch(() => {});
      schedule();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${EVENTS_CHANNEL}`);
      if (stopped) {
        await next.end();
        return;
      }
      client = next;
      kick(); // events committed while nobody listened
    } catch (error) {
      next.end().catch(() => {});
      log(`engine: cannot LISTEN ${EVENTS_CHANNEL} (${errorText(error)}); retrying`);
      schedule();
    }
  };

  const schedule = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, RECONNECT_MS);
    retry.unref();
  };

  return {
    ready: connect(),
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await Promise.all(lanes);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
