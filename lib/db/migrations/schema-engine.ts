// Prisma's schema engine, compiled to WebAssembly, talking to PostgreSQL
// through `@prisma/adapter-pg`. Loading it costs a large wasm compile, so
// apply-migrations.ts imports this module only when there is work for it.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let bindingsReady: Promise<Bindings> | undefined;

/**
 * Instantiates the engine's WebAssembly module once per process. The package
 * is built for bundlers (`import * as wasm from "./x.wasm"`), so Node needs
 * the glue wired by hand, as its generated entry file would do.
 */
function loadEngineBindings(): Promise<Bindings> {
  bindingsReady ??= (async () => {
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    // The .wasm file is not in the package's "exports"; resolve its JS sibling.
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const imports = { "./schema_engine_bg.js": withUnrefTimers(bindings) };
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bindings;
  })();
  return bindingsReady;
}

type Glue = Record<string, WebAssembly.ImportValue>;

/**
 * The glue's functions are the wasm's imports. One is replaced: the engine
 * races each applyMigrations against a 10 s timer (its own advisory-lock
 * timeout) and never clears it, which kept short scripts alive for 10 s after
 * finishing. Unref'd timers still fire while anything else (here: the open
 * database connection the engine is waiting on) keeps the process alive.
 */
function withUnrefTimers(bindings: object): Glue {
  // The namespace holds only functions (and the SchemaEngine class), all
  // valid import values; TypeScript cannot see that through the d.ts.
  const glue = { ...bindings } as Glue;
  for (const key of Object.keys(glue).filter((name) => name.startsWith("__wbg_setTimeout_"))) {
    const original = glue[key] as (callback: () => void, ms: number) => NodeJS.Timeout;
    glue[key] = (callback: () => void, ms: number) => original(callback, ms).unref();
  }
  return glue;
}

type BoundFactory = ReturnType<typeof bindMigrationAwareSqlAdapterFactory>;

/** Runs `work` with a fresh engine, and frees it afterwards. */
export async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const bindings = await loadEngineBindings();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  let engine: SchemaEngine | undefined;
  try {
    // The engine's log lines are JSON tracing events; nothing an operator needs.
    engine = await bindings.SchemaEngine.new({ datamodels: undefined }, () => {}, bound);
    return await work(engine);
  } catch (error) {
    throw explainEngineError(error, bound);
  } finally {
    engine?.free();
  }
}

/**
 * Errors thrown by the adapter reach the engine as "External error id#N"; the
 * original error waits in the bound factory's registry. Surface it instead.
 */
function explainEngineError(error: unknown, bound: BoundFactory): unknown {
  const match = error instanceof Error ? /External error id#(\d+)/.exec(error.message) : null;
  if (!match) return error;
  const original = bound.errorRegistry.consumeError(Number(match[1]))?.error;
  return original ?? error;
}

/** Applies the pending migrations of `migrations`; returns the names it applied. */
export async function applyWithEngine(
  databaseUrl: string,
  migrations: MigrationList,
): Promise<string[]> {
  // Our own pool, so it is surely closed afterwards (the engine may not
  // dispose its adapter on free()), letting short-lived scripts exit.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on("error", () => {}); // idle-client errors: the pending engine call reports them
  try {
    const output = await withEngine(new PrismaPg(pool), (engine) =>
      engine.applyMigrations({ migrationsList: migrations, filters: NO_FILTERS }),
    );
    return output.appliedMigrationNames;
  } finally {
    await pool.end();
  }
}
