import "server-only";
import pg from "pg";
import { logger } from "@/lib/log/logger";
import { outsideRequest } from "@/lib/log/request-context";
import { OutageLog, type OutageState } from "./outage-log";
import { databaseUnavailableReason } from "./postgres-errors";

// Whether the database answers, for the whole process (embedded or
// DATABASE_URL). Whoever meets an error that means "the database is not
// there" (the API's error reply, the pools, the worker and the engine)
// reports it here instead of logging it. The first report starts a probe
// (`SELECT 1` on a fresh connection, every second); the outage begins when
// the probe fails too, and ends when it succeeds. OutageLog says it once, then
// once a minute, then once when it is back.
//
// The state lives on globalThis: Next's server bundle and the start script
// load their own copies of this module, and the process has one database.

/** Seconds an API client should wait before retrying a 503 `unavailable`. */
export const RETRY_AFTER_SECONDS = 5;
const PROBE_EVERY_MS = 1_000;
const PROBE_TIMEOUT_MS = 3_000;

interface Monitor {
  outage: OutageLog;
  probing: boolean;
  timer: NodeJS.Timeout | null;
  /** What Cue does about an outage (the embedded supervisor says it restarts PostgreSQL). */
  recovery: string | null;
}

const KEY = Symbol.for("cue.database-availability");
type Holder = { [KEY]?: Monitor };

function monitor(): Monitor {
  const holder = globalThis as Holder;
  holder[KEY] ??= {
    outage: new OutageLog({ log: (level, line) => logger()[level](line) }),
    probing: false,
    timer: null,
    recovery: null,
  };
  return holder[KEY];
}

/**
 * Reports an error if it means the database is unavailable; returns whether
 * it did (the caller then answers 503 or retries later, and logs nothing).
 */
export function reportDatabaseError(error: unknown): boolean {
  const reason = databaseUnavailableReason(error);
  if (reason === null) return false;
  const m = monitor();
  if (m.outage.state().available) {
    // The outage starts if the probe fails too; it is the process's, not this request's.
    outsideRequest(() => startProbe(m));
  } else {
    m.outage.failed(reason, action(m));
  }
  return true;
}

/** The process's view of the database: available, or since when and why not. */
export function databaseAvailability(): OutageState {
  return monitor().outage.state();
}

/** Sets what the first outage line says Cue is doing (null: the default for DATABASE_URL). */
export function setDatabaseRecovery(text: string | null): void {
  monitor().recovery = text;
}

/** Stops probing (tests, shutdown); a later report starts again. */
export function stopAvailabilityProbe(): void {
  const m = monitor();
  if (m.timer) clearTimeout(m.timer);
  m.timer = null;
}

function action(m: Monitor): string {
  return [
    `API requests answer 503 with Retry-After: ${RETRY_AFTER_SECONDS} until it is back, and background work waits.`,
    m.recovery ??
      "Cue checks it every second and carries on by itself once it answers; check the server DATABASE_URL names.",
  ].join(" ");
}

function startProbe(m: Monitor): void {
  if (m.probing || m.timer) return;
  m.probing = true;
  void probe()
    .then((failure) => {
      if (failure === null) m.outage.recovered();
      else m.outage.failed(failure, action(m));
      return failure;
    })
    .then((failure) => {
      m.probing = false;
      if (failure === null) return;
      m.timer = setTimeout(() => {
        m.timer = null;
        startProbe(m);
      }, PROBE_EVERY_MS);
      m.timer.unref();
    });
}

/** null when the database answers `SELECT 1`, else why not. */
async function probe(): Promise<string | null> {
  const url = process.env.DATABASE_URL;
  if (!url) return "DATABASE_URL is not set";
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    application_name: "cue-probe",
  });
  client.on("error", () => {}); // the awaited calls report it
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return databaseUnavailableReason(error) ?? (error instanceof Error ? error.message : "unknown");
  } finally {
    await client.end().catch(() => {});
  }
}
