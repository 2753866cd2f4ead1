import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";

// The one place that reads database errors. Raw queries through
// @prisma/adapter-pg fail with P2010 and carry the PostgreSQL SQLSTATE in
// meta.driverAdapterError.cause; node-postgres (lib/db/sql.ts) throws a
// DatabaseError with `code`. Callers ask these helpers instead of looking at
// `error.code` in an untyped catch.

export function postgresErrorCode(error: unknown): string | null {
  if (error instanceof pg.DatabaseError) return error.code ?? null;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  const meta = error.meta as
    | { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } }
    | undefined;
  const cause = meta?.driverAdapterError?.cause;
  const code = cause?.originalCode ?? cause?.code;
  return typeof code === "string" ? code : null;
}

// Errors that trying the same work again can get past: a deadlock, a
// serialization failure, a lock timeout, a restarting server.
const TRANSIENT = new Set([
  "40P01", // deadlock_detected
  "40001", // serialization_failure
  "55P03", // lock_not_available
  "57P01", // admin_shutdown
  "57P03", // cannot_connect_now
  "08000", // connection_exception
  "08003", // connection_does_not_exist
  "08006", // connection_failure
]);

// node-postgres errors without a SQLSTATE: the connection went away.
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);
const CONNECTION_MESSAGE =
  /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect/;

export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    (typeof code === "string" && CONNECTION_CODES.has(code)) ||
    CONNECTION_MESSAGE.test(error.message)
  );
}

/** Whether running the same work again may succeed. */
export function isTransientDbError(error: unknown): boolean {
  const code = postgresErrorCode(error);
  if (code !== null) {
    return (
      TRANSIENT.has(code) || code.startsWith("08") || databaseUnavailableReason(error) !== null
    );
  }
  if (isConnectionError(error) || isDatabaseUnavailable(error)) return true;
  // Timeouts of interactive transactions and lost connections carry no SQLSTATE.
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    return ["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"].includes(error.code);
  }
  return error instanceof Prisma.PrismaClientInitializationError;
}

// The database is not there (down, restarting, unreachable), as opposed to a
// query that failed: the API answers these 503 with Retry-After (lib/api/
// errors.ts) and the outage monitor (availability.ts) logs them once.
const UNAVAILABLE_SQLSTATES: Record<string, string> = {
  "57P01": "the server is shutting down (57P01 admin_shutdown)",
  "57P02": "the server crashed (57P02 crash_shutdown)",
  "57P03": "the server is starting up or shutting down (57P03 cannot_connect_now)",
  "53300": "too many connections (53300)",
};
const SOCKET_REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EPIPE: "connection broken",
  ETIMEDOUT: "connection timed out",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
};
const ADAPTER_KINDS: Record<string, string> = {
  DatabaseNotReachable: "connection refused",
  ConnectionClosed: "connection reset",
  SocketTimeout: "connection timed out",
  TooManyConnections: "too many connections",
};
const PRISMA_CODES: Record<string, string> = {
  P1001: "cannot reach the database server (P1001)",
  P1002: "the database server timed out (P1002)",
  P1017: "the server closed the connection (P1017)",
  P2024: "timed out waiting for a connection from the pool (P2024)",
};
const MESSAGE_REASONS: [RegExp, string][] = [
  [/timeout exceeded when trying to connect/i, "timed out waiting for a connection"],
  [/Connection terminated/i, "connection terminated"],
  [/Client has encountered a connection error/i, "connection error"],
  [/the database system is (starting up|shutting down|in recovery mode)/i, "the server is $1"],
  [/terminating connection due to (unexpected postmaster exit|administrator command)/i, "$1"],
];

/**
 * Why the database is unavailable, in a few words naming the error, when
 * `error` says it is (a refused or lost connection, a server shutting down or
 * starting up, SQLSTATE class 08, a pool that timed out); null for any other
 * error, including a query's own failure.
 */
export function databaseUnavailableReason(error: unknown, depth = 0): string | null {
  if (!(error instanceof Error) || depth > 4) return null;
  const code = postgresErrorCode(error);
  if (code !== null) {
    if (UNAVAILABLE_SQLSTATES[code]) return UNAVAILABLE_SQLSTATES[code];
    if (code.startsWith("08")) return `connection failure (${code}): ${firstLine(error.message)}`;
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const meta = error.meta as { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined;
    const kind = meta?.driverAdapterError?.cause?.kind;
    if (typeof kind === "string" && ADAPTER_KINDS[kind]) return ADAPTER_KINDS[kind];
    if (PRISMA_CODES[error.code]) return PRISMA_CODES[error.code];
  }
  if (error instanceof Prisma.PrismaClientInitializationError) {
    return `cannot connect: ${firstLine(error.message)}`;
  }
  const errno = (error as { code?: unknown }).code;
  if (typeof errno === "string" && SOCKET_REASONS[errno]) {
    const where = socketAddress(error);
    return `${SOCKET_REASONS[errno]} (${errno}${where ? ` ${where}` : ""})`;
  }
  for (const [pattern, reason] of MESSAGE_REASONS) {
    const match = pattern.exec(error.message);
    if (match) return reason.replace("$1", match[1] ?? "");
  }
  // AggregateError (several addresses refused) and wrapped causes.
  const inner = error instanceof AggregateError ? error.errors[0] : error.cause;
  return databaseUnavailableReason(inner, depth + 1);
}

/** Whether `error` means the database is unavailable (see databaseUnavailableReason). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailableReason(error) !== null;
}

function socketAddress(error: Error): string | null {
  const { address, port } = error as { address?: unknown; port?: unknown };
  if (typeof address !== "string") return null;
  return typeof port === "number" ? `${address}:${port}` : address;
}

function firstLine(text: string): string {
  return text.split("\n")[0].trim();
}
