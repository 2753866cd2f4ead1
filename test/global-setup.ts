import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { ensureEventPartitionsOn } from "@/lib/events/ensure-event-partitions";

// One PostgreSQL for the whole run: DATABASE_URL when set (CI runs the suite a
// second time against an external server), else an embedded server with its
// own data folder. Migrations are applied once to a template database; each
// test file clones it (test/setup-database.ts), so files never share state.

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

function migrationsFingerprint(): string {
  const dir = path.resolve("prisma/migrations");
  const hash = createHash("sha256");
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name, "migration.sql");
    try {
      hash.update(name).update(readFileSync(file));
    } catch {
      // not a migration folder (lock file, snapshot)
    }
  }
  return hash.digest("hex").slice(0, 12);
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export default async function setup(project: TestProject) {
  let stop = async () => {};
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, "postgres");
  } else {
    // A throwaway cluster per run, so concurrent runs never share a folder.
    const dataDir = process.env.CUE_TEST_DATA_DIR ?? path.join(tmpdir(), `cue-test-${process.pid}`);
    const server = await startEmbeddedPostgres({ dataDir });
    adminUrl = withDatabase(server.url, "postgres");
    stop = async () => {
      await server.stop();
      if (!process.env.CUE_TEST_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    };
  }

  const templateDb = `cue_template_${migrationsFingerprint()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Concurrent runs against one server (rare) serialize here.
    await admin.query("SELECT pg_advisory_lock(4242002)");
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [templateDb]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${templateDb}"`);
      await applyMigrations(withDatabase(adminUrl, templateDb));
    }
    // Events' weekly partitions run from the week the template was made:
    // bring them up to this week and four ahead, as a start would.
    const template = new pg.Client({ connectionString: withDatabase(adminUrl, templateDb) });
    await template.connect();
    try {
      await ensureEventPartitionsOn(template);
    } finally {
      await template.end();
    }
    await dropStaleTestDatabases(admin);
    await admin.query("SELECT pg_advisory_unlock(4242002)");
  } finally {
    await admin.end();
  }

  project.provide("adminUrl", adminUrl);
  project.provide("templateDb", templateDb);
  return async () => {
    await stop();
  };
}

/** Test databases left behind by an interrupted run are dropped. */
async function dropStaleTestDatabases(admin: pg.Client): Promise<void> {
  const stale = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'cue\\_t\\_%'",
  );
  for (const { datname } of stale.rows) {
    const pid = Number(datname.split("_")[2]);
    if (Number.isFinite(pid) && isAlive(pid)) continue;
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
