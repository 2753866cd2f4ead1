// `npm run db:migration`: the next prisma/migrations folder, diffed from the
// schema as of the last migration (SNAPSHOT_FILE) to prisma/schema.prisma.
import { randomUUID } from "node:crypto";
import { access, mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { diffOrNull } from "./diff-schemas";
import {
  LOCKFILE,
  LOCKFILE_CONTENT,
  MIGRATION_FILE,
  MIGRATIONS_DIR,
  migrationsDirOf,
  SCHEMA_FILE,
  SNAPSHOT_FILE,
} from "./migration-files";

/** "Add Journeys!" -> "add_journeys"; null when nothing usable is left. */
function toMigrationSlug(name: string): string | null {
  const slug = name
    .trim()
    .toLowerCase()
    .replaceAll(/[^a-z0-9]+/g, "_")
    .replaceAll(/^_+|_+$/g, "")
    .slice(0, 100);
  return slug === "" ? null : slug;
}

/**
 * Writes prisma/migrations/<UTC timestamp>_<slug>/migration.sql with the SQL
 * from the schema as of the last migration (SNAPSHOT_FILE) to the current
 * prisma/schema.prisma, and updates the snapshot. Returns the folder name, or
 * null (writing nothing) when the schema has no changes.
 */
export async function createMigration(name: string, root: string): Promise<string | null> {
  const slug = toMigrationSlug(name);
  if (!slug)
    throw new Error(`Invalid migration name "${name}": use letters, digits and underscores.`);
  const migrationsDir = migrationsDirOf(root);

  const schema = await readFile(path.join(root, SCHEMA_FILE), "utf8");
  const existing = await listMigrationFolders(migrationsDir);
  const snapshot = await readSnapshot(migrationsDir, existing);
  const sql = await diffOrNull(snapshot, schema);
  if (sql === null) return null;

  const folder = `${nextTimestamp(existing)}_${slug}`;
  await mkdir(migrationsDir, { recursive: true });
  // Without `recursive`, mkdir fails if the folder exists: never overwrite.
  await mkdir(path.join(migrationsDir, folder));
  await writeFile(path.join(migrationsDir, folder, MIGRATION_FILE), sql, "utf8");
  await writeFile(path.join(migrationsDir, LOCKFILE), LOCKFILE_CONTENT, "utf8");
  await writeFileAtomically(path.join(migrationsDir, SNAPSHOT_FILE), schema);
  return folder;
}

async function listMigrationFolders(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

/**
 * The schema as of the newest migration; null before the first one. Without
 * a snapshot next to existing migrations, a diff from "empty" would recreate
 * every table, so that is an error rather than a guess.
 */
async function readSnapshot(migrationsDir: string, existing: string[]): Promise<string | null> {
  const file = path.join(migrationsDir, SNAPSHOT_FILE);
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists) return readFile(file, "utf8");
  if (existing.length === 0) return null;
  throw new Error(
    `${MIGRATIONS_DIR}/${SNAPSHOT_FILE} is missing but migrations exist. Restore it from version control ` +
      "(it must hold prisma/schema.prisma as of the newest migration).",
  );
}

/**
 * UTC yyyymmddHHMMss of now, bumped past the newest existing folder: the
 * engine applies folders in name order, so a new migration must sort last even
 * if two are created within a second or the clock is behind.
 */
function nextTimestamp(existing: string[], now = new Date()): string {
  let time = Math.floor(now.getTime() / 1000) * 1000;
  const newest = existing
    .map((folder) => parseTimestamp(folder.slice(0, 14)))
    .filter((t) => t !== null);
  const latest = Math.max(Number.NEGATIVE_INFINITY, ...newest);
  if (time <= latest) time = latest + 1000;
  return new Date(time).toISOString().replaceAll(/[-:T]/g, "").slice(0, 14);
}

function parseTimestamp(stamp: string): number | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

async function writeFileAtomically(file: string, content: string): Promise<void> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, content, "utf8");
  await rename(temporary, file);
}
