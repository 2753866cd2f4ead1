// What `_prisma_migrations` says was applied, checked against the folder in
// plain SQL and Node: no schema engine is needed to tell an up-to-date
// database, an edited migration or a failed one.
import { createHash } from "node:crypto";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import type pg from "pg";
import { StartupError } from "@/lib/startup-error";

export type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  logs: string | null;
};

/** Applied, not rolled-back rows of `_prisma_migrations`; [] before the first migration. */
export async function readAppliedMigrations(client: pg.Client): Promise<MigrationRow[]> {
  const { rows } = await client.query<{ exists: boolean }>(
    "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists",
  );
  if (!rows[0]?.exists) return [];
  const result = await client.query<MigrationRow>(
    `SELECT migration_name, checksum, finished_at, logs FROM _prisma_migrations
      WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  return result.rows;
}

/**
 * `prisma migrate deploy` quietly skips edited migrations, so a changed file
 * would never reach the database. Refuse to start instead, and refuse on a
 * failed migration too (the engine would, with a multi-line message).
 */
export function assertHistoryIntact(rows: MigrationRow[], migrations: MigrationList): void {
  const files = new Map(
    migrations.migrationDirectories.map((dir) => [dir.path, dir.migrationFile.content] as const),
  );
  for (const row of rows) {
    if (row.finished_at === null) throw failedMigrationError(row);
    const content = files.get(row.migration_name);
    // A recorded migration missing from the folder (an older checkout) is
    // Prisma's "migrations directory is behind" case: not an edit, deploy goes on.
    if (content?.tag !== "ok") continue;
    if (!matchesChecksum(content.value, row.checksum)) {
      throw new StartupError(
        `Migration ${row.migration_name} was edited after it was applied (checksum mismatch). ` +
          "Restore the original file or create a new migration.",
      );
    }
  }
}

/**
 * Folders without a finished, not rolled-back row, in apply order. Call after
 * assertHistoryIntact, which has already refused edited and failed ones.
 */
export function pendingMigrations(rows: MigrationRow[], migrations: MigrationList): string[] {
  const done = new Set(
    rows.filter((row) => row.finished_at !== null).map((row) => row.migration_name),
  );
  return migrations.migrationDirectories.map((dir) => dir.path).filter((name) => !done.has(name));
}

export function failedMigrationError(row: MigrationRow): StartupError {
  const reason = firstLogLine(row.logs);
  return new StartupError(
    `Migration ${row.migration_name} failed${reason ? ` (${reason})` : ""} and may be half-applied. ` +
      `Repair the database by hand, then run \`prisma migrate resolve --rolled-back ${row.migration_name}\` ` +
      "(or --applied) and start again.",
  );
}

/**
 * The engine stores its error in `logs`: a generic first line ("external
 * connector error"), the database's message, then an indented trace.
 */
function firstLogLine(logs: string | null): string | undefined {
  const lines = (logs ?? "").split("\n").filter((line) => line.trim() !== "" && !/^\s/.test(line));
  const useful = lines.find((line) => line !== "external connector error") ?? lines[0];
  return useful?.slice(0, 200);
}

/**
 * Prisma's checksum is the sha256 hex of the file. Mirrors the engine's
 * `script_matches_checksum` (schema-connector/src/checksum.rs) so we never
 * call a migration edited that Prisma accepts: line endings may have been
 * flipped by git, and checksums not 64 characters long were written by old
 * engines without zero-padding.
 */
export function matchesChecksum(script: string, recorded: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  const legacy = recorded !== "" && recorded.length !== 64;
  return variants.some((text) => {
    const digest = createHash("sha256").update(text, "utf8").digest();
    return (legacy ? unpaddedHex(digest) : digest.toString("hex")) === recorded;
  });
}

function unpaddedHex(bytes: Buffer): string {
  return [...bytes].map((byte) => byte.toString(16)).join("");
}
