import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { postgresErrorCode } from "@/lib/ingest/db-errors";

// What the engine does with a failed batch depends on whether trying again
// can help (a deadlock, a restarting server) or not (a bug, bad data).

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

function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    (typeof code === "string" && CONNECTION_CODES.has(code)) ||
    CONNECTION_MESSAGE.test(error.message)
  );
}

/** An error raised by the database or the driver (the transaction is aborted). */
export function isDatabaseError(error: unknown): boolean {
  return (
    error instanceof pg.DatabaseError ||
    isConnectionError(error) ||
    error instanceof Prisma.PrismaClientKnownRequestError ||
    error instanceof Prisma.PrismaClientUnknownRequestError ||
    error instanceof Prisma.PrismaClientRustPanicError ||
    error instanceof Prisma.PrismaClientInitializationError
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

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
