import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { closeListeners } from "./listen";
import { closeSql, getPool } from "./sql";

// The one Prisma client of this process, for the model API (admin CRUD; see
// lib/db/README.md). DATABASE_URL is set by the start script (embedded
// PostgreSQL) or by the operator (production), before any query runs, so the
// client is created lazily on first use.
//
// It runs on lib/db/sql.ts's pool, not on a pool of its own. That is safe
// because @prisma/adapter-pg passes its own type parsers with every query
// (`types` in the query config, which node-postgres prefers to the pool's),
// so sql.ts's pool-level parsers (timestamp as UTC, int8 as bigint) never
// reach Prisma's results, and its statements are unnamed, so they never meet
// sql.ts's named prepared statements.
//
// The same module holds the read client (`readPrisma`), on the read pool of
// sql.ts: the replica named by DATABASE_READ_URL, or the primary's own pool
// (and so this same client) when none is set.
const globalForPrisma = globalThis as unknown as {
  cuePrisma?: { client: PrismaClient; pool: pg.Pool };
  cueReadPrisma?: { client: PrismaClient; pool: pg.Pool };
};

function createClient(pool: pg.Pool): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

export function getPrisma(): PrismaClient {
  // getPool() throws when DATABASE_URL is unset, and makes a new pool when it
  // changed (the client follows).
  const pool = getPool();
  const held = globalForPrisma.cuePrisma;
  if (held?.pool === pool) return held.client;
  const client = createClient(pool);
  globalForPrisma.cuePrisma = { client, pool };
  return client;
}

/**
 * The client for reads that tolerate replication lag (analytics, exports,
 * backtests, admin lists): on DATABASE_READ_URL's replica, or the primary
 * client itself when none is set. Never for what decides a send.
 */
export function getReadPrisma(): PrismaClient {
  const pool = getPool("read");
  if (pool === getPool()) return getPrisma();
  const held = globalForPrisma.cueReadPrisma;
  if (held?.pool === pool) return held.client;
  const client = createClient(pool);
  globalForPrisma.cueReadPrisma = { client, pool };
  return client;
}

function lazyClient(get: () => PrismaClient): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, property) {
      const client = get();
      const value = Reflect.get(client, property, client);
      return typeof value === "function" ? value.bind(client) : value;
    },
  });
}

// `prisma.x.findMany(...)` reads naturally at call sites; the proxy defers
// creation until the first property access.
export const prisma: PrismaClient = lazyClient(getPrisma);

/** `readPrisma.x.findMany(...)`: the read client (see getReadPrisma). */
export const readPrisma: PrismaClient = lazyClient(getReadPrisma);

/**
 * Closes the process's database connections: the Prisma client, the pools it
 * shares with lib/db/sql.ts, and the LISTEN connection (shutdown, scripts,
 * the end of a test file).
 */
export async function disconnectPrisma(): Promise<void> {
  const held = [globalForPrisma.cuePrisma, globalForPrisma.cueReadPrisma];
  globalForPrisma.cuePrisma = undefined;
  globalForPrisma.cueReadPrisma = undefined;
  await Promise.all(held.map((h) => h?.client.$disconnect()));
  await Promise.all([closeSql(), closeListeners()]);
}
