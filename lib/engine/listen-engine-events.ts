import "server-only";
import pg from "pg";
import { type Clock, systemClock } from "./clock";
import { errorText } from "./db-errors";
import { processEvents } from "./process-events";

// Real time: ingestion commits events and then NOTIFYs `cue_events` (see
// lib/ingest/after-commit.ts). This LISTENs on its own connection and runs
// the event task at once, coalescing notifications that arrive while a batch
// is running into one more pass. Every process that listens competes for the
// same inbox rows (SKIP LOCKED), so adding processes adds throughput.
//
// The shared worker loop (run-worker.ts) only LISTENs to `cue_wake`; until it
// can listen to more channels, this is a second connection per process.

export const EVENTS_CHANNEL = "cue_events";
const RECONNECT_MS = 1_000;

export interface EngineEventListener {
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function listenForEngineEvents(
  options: {
    databaseUrl?: string;
    now?: Clock;
    log?: (line: string) => void;
    batchSize?: number;
  } = {},
): EngineEventListener {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set; the engine needs the database.");
  const log = options.log ?? (() => {});
  const clock = options.now ?? systemClock;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const drain = async () => {
    do {
      again = false;
      try {
        while (!stopped) {
          const { events } = await processEvents({ now: clock, log, batchSize: options.batchSize });
          if (events === 0) break;
        }
      } catch (error) {
        // The worker loop's poll retries; nothing is lost (rows stay in engine_inbox).
        log(`engine: event processing failed: ${errorText(error)}`);
      }
    } while (again && !stopped);
  };

  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain().finally(() => {
      running = null;
    });
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
      await running;
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
