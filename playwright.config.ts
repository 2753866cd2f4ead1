import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// e2e runs the production build on its own embedded database (wiped first),
// with the demo seed off so that first-run setup is exercised for real.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined; // Playwright's own browser, where it can be downloaded
}

const launchOptions = {
  executablePath: chromiumPath(),
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1280, height: 800 },
    launchOptions,
  },
  projects: [
    { name: "setup", testMatch: /setup\/.*\.setup\.ts/ },
    {
      name: "api",
      testMatch: /api\/.*\.spec\.ts/,
      dependencies: ["setup"],
      use: { storageState: "e2e/.auth/owner.json" },
    },
    {
      name: "ui",
      testMatch: /ui\/.*\.spec\.ts/,
      dependencies: ["setup"],
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 800 },
        launchOptions,
        storageState: "e2e/.auth/owner.json",
      },
    },
  ],
  webServer: {
    command: "rm -rf .data/e2e && npm start",
    url: `${BASE_URL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      CUE_DATA_DIR: ".data/e2e",
      SEED_DEMO: "false",
      DATABASE_URL: "",
      NEXTAUTH_SECRET: "e2e-secret-not-for-production",
      NEXTAUTH_URL: BASE_URL,
      SIGNIN_MAX_FAILURES: "5",
      // e2e/ui/webhooks.spec.ts delivers to a receiver on 127.0.0.1.
      CUE_WEBHOOKS_ALLOW_PRIVATE: "1",
    },
  },
});
