import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";

// Raw queries through @prisma/adapter-pg fail with P2010 and carry the
// PostgreSQL SQLSTATE in meta.driverAdapterError.cause; node-postgres (the
// ingestion pool) throws a DatabaseError with `code`. This reads either
// without an untyped catch at every call site.
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

/** SQLSTATEs of errors that a fresh attempt of the same ingestion can avoid. */
const RETRYABLE = new Set([
  "40P01", // deadlock_detected
  "40001", // serialization_failure
  "23505", // unique_violation: another request stored the same messageId, profile or identity first
  "22012", // division_by_zero: the profile-moved guard in insert-events.ts
]);

export function isRetryableIngestError(error: unknown): boolean {
  const code = postgresErrorCode(error);
  return code !== null && RETRYABLE.has(code);
}
