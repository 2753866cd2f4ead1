import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";

// The hot paths (ingestion, the inbox API, the engine's event and timer
// transactions) run their statements on node-postgres directly. Measured on
// this project's 2-core target, each Prisma query costs 1.5–2 ms of Node CPU
// on top of node-postgres (the query compiler and interpreter run even for
// raw SQL): most of a /track request, most of an inbox read, and most of an
// engine transaction. Everything else stays on the one Prisma client
// (client.ts).
//
// Statements are the same Prisma.sql tagged templates that `$queryRaw`
// takes, so a function written against `RawDb` runs on either. They are sent
// as named prepared statements, so PostgreSQL parses and plans each shape
// once per connection. Results read as Prisma's raw queries read them:
// `timestamp(3)` columns, which hold UTC wall time, parse as UTC (not local
// time) and int8 as bigint; Date parameters are sent as ISO strings.

/** What a hot path needs from a database handle: raw SQL as tagged templates. */
export interface RawDb {
  $queryRaw<T = unknown>(
    query: TemplateStringsArray | Prisma.Sql,
    ...values: unknown[]
  ): PromiseLike<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<number>;
}

const TIMESTAMP = 1114; // timestamp without time zone
const INT8 = 20;

/** "2026-01-02 03:04:05.678" as UTC (the way Prisma wrote it). */
export function parseUtcTimestamp(text: string): Date {
  return new Date(`${text.replace(" ", "T")}Z`);
}

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (format === "binary") return pg.types.getTypeParser(oid, format);
    if (oid === TIMESTAMP) return parseUtcTimestamp;
    if (oid === INT8) return (text: string) => BigInt(text);
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig["getTypeParser"],
};

interface PoolHolder {
  url: string;
  pool: pg.Pool;
}

/**
 * `generic`: connections with plan_cache_mode = force_generic_plan. PostgreSQL
 * replans a prepared statement for each execution while a custom plan looks
 * cheaper than the generic one, and for ingestion's large multi-CTE statements
 * (whose array and JSON parameters make the custom estimates differ) that
 * planning was measured at ~40% of PostgreSQL's CPU per request. Their
 * generic plans are the same index probes.
 */
type PoolKind = "default" | "generic";

const globalForSql = globalThis as unknown as {
  cueSqlPool?: PoolHolder;
  cueSqlGenericPool?: PoolHolder;
};
const HOLDER = { default: "cueSqlPool", generic: "cueSqlGenericPool" } as const;

function getPool(kind: PoolKind = "default"): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set; start Cue with `npm start` or set it explicitly.");
  const held = globalForSql[HOLDER[kind]];
  if (held?.url === url) return held.pool;
  if (held) void held.pool.end().catch(() => {});
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_SQL_POOL_SIZE ?? 10),
    types,
    // Idle connections must not keep a script or a test worker alive.
    allowExitOnIdle: true,
    ...(kind === "generic" ? { options: "-c plan_cache_mode=force_generic_plan" } : {}),
  });
  // A connection dropped while idle (server restart, test database dropped)
  // is replaced on next use; without a listener it would crash the process.
  // 57P01 is the server terminating it on purpose (shutdown, forced drop).
  pool.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "57P01") console.error("[cue] database connection lost", error);
  });
  globalForSql[HOLDER[kind]] = { url, pool };
  return pool;
}

// The names of the statements seen so far; the hot paths have a few dozen shapes.
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `cue_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    if (statementNames.size < 2_000) statementNames.set(text, name);
  }
  return name;
}

function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toParameter);
  return value;
}

function toSql(strings: TemplateStringsArray | Prisma.Sql, values: unknown[]): Prisma.Sql {
  return strings instanceof Prisma.Sql ? strings : Prisma.sql(strings, ...values);
}

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

function rawDbOn(target: () => Queryable): RawDb {
  return {
    async $queryRaw<T>(strings: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const query = toSql(strings, values);
      const result = await target().query({
        name: statementName(query.text),
        text: query.text,
        values: query.values.map(toParameter),
      });
      return result.rows as T;
    },
    async $executeRaw(strings: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const query = toSql(strings, values);
      const result = await target().query({
        name: statementName(query.text),
        text: query.text,
        values: query.values.map(toParameter),
      });
      return result.rowCount ?? 0;
    },
  };
}

/** Statements on the pool, each on whichever connection is free. */
export const sql: RawDb = rawDbOn(getPool);

/**
 * The same, on a second pool whose connections always use generic plans
 * (see PoolKind): for statements whose planning costs more than it saves,
 * which ingestion's are.
 */
export const genericPlanSql: RawDb = rawDbOn(() => getPool("generic"));

/** Rows of one statement (a Prisma.sql template) on the pool. */
export async function queryRows<T>(query: Prisma.Sql): Promise<T[]> {
  return sql.$queryRaw<T[]>(query);
}

export interface SqlTransactionOptions {
  /** `SET LOCAL statement_timeout`, in ms (default: the server's). */
  timeoutMs?: number;
}

/**
 * Runs `fn` in one transaction on one pooled connection: COMMIT when it
 * resolves, ROLLBACK when it throws (the error is rethrown). A connection
 * whose ROLLBACK fails is discarded rather than returned to the pool.
 */
export async function sqlTransaction<T>(
  fn: (tx: RawDb) => Promise<T>,
  options: SqlTransactionOptions = {},
): Promise<T> {
  const client = await getPool().connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    if (options.timeoutMs)
      await client.query(`SET LOCAL statement_timeout = ${Math.floor(options.timeoutMs)}`);
    const result = await fn(rawDbOn(() => client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Closes the pool (scripts and tests that want a clean exit). */
export async function closeSql(): Promise<void> {
  const held = [globalForSql.cueSqlPool, globalForSql.cueSqlGenericPool];
  globalForSql.cueSqlPool = undefined;
  globalForSql.cueSqlGenericPool = undefined;
  await Promise.all(held.map((holder) => holder?.pool.end()));
}
