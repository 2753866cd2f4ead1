import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import { currentRequestId } from "./request-context";

// The process's one logger (pino). JSON lines with a level, an ISO time and,
// inside a request, its `reqId` (request-context.ts), for a log shipper; when
// stdout is a terminal, the same lines pretty-printed for a person.
//
// - LOG_LEVEL: trace, debug, info (default), warn, error, fatal, silent.
// - LOG_FORMAT: `json` or `pretty`; by default pretty on a TTY, else JSON.
//
// Writes are synchronous: the volume is small (repeated failures are
// throttled where they happen, e.g. lib/db/outage-log.ts), and a line logged
// just before process.exit() must not be lost.

const KEY = Symbol.for("cue.logger");
type Holder = { [KEY]?: Logger };

export function logger(): Logger {
  const holder = globalThis as Holder;
  holder[KEY] ??= createLogger();
  return holder[KEY];
}

/** Makes `next` the process's logger (tests capture lines); returns a function restoring the old one. */
export function replaceLogger(next: Logger): () => void {
  const holder = globalThis as Holder;
  const previous = holder[KEY];
  holder[KEY] = next;
  return () => {
    holder[KEY] = previous;
  };
}

export function createLogger(
  options: {
    level?: string;
    format?: string;
    destination?: NodeJS.WritableStream;
    tty?: boolean;
  } = {},
): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? "info";
  const tty = options.tty ?? process.stdout.isTTY === true;
  const format = options.format ?? process.env.LOG_FORMAT ?? (tty ? "pretty" : "json");
  const settings: pino.LoggerOptions = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const reqId = currentRequestId();
      return reqId ? { reqId } : {};
    },
  };
  if (format === "pretty") {
    return pino(
      settings,
      pretty({
        colorize: tty,
        sync: true,
        translateTime: "SYS:HH:MM:ss.l",
        ignore: "pid,hostname",
        destination: options.destination ?? 1,
      }),
    );
  }
  return pino(settings, options.destination ?? pino.destination({ dest: 1, sync: true }));
}

export type LineLevel = "info" | "warn" | "error";

/** A `(line, level?) => void` for code that takes a line logger (the start script, the worker). */
export function lineLogger(
  level: LineLevel = "info",
): (line: string, lineLevel?: LineLevel) => void {
  return (line, lineLevel) => logger()[lineLevel ?? level](line);
}
