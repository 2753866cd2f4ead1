import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

export interface BenchDatabase {
  /** True when the bench started its own embedded PostgreSQL (DATABASE_URL was unset). */
  own: boolean;
  /** Stops the bench's own server and removes its files (nothing for DATABASE_URL). */
  stop: () => Promise<void>;
}

/**
 * The database a bench runs on: DATABASE_URL when set, else a throwaway
 * embedded PostgreSQL (its URL put in DATABASE_URL), migrated either way.
 * With `keepDir`, the embedded server lives in that folder and is kept after
 * the run, so generated data can serve the next run too.
 * Import lib/db modules only after this resolves: they read DATABASE_URL.
 */
export async function benchDatabase(
  name: string,
  options: { keepDir?: string } = {},
): Promise<BenchDatabase> {
  let stop = async () => {};
  const own = !process.env.DATABASE_URL;
  if (own) {
    // Not mkdtemp: its 0700 folder would shut out the postgres user (see lib/db/embedded.ts).
    const dataDir = options.keepDir
      ? path.resolve(options.keepDir)
      : path.join(tmpdir(), `cue-bench-${name}-${process.pid}`);
    const server = await startEmbeddedPostgres({ dataDir });
    process.env.DATABASE_URL = server.url;
    stop = async () => {
      await server.stop();
      if (!options.keepDir) rmSync(dataDir, { recursive: true, force: true });
    };
  }
  await applyMigrations(process.env.DATABASE_URL as string, { log: () => {} });
  return { own, stop };
}
