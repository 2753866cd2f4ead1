// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the
// embedded PostgreSQL (started for the run and stopped afterwards) when
// DATABASE_URL is not set. Operator faults print one line and exit 1.
import { fileURLToPath } from "node:url";
import { applyMigrations } from "@/lib/db/migrate";
import { resolveDatabase } from "@/lib/db/resolve-database";
import { isStartupError } from "@/lib/startup-error";

const log = (line: string) => console.log(`[cue] ${line}`);
const root = fileURLToPath(new URL("..", import.meta.url));

async function main(): Promise<void> {
  // DATABASE_URL when set (checked reachable), else the embedded server.
  const database = await resolveDatabase({ log });
  // Ctrl-C must not leave the embedded server running.
  const interrupt = (signal: NodeJS.Signals) =>
    void database.stop().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  try {
    const { applied } = await applyMigrations(database.url, { log, root });
    log(applied.length > 0 ? `Applied ${applied.length} migration(s).` : "No pending migrations.");
  } finally {
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(isStartupError(error) ? error.message : error);
    process.exit(1);
  },
);
