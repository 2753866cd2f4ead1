// npm run db:migration -- <name>: writes the next prisma/migrations folder
// from the changes to prisma/schema.prisma since the last migration. Offline:
// no database is started (see lib/db/migrate.ts).
import { fileURLToPath } from "node:url";
import { createMigration } from "@/lib/db/migrate";

const USAGE = "Usage: npm run db:migration -- <name>  (letters, digits, _ or -; e.g. add_journeys)";
const root = fileURLToPath(new URL("..", import.meta.url));

function parseName(args: string[]): string | null {
  if (args.length !== 1) return null;
  const [name] = args;
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(name) ? name : null;
}

async function main(): Promise<void> {
  const name = parseName(process.argv.slice(2));
  if (!name) {
    console.error(USAGE);
    process.exit(1);
  }
  const folder = await createMigration(name, { root });
  console.log(folder ? `Wrote prisma/migrations/${folder}/migration.sql` : "No schema changes.");
}

main().catch((error: unknown) => {
  // Schema errors from the engine are multi-line diagnostics worth reading whole.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
