import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { reportDatabaseError } from "./availability";
import { poolSizes } from "./pool-size";
import { replanDue } from "./replan";

// The hot paths (ingestion, the inbox API, the engine's event and timer
// transactions) run their statements on node-postgres directly. Measured on
// this project's 2-core target, each Prisma query costs 1.5–2 ms of Node CPU
// on top of node-postgres (the query compiler and interpreter run even for
// raw SQL): most of a /track request, most of an inbox read, and most of an
// engine transaction. Prisma's model API (client.ts) runs on this module's
// pool too, so the process has one pool for both (sized in pool-size.ts).
// Where each style is used: lib/db/README.md.
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
type PoolKind = "default" | "generic" | "read";

const CONNECT_TIMEOUT_MS = 10_000;

const globalForSql = globalThis as unknown as {
  cueSqlPool?: PoolHolder;
  cueSqlGenericPool?: PoolHolder;
  cueSqlReadPool?: PoolHolder;
};
const HOLDER = {
  default: "cueSqlPool",
  generic: "cueSqlGenericPool",
  read: "cueSqlReadPool",
} as const;

/**
 * DATABASE_READ_URL when set and different from DATABASE_URL: the replica
 * that analytics, exports, backtests and admin lists read (see `readSql`).
 * Unset (or equal), those reads run on the primary's pool.
 */
export function readReplicaUrl(env: Record<string, string | undefined> = process.env) {
  const url = env.DATABASE_READ_URL?.trim();
  return url && url !== env.DATABASE_URL ? url : undefined;
}

/** The pool, created for the current DATABASE_URL on first use (Prisma's adapter runs on it). */
export function getPool(kind: PoolKind = "default"): pg.Pool {
  const primary = process.env.DATABASE_URL;
  if (!primary)
    throw new Error("DATABASE_URL is not set; start Cue with `npm start` or set it explicitly.");
  let url = primary;
  if (kind === "read") {
    const replica = readReplicaUrl();
    // Without a replica the read paths share the primary's pool: no extra connections.
    if (!replica) return getPool("default");
    url = replica;
  }
  const held = globalForSql[HOLDER[kind]];
  if (held?.url === url) return held.pool;
  if (held) void held.pool.end().catch(() => {});
  const pool = new pg.Pool({
    connectionString: url,
    // The read pool is on the replica's server: it counts against that
    // server's connections, as large as the shared pool on the primary.
    max: kind === "generic" ? poolSizes().generic : poolSizes().shared,
    types,
    // Idle connections must not keep a script or a test worker alive.
    allowExitOnIdle: true,
    // Kept open through a lull (node-postgres closes them after 10 s): a new
    // connection costs a SCRAM handshake, several ms of CPU on both sides,
    // and a burst after a pause would otherwise pay it on every connection.
    idleTimeoutMillis: 300_000,
    // A server that does not answer (a network partition drops packets
    // rather than refusing) must not hold a request until TCP gives up: after
    // 10 s without a connection the query fails as unavailable (503, Retry-After).
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(kind === "generic" ? { options: "-c plan_cache_mode=force_generic_plan" } : {}),
  });
  // A connection dropped while idle (server restart, test database dropped)
  // is replaced on next use; without a listener it would crash the process.
  // 57P01 is the server terminating it on purpose (shutdown, forced drop).
  // A lost server is reported to the outage monitor, which logs it once.
  pool.on("error", (error: Error & { code?: string }) => {
    if (error.code === "57P01" || reportDatabaseError(error)) return;
    console.error("[cue] database connection lost", error);
  });
  globalForSql[HOLDER[kind]] = { url, pool };
  return pool;
}

// A statement is prepared (sent named) from its second use in the process:
// the hot paths' few dozen shapes are parsed and planned once per
// connection, while a one-off (an admin action, a search with unusual
// filters) is sent unnamed, as Prisma sends every statement, and leaves
// nothing behind on the connection. Past MAX_PREPARED shapes, new ones stay
// unnamed, so no connection collects prepared statements without bound.
const MAX_PREPARED = 1_000;
/** Statement text → its name once used twice (null: seen once). */
const statements = new Map<string, string | null>();

function statementName(text: string): string | undefined {
  const known = statements.get(text);
  if (known) return known;
  if (known === null) {
    const name = `cue_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    statements.set(text, name);
    return name;
  }
  if (statements.size < MAX_PREPARED) statements.set(text, null);
  return undefined;
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

type Query = { name: string | undefined; text: string; values: unknown[] };

function rawDbWith(run: (query: Query) => Promise<pg.QueryResult>): RawDb {
  const send = (strings: TemplateStringsArray | Prisma.Sql, values: unknown[]) => {
    const query = toSql(strings, values);
    return run({
      name: statementName(query.text),
      text: query.text,
      values: query.values.map(toParameter),
    });
  };
  return {
    async $queryRaw<T>(strings: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      return (await send(strings, values)).rows as T;
    },
    async $executeRaw(strings: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      return (await send(strings, values)).rowCount ?? 0;
    },
  };
}

/** Statements on one checked-out connection (a transaction's). */
function rawDbOn(client: pg.PoolClient): RawDb {
  return rawDbWith((query) => client.query(query));
}

/**
 * Runs `fn` on a connection checked out of `pool` and releases it after,
 * destroyed rather than pooled when `fn` called `fail` or the connection was
 * lost meanwhile. A checked-out connection has no listener of the pool's: if
 * the server went away between two statements, its `error` event would be
 * uncaught and end the process; the next statement fails instead.
 */
async function onConnection<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient, fail: (error: Error) => void) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let failed: Error | undefined;
  const fail = (error: Error) => {
    failed = error;
  };
  client.on("error", fail);
  try {
    return await fn(client, fail);
  } finally {
    client.off("error", fail);
    client.release(failed);
  }
}

/**
 * Statements on a pool, each on whichever connection is free: what
 * `pool.query` does (an error releases the connection as failed), plus the
 * connection's replanning when it is due (lib/db/replan.ts).
 */
function rawDbOnPool(pool: () => pg.Pool): RawDb {
  return rawDbWith((query) =>
    onConnection(pool(), async (client, fail) => {
      try {
        if (replanDue(client)) await client.query("DISCARD PLANS");
        return await client.query(query);
      } catch (error) {
        fail(error as Error);
        throw error;
      }
    }),
  );
}

/** Statements on the pool, each on whichever connection is free. */
export const sql: RawDb = rawDbOnPool(() => getPool());

/**
 * Statements on the read replica (DATABASE_READ_URL), or on the primary's
 * pool when none is set. Only for reads that tolerate replication lag:
 * analytics, exports, backtests and admin lists (lib/db/README.md). Nothing
 * that decides a send (the engine, ingestion, the inbox, email delivery)
 * may use it; lib/db/data-access-rule.ts checks that.
 */
export const readSql: RawDb = rawDbOnPool(() => getPool("read"));

/** Rows of one statement on the read replica (or the primary when none is set). */
export async function readQueryRows<T>(query: Prisma.Sql): Promise<T[]> {
  return readSql.$queryRaw<T[]>(query);
}

/**
 * The same, on a second pool whose connections always use generic plans
 * (see PoolKind): for statements whose planning costs more than it saves,
 * which ingestion's are.
 */
export const genericPlanSql: RawDb = rawDbOnPool(() => getPool("generic"));

/** Rows of one statement (a Prisma.sql template) on the pool. */
export async function queryRows<T>(query: Prisma.Sql): Promise<T[]> {
  return sql.$queryRaw<T[]>(query);
}

/**
 * One read whose rows come back as a JSON array, so that several of them run
 * in one statement (`queryParts`): a round trip saved per part on the hot
 * paths. In JSON, `timestamp(3)` values are ISO strings without a zone
 * (read them with `jsonTimestamp`) and int8 would lose precision (cast it to
 * text). A part with no query (`sql: null`) costs nothing and parses [].
 */
export interface JsonPart<T> {
  sql: Prisma.Sql | null;
  parse(rows: unknown[]): T;
}

export function jsonPart<Row, T>(sql: Prisma.Sql | null, parse: (rows: Row[]) => T): JsonPart<T> {
  return { sql, parse: parse as (rows: unknown[]) => T };
}

type PartResults<P extends Record<string, JsonPart<unknown>>> = {
  [K in keyof P]: P[K] extends JsonPart<infer T> ? T : never;
};

/** Runs every part with a query in one statement, and parses each. */
export async function queryParts<P extends Record<string, JsonPart<unknown>>>(
  db: RawDb,
  parts: P,
): Promise<PartResults<P>> {
  const names = Object.keys(parts).filter((name) => parts[name]?.sql);
  let row: Record<string, unknown[]> = {};
  if (names.length > 0) {
    const columns = names.map(
      (name) =>
        Prisma.sql`(SELECT coalesce(json_agg(t), '[]'::json) FROM (${parts[name]?.sql as Prisma.Sql}) t) AS ${Prisma.raw(`"${name}"`)}`,
    );
    const rows = await db.$queryRaw<
      Record<string, unknown[]>[]
    >`SELECT ${Prisma.join(columns, ",\n")}`;
    row = rows[0] ?? {};
  }
  const out: Record<string, unknown> = {};
  for (const [name, part] of Object.entries(parts)) out[name] = part.parse(row[name] ?? []);
  return out as PartResults<P>;
}

/**
 * Data-modifying statements (INSERT, UPDATE, DELETE) in one round trip: each
 * becomes a WITH query of one statement. They all see the snapshot from
 * before any of them, so none may read what another writes, and no two may
 * touch the same row. Nulls are skipped.
 */
export async function executeAll(
  db: RawDb,
  statements: readonly (Prisma.Sql | null)[],
): Promise<void> {
  const list = statements.filter((s): s is Prisma.Sql => s !== null);
  if (list.length === 0) return;
  if (list.length === 1) {
    await db.$executeRaw(list[0] as Prisma.Sql);
    return;
  }
  const queries = list.map((s, i) => Prisma.sql`${Prisma.raw(`w${i}`)} AS (${s})`);
  await db.$executeRaw`WITH ${Prisma.join(queries, ",\n")} SELECT 1`;
}

/** A `timestamp(3)` read through JSON ("2026-01-02T03:04:05.678", UTC wall time). */
export function jsonTimestamp(text: string): Date;
export function jsonTimestamp(text: string | null): Date | null;
export function jsonTimestamp(text: string | null): Date | null {
  return text === null ? null : new Date(text.endsWith("Z") ? text : `${text}Z`);
}

export interface SqlTransactionOptions {
  /** `SET LOCAL statement_timeout`, in ms (default: the server's). */
  timeoutMs?: number;
  /** Run on the generic-plan pool (`genericPlanSql`'s): ingestion's writes. */
  genericPlans?: boolean;
  /**
   * Key-probe plans (BEGIN_PROBES): for transactions whose every statement
   * reads and writes by key (the engine's event and timer batches).
   */
  probePlans?: boolean;
}

/**
 * `BEGIN` for `probePlans`, one round trip: generic plans, and no sequential
 * scans. An engine batch's statements are short key probes, and PostgreSQL
 * planned them anew on every batch (their array parameters make each custom
 * plan look cheaper than the generic one): measured with pg_stat_statements
 * on bench:engine at 100 events/s, planning took more time than execution
 * (2.2 s against 1.8 s). A generic plan is made once per connection, but made
 * while a table is young (its statistics say empty, until autovacuum's next
 * ANALYZE) it would scan that table on every batch; with sequential scans
 * off it is the index probe whatever the statistics say (and REPLAN,
 * lib/db/replan.ts, makes it again as the tables grow). Both settings are
 * LOCAL: they end with the transaction.
 */
const BEGIN_PROBES =
  "BEGIN; SET LOCAL plan_cache_mode = force_generic_plan; SET LOCAL enable_seqscan = off";

/**
 * Runs `fn` in one transaction on one pooled connection: COMMIT when it
 * resolves, ROLLBACK when it throws (the error is rethrown). A connection
 * whose ROLLBACK fails is discarded rather than returned to the pool.
 */
export async function sqlTransaction<T>(
  fn: (tx: RawDb) => Promise<T>,
  options: SqlTransactionOptions = {},
): Promise<T> {
  return onConnection(
    getPool(options.genericPlans ? "generic" : "default"),
    async (client, fail) => {
      try {
        // One round trip: the replanning when due, BEGIN, and probe-plan settings.
        const begin = options.probePlans ? BEGIN_PROBES : "BEGIN";
        await client.query(replanDue(client) ? `DISCARD PLANS; ${begin}` : begin);
        if (options.timeoutMs)
          await client.query(`SET LOCAL statement_timeout = ${Math.floor(options.timeoutMs)}`);
        const result = await fn(rawDbOn(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        // A connection whose ROLLBACK fails is discarded, not pooled.
        await client.query("ROLLBACK").catch(fail);
        throw error;
      }
    },
  );
}

/** Closes the pool (scripts and tests that want a clean exit). */
export async function closeSql(): Promise<void> {
  const held = [
    globalForSql.cueSqlPool,
    globalForSql.cueSqlGenericPool,
    globalForSql.cueSqlReadPool,
  ];
  globalForSql.cueSqlPool = undefined;
  globalForSql.cueSqlGenericPool = undefined;
  globalForSql.cueSqlReadPool = undefined;
  await Promise.all(held.map((holder) => holder?.pool.end()));
}
