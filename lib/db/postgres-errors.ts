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
  if (code !== null) return TRANSIENT.has(code) || code.startsWith("08");
  if (isConnectionError(error)) return true;
  // Timeouts of interactive transactions and lost connections carry no SQLSTATE.
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    return ["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"].includes(error.code);
  }
  return error instanceof Prisma.PrismaClientInitializationError;
}
