// Seeds the demo workspace "Acme" into the e2e server's database, exactly as
// the first `npm start` does (the e2e server starts with SEED_DEMO=false so
// that first-run setup is tested for real). Run by e2e-database.ts in a child
// process with DATABASE_URL set; prints the result as one JSON line.
import { disconnectPrisma } from "@/lib/db/client";
import { seedDemo } from "@/lib/seed/seed-demo";

async function main(): Promise<void> {
  const demo = await seedDemo({ log: (line) => console.error(line) });
  console.log(
    JSON.stringify({ workspaceId: demo.workspaceId, email: demo.email, password: demo.password }),
  );
  await disconnectPrisma();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
