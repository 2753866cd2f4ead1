import "server-only";
import { sqlTransaction } from "./sql";

/**
 * Runs `work` while this process holds a transaction-scoped advisory lock
 * (taken, and waited for, on a pooled connection of its own): `work` runs
 * its queries on other connections, in any style, Prisma transactions
 * included, and the lock is released once it has settled. For one-time
 * set-up that several processes may race through (first-run setup, the
 * demo seed).
 */
export async function withAdvisoryLock<T>(
  key: number,
  work: () => Promise<T>,
  options: { waitMs?: number } = {},
): Promise<T> {
  return sqlTransaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${key}::bigint)`;
      return work();
    },
    // The statement timeout bounds the wait for the lock (the only statement here).
    { timeoutMs: options.waitMs },
  );
}
