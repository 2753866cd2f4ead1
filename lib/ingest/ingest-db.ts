import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RawDb } from "./db";

// The ingestion hot path (key check, identity lookup, the write statement,
// the after-commit statement) runs on node-postgres directly. Measured on
// this project's 2-core target, each prisma.$queryRaw costs 1.5–2 ms of
// Node CPU on top of node-postgres (the query compiler and interpreter run
// even for raw SQL): 5–6 ms per /track request, more than everything else
// together. The statements are the same tagged templates (Prisma.sql builds
// them), sent as named prepared statements so PostgreSQL parses and plans
// each shape once per connection. Everything else, including the rare
// profile-creating transaction, stays on the Prisma client.
//
// Values must not be Dates (node-postgres would send local time) and
// results must not contain timestamp columns (it would parse them as local
// time): callers pass ISO strings and read counts, ids and JSON.

interface PoolHolder {
  url: string;
  pool: pg.Pool;
}

const globalForIngest = globalThis as unknown as { cueIngestPool?: PoolHolder };

function getPool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set; start Cue with `npm start` or set it explicitly.");
  const held = globalForIngest.cueIngestPool;
  if (held?.url === url) return held.pool;
  if (held) void held.pool.end().catch(() => {});
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.INGEST_POOL_SIZE ?? 10),
    // Idle connections must not keep a script or a test worker alive.
    allowExitOnIdle: true,
  });
  // A connection dropped while idle (server restart, test database dropped)
  // is replaced on next use; without a listener it would crash the process.
  // 57P01 is the server terminating it on purpose (shutdown, forced drop).
  pool.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "57P01") console.error("[cue] ingestion pool connection lost", error);
  });
  globalForIngest.cueIngestPool = { url, pool };
  return pool;
}

function statementName(text: string): string {
  return `cue_ingest_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
}

/** A RawDb on the ingestion pool: `ingestDb.$queryRaw\`...\`` as with Prisma. */
export const ingestDb: RawDb = {
  async $queryRaw<T>(strings: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
    const query = strings instanceof Prisma.Sql ? strings : Prisma.sql(strings, ...values);
    const result = await getPool().query({
      name: statementName(query.text),
      text: query.text,
      values: query.values as unknown[],
    });
    return result.rows as T;
  },
  async $executeRaw(strings: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
    const query = strings instanceof Prisma.Sql ? strings : Prisma.sql(strings, ...values);
    const result = await getPool().query(query.text, query.values as unknown[]);
    return result.rowCount ?? 0;
  },
};

/** Closes the pool (scripts and tests that want a clean exit). */
export async function closeIngestDb(): Promise<void> {
  const held = globalForIngest.cueIngestPool;
  globalForIngest.cueIngestPool = undefined;
  await held?.pool.end();
}
