// How many PostgreSQL connections one Cue process may open, decided here from
// one setting, DATABASE_POOL_SIZE (default 20): the query connections of the
// process in total. They are two node-postgres pools (lib/db/sql.ts):
//
// - `shared`: Prisma's model API (lib/db/client.ts runs on this same pool)
//   and every SQL statement of lib/db/sql.ts: the engine, the inbox, admin
//   reads and writes. Three quarters of the total.
// - `generic`: ingestion's statements, on connections that force generic
//   plans (see sql.ts). A quarter of the total, at least one.
//
// Beside them, the one LISTEN connection of lib/db/listen.ts. So a process
// opens at most DATABASE_POOL_SIZE + 1 connections (21 by default); before
// this module it was 20 (Prisma) + 10 + 10 (node-postgres) + 3 (LISTEN).
//
// DATABASE_SQL_POOL_SIZE, which sized each node-postgres pool beside
// Prisma's, is no longer read; a process that has it set says so once.

export const DEFAULT_POOL_SIZE = 20;

export interface PoolSizes {
  shared: number;
  generic: number;
}

let warned = false;

export function poolSizes(env: Record<string, string | undefined> = process.env): PoolSizes {
  const raw = env.DATABASE_POOL_SIZE?.trim();
  const total = raw ? Number(raw) : DEFAULT_POOL_SIZE;
  if (!Number.isInteger(total) || total < 2) {
    throw new Error(
      `DATABASE_POOL_SIZE must be a whole number of at least 2 (connections per process), not "${raw}".`,
    );
  }
  if (env.DATABASE_SQL_POOL_SIZE && !warned) {
    warned = true;
    console.warn(
      `[cue] DATABASE_SQL_POOL_SIZE is no longer read: DATABASE_POOL_SIZE (${total}) sizes every pool of the process.`,
    );
  }
  const generic = Math.max(1, Math.floor(total / 4));
  return { shared: total - generic, generic };
}
