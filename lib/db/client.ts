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
const globalForPrisma = globalThis as unknown as {
  cuePrisma?: { client: PrismaClient; pool: pg.Pool };
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

// `prisma.x.findMany(...)` reads naturally at call sites; the proxy defers
// creation until the first property access.
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * Closes the process's database connections: the Prisma client, the pools it
 * shares with lib/db/sql.ts, and the LISTEN connection (shutdown, scripts,
 * the end of a test file).
 */
export async function disconnectPrisma(): Promise<void> {
  const held = globalForPrisma.cuePrisma;
  globalForPrisma.cuePrisma = undefined;
  await held?.client.$disconnect();
  await Promise.all([closeSql(), closeListeners()]);
}
