import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";

// The inbox hot path (the auth context, the page with its counts, the counts
// after a state change) runs on node-postgres directly, as ingestion does
// (lib/ingest/ingest-db.ts): each Prisma query costs 1.5–2 ms of Node CPU on
// top of node-postgres, which was most of a GET /api/v1/inbox. Statements are
// Prisma.sql templates sent as named prepared statements, so PostgreSQL
// parses and plans each shape once per connection.
//
// Unlike the ingestion pool, this one reads timestamps: Prisma stores UTC
// wall time in `timestamp(3) without time zone`, so this pool parses those
// columns as UTC (node-postgres would read local time), and Date values are
// sent as ISO strings (it would send local time).
//
// Kept in lib/inbox so the ingestion module stays untouched; the two pools
// can become one lib/db module.

const TIMESTAMP = 1114; // timestamp without time zone

/** "2026-01-02 03:04:05.678" as UTC (the way Prisma wrote it). */
export function parseUtcTimestamp(text: string): Date {
  return new Date(`${text.replace(" ", "T")}Z`);
}

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP && format !== "binary"
      ? parseUtcTimestamp
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

interface PoolHolder {
  url: string;
  pool: pg.Pool;
}

const globalForInbox = globalThis as unknown as { cueInboxPool?: PoolHolder };

function getPool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set; start Cue with `npm start` or set it explicitly.");
  const held = globalForInbox.cueInboxPool;
  if (held?.url === url) return held.pool;
  if (held) void held.pool.end().catch(() => {});
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.INBOX_POOL_SIZE ?? 10),
    types,
    // Idle connections must not keep a script or a test worker alive.
    allowExitOnIdle: true,
  });
  // A connection dropped while idle is replaced on next use; without a
  // listener it would crash the process. 57P01: terminated on purpose.
  pool.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "57P01") console.error("[cue] inbox pool connection lost", error);
  });
  globalForInbox.cueInboxPool = { url, pool };
  return pool;
}

function statementName(text: string): string {
  return `cue_inbox_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
}

function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** Rows of one statement (a Prisma.sql template) on the inbox pool. */
export async function queryInbox<T>(query: Prisma.Sql): Promise<T[]> {
  const result = await getPool().query({
    name: statementName(query.text),
    text: query.text,
    values: query.values.map(toParameter),
  });
  return result.rows as T[];
}

/** Closes the pool (scripts and tests that want a clean exit). */
export async function closeInboxDb(): Promise<void> {
  const held = globalForInbox.cueInboxPool;
  globalForInbox.cueInboxPool = undefined;
  await held?.pool.end();
}
