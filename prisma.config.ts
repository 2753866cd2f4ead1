import { defineConfig } from "prisma/config";

// The CLI only generates the client here; migrations run through
// lib/db/migrate.ts (WebAssembly schema engine), so no URL is required.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
