import { createHash, randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { applyMigrations, createMigration, SNAPSHOT_FILE } from "@/lib/db/migrate";
import { applyWithEngine } from "@/lib/db/migrations/schema-engine";
import { StartupError } from "@/lib/startup-error";

// The real engine, watched: an up-to-date database must not load it.
vi.mock("@/lib/db/migrations/schema-engine", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/db/migrations/schema-engine")>();
  return { ...actual, applyWithEngine: vi.fn(actual.applyWithEngine) };
});
const engineRuns = vi.mocked(applyWithEngine);

/** Where throwaway databases are created. The one place to change when the harness provides a server. */
function adminUrl(): string {
  return process.env.TEST_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

// "cue_t_<pid>_" lets the test harness drop databases an interrupted run left behind.
function scratchName(): string {
  return `cue_t_${process.pid}_mig${randomBytes(4).toString("hex")}`;
}

function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function query<R extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const repoMigrations = path.resolve("prisma/migrations");

async function migrationFolders(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe("applyMigrations", { timeout: 60_000 }, () => {
  const databases: string[] = [];

  async function freshDatabase(): Promise<string> {
    const name = scratchName();
    await admin((client) => client.query(`CREATE DATABASE "${name}"`));
    databases.push(name);
    return urlFor(name);
  }

  /** Runs `work` on a copy of the repo's prisma/migrations (the root to pass), removed afterwards. */
  async function withMigrationsCopy(work: (root: string) => Promise<void>): Promise<void> {
    const root = await mkdtemp(path.join(os.tmpdir(), "cue-migrate-"));
    try {
      await cp(repoMigrations, path.join(root, "prisma/migrations"), { recursive: true });
      await work(root);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }

  async function addMigration(root: string, name: string, sql: string): Promise<void> {
    await mkdir(path.join(root, "prisma/migrations", name));
    await writeFile(path.join(root, "prisma/migrations", name, "migration.sql"), sql);
  }

  afterAll(async () => {
    await admin(async (client) => {
      for (const name of databases)
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  });

  let url: string;
  beforeAll(async () => {
    url = await freshDatabase();
  });

  it("applies every migration to an empty database and records it as Prisma does", async () => {
    const folders = await migrationFolders(repoMigrations);
    expect(folders.length).toBeGreaterThan(0);

    const { applied } = await applyMigrations(url);
    expect(applied).toEqual(folders);

    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining([
        "members",
        "workspaces",
        "events",
        "engine_queue",
        "_prisma_migrations",
      ]),
    );

    const recorded = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
    }>(
      url,
      "SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name",
    );
    for (const [index, row] of recorded.entries()) {
      const file = await readFile(path.join(repoMigrations, folders[index], "migration.sql"));
      expect(row.migration_name).toBe(folders[index]);
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("is a no-op the second time, without loading the schema engine", async () => {
    engineRuns.mockClear();
    expect(await applyMigrations(url)).toEqual({ applied: [] });
    expect(engineRuns).not.toHaveBeenCalled();
  });

  it("hands only new and rolled-back migrations to the engine", async () => {
    await withMigrationsCopy(async (root) => {
      const target = await freshDatabase();
      await applyMigrations(target, { root });

      const extra = "20991231000000_extra";
      await addMigration(root, extra, "CREATE TABLE extra_t (id int);\n");
      engineRuns.mockClear();
      expect(await applyMigrations(target, { root })).toEqual({ applied: [extra] });
      expect(engineRuns).toHaveBeenCalledTimes(1);

      await query(target, "DROP TABLE extra_t");
      await query(
        target,
        "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1",
        [extra],
      );
      expect(await applyMigrations(target, { root })).toEqual({ applied: [extra] });
      expect(engineRuns).toHaveBeenCalledTimes(2);

      expect(await applyMigrations(target, { root })).toEqual({ applied: [] });
      expect(engineRuns).toHaveBeenCalledTimes(2);
    });
  });

  it("leaves a lockfile for another provider to the engine", async () => {
    await withMigrationsCopy(async (root) => {
      const target = await freshDatabase();
      await applyMigrations(target, { root });
      await writeFile(
        path.join(root, "prisma/migrations/migration_lock.toml"),
        'provider = "mysql"\n',
      );
      engineRuns.mockClear();
      await applyMigrations(target, { root }).catch(() => {});
      expect(engineRuns).toHaveBeenCalledTimes(1);
    });
  });

  it("applies each migration once when several processes start together", async () => {
    const shared = await freshDatabase();
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations(shared)));
    const applied = results.flatMap((result) => result.applied);
    expect(applied).toEqual(await migrationFolders(repoMigrations));
  });

  it("refuses to start when an applied migration was edited", async () => {
    const [first] = await migrationFolders(repoMigrations);
    await query(url, "UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2", [
      "0".repeat(64),
      first,
    ]);

    const attempt = applyMigrations(url);
    await expect(attempt).rejects.toBeInstanceOf(StartupError);
    await expect(attempt).rejects.toThrow(
      `Migration ${first} was edited after it was applied (checksum mismatch).`,
    );
  });

  it("names a migration that failed, now and on every later start", async () => {
    await withMigrationsCopy(async (root) => {
      const broken = "20991231000000_broken";
      await addMigration(root, broken, "ALTER TABLE nope ADD x int;\n");
      const target = await freshDatabase();

      for (let attempt = 0; attempt < 2; attempt++) {
        const run = applyMigrations(target, { root });
        await expect(run).rejects.toBeInstanceOf(StartupError);
        await expect(run).rejects.toThrow(`Migration ${broken} failed`);
      }
    });
  });
});

describe("createMigration", { timeout: 60_000 }, () => {
  let root: string;
  let migrationsDir: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "cue-migrate-"));
    await mkdir(path.join(root, "prisma"));
    await cp(path.resolve("prisma/schema.prisma"), path.join(root, "prisma/schema.prisma"));
    await cp(repoMigrations, path.join(root, "prisma/migrations"), { recursive: true });
    migrationsDir = path.join(root, "prisma/migrations");
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("returns null and writes nothing when the schema has not changed", async () => {
    const before = await readdir(migrationsDir);
    expect(await createMigration("nothing", { root })).toBeNull();
    expect(await readdir(migrationsDir)).toEqual(before);
  });

  it("writes the next migration and updates the snapshot when a model is added", async () => {
    const schemaFile = path.join(root, "prisma/schema.prisma");
    const schema = `${await readFile(schemaFile, "utf8")}
model Widget {
  id   String @id
  name String

  @@map("widgets")
}
`;
    await writeFile(schemaFile, schema);
    const previous = await migrationFolders(migrationsDir);

    const folder = await createMigration("Add widgets", { root });

    expect(folder).toMatch(/^\d{14}_add_widgets$/);
    const folders = await migrationFolders(migrationsDir);
    expect(folders).toEqual([...previous, folder]);
    const sql = await readFile(path.join(migrationsDir, String(folder), "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "widgets"');
    expect(sql).not.toContain('CREATE TABLE "members"');
    expect(await readFile(path.join(migrationsDir, SNAPSHOT_FILE), "utf8")).toBe(schema);
    expect(await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain(
      'provider = "postgresql"',
    );
    expect(await createMigration("again", { root })).toBeNull();
  });
});
