import { postgresErrorCode } from "@/lib/db/postgres-errors";

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
