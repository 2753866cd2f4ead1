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
 * Import lib/db modules only after this resolves: they read DATABASE_URL.
 */
export async function benchDatabase(name: string): Promise<BenchDatabase> {
  let stop = async () => {};
  const own = !process.env.DATABASE_URL;
  if (own) {
    // Not mkdtemp: its 0700 folder would shut out the postgres user (see lib/db/embedded.ts).
    const dataDir = path.join(tmpdir(), `cue-bench-${name}-${process.pid}`);
    const server = await startEmbeddedPostgres({ dataDir });
    process.env.DATABASE_URL = server.url;
    stop = async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  await applyMigrations(process.env.DATABASE_URL as string, { log: () => {} });
  return { own, stop };
}
