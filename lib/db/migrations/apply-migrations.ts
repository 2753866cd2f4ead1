// Applies prisma/migrations to a database. The history is checked in plain
// SQL first; the wasm schema engine is loaded only when a migration is
// pending, so a start with an up-to-date database never pays for it.
import type { MigrationList } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { StartupError } from "@/lib/startup-error";
import {
  assertMigrationFilesPresent,
  lockfileIsPostgres,
  migrationsDirOf,
  readMigrationList,
} from "./migration-files";
import {
  assertHistoryIntact,
  failedMigrationError,
  pendingMigrations,
  readAppliedMigrations,
} from "./migration-history";

// Session-level advisory lock that serialises concurrent `applyMigrations`
// calls. Must differ from 72707369, the key the engine itself takes on its own
// connection: holding that one here would make the engine's attempt time out.
const MIGRATION_LOCK_KEY = "7268210942";

type Log = (line: string) => void;

export async function applyMigrations(
  databaseUrl: string,
  opts: { log?: Log; root: string },
): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const migrations = await readMigrationList(migrationsDirOf(opts.root));
  assertMigrationFilesPresent(migrations);

  const lockClient = await connect(databaseUrl);
  try {
    await acquireMigrationLock(lockClient, log);
    const rows = await readAppliedMigrations(lockClient);
    assertHistoryIntact(rows, migrations);
    if (pendingMigrations(rows, migrations).length === 0 && lockfileIsPostgres(migrations)) {
      return { applied: [] };
    }
    const applied = await applyPending(databaseUrl, migrations, lockClient);
    for (const name of applied) log(`Applied migration ${name}`);
    return { applied };
  } finally {
    // Ending the session releases the advisory lock, even if unlock fails.
    await lockClient
      .query("SELECT pg_advisory_unlock($1::bigint)", [MIGRATION_LOCK_KEY])
      .catch(() => {});
    await lockClient.end();
  }
}

async function applyPending(
  databaseUrl: string,
  migrations: MigrationList,
  lockClient: pg.Client,
): Promise<string[]> {
  const { applyWithEngine } = await import("./schema-engine");
  try {
    return await applyWithEngine(databaseUrl, migrations);
  } catch (error) {
    throw await explainApplyFailure(error, lockClient);
  }
}

/** A migration that just failed is recorded unfinished: name it, in one line. */
async function explainApplyFailure(error: unknown, client: pg.Client): Promise<unknown> {
  const rows = await readAppliedMigrations(client).catch(() => []);
  const failed = rows.find((row) => row.finished_at === null);
  return failed ? failedMigrationError(failed) : error;
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  // An idle client whose server goes away emits "error"; unhandled, that
  // would crash the process. The pending engine call fails and reports it.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `Cannot connect to PostgreSQL at ${describeUrl(databaseUrl)} to apply migrations: ${reason}`,
    );
  }
  return client;
}

/** host:port/database, never the password. */
function describeUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  } catch {
    return "DATABASE_URL (not a valid URL)";
  }
}

async function acquireMigrationLock(client: pg.Client, log: Log): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>(
    "SELECT pg_try_advisory_lock($1::bigint) AS locked",
    [MIGRATION_LOCK_KEY],
  );
  if (rows[0]?.locked) return;
  log("Waiting for another process to finish applying migrations…");
  await client.query("SELECT pg_advisory_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
}
