import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Two projects. `unit`: pure tests next to the code they test (lib/**,
// scripts/**); they start no database, so a file that needs one fails at
// DATABASE_URL. `db`: integration tests in test/**, each file on its own
// database cloned from a migrated template (test/global-setup.ts,
// test/setup-database.ts). `npm run test:unit` runs both.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: `${root}$1` },
      // Outside Next's server bundle `server-only` throws; tests are server code.
      { find: /^server-only$/, replacement: `${root}node_modules/server-only/empty.js` },
    ],
  },
  test: {
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          pool: "threads",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "client/**/*.test.ts"],
          env: { DATABASE_URL: "" },
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["test/**/*.test.ts"],
          globalSetup: ["test/global-setup.ts"],
          setupFiles: ["test/setup-database.ts"],
        },
      },
    ],
  },
});
