import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../e2e-database";
import { loadState, OWNER } from "../fixtures";
import { startTcpProxy, type TcpProxy } from "../tcp-proxy";

// An admin page during a database outage (components/errors/page-error.tsx
// via app/error.tsx): it says Cue can't reach its database, asks
// /api/health again every 5 s, and renders the page by itself once the
// database is back, without a reload.
//
// The outage must not touch the shared e2e server, so this starts a second
// Cue (`npm start`'s script, the same build) on its own port, with
// DATABASE_URL pointing at the e2e database through a TCP proxy in this
// process. Cutting the proxy is the outage: open connections break and new
// ones are refused, as when PostgreSQL goes away.

test.describe.configure({ mode: "serial" });

let proxy: TcpProxy | null = null;
let server: ChildProcess | null = null;
let output = "";

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Polls until /api/health answers 200, failing at once if the server exits. */
async function waitUntilHealthy(base: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The outage server exited (${child.exitCode}):\n${output}`);
    }
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The outage server did not become healthy in ${timeoutMs} ms:\n${output}`);
}

test.afterAll(async () => {
  const child = server;
  server = null;
  // Back first, so the server's shutdown does not wait on a database that is gone.
  await proxy?.restore();
  if (child && child.exitCode === null) {
    const exited = once(child, "exit");
    child.kill("SIGINT");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  }
  await proxy?.close();
  proxy = null;
});

test("during a database outage an admin page says so and renders itself once the database is back", async ({
  browser,
}, testInfo) => {
  test.setTimeout(150_000);
  const begun = Date.now();
  const phases: string[] = [];
  const phase = (name: string) =>
    phases.push(`${name} ${((Date.now() - begun) / 1000).toFixed(1)} s`);
  const { workspaceId } = loadState();
  const database = new URL(e2eDatabaseUrl());
  proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port) });
  database.hostname = "127.0.0.1";
  database.port = String(proxy.port);

  const port = await freePort();
  const base = `http://localhost:${port}`;
  server = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "scripts/start.ts"],
    {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: database.toString(),
        CUE_DATA_DIR: ".data/e2e-outage",
        SEED_DEMO: "false",
        // The e2e server's secret: the owner's session is the same kind of cookie.
        NEXTAUTH_SECRET: "e2e-secret-not-for-production",
        NEXTAUTH_URL: base,
        // Pages only: the e2e server's worker already runs on this database.
        CUE_WORKER: "false",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  server.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  try {
    await waitUntilHealthy(base, server, 90_000);
    phase("server healthy");

    const context = await browser.newContext({
      baseURL: base,
      storageState: { cookies: [], origins: [] },
    });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(OWNER.email);
    await page.getByLabel("Password").fill(OWNER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/w\//, { timeout: 30_000 });
    const usersUrl = `/w/${workspaceId}/users`;
    await page.goto(usersUrl);
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    phase("signed in, Users shown");

    // The outage: the Users page can't be rendered, and the page says why.
    await proxy.cut();
    const healthChecks: number[] = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname === "/api/health") healthChecks.push(Date.now());
    });
    await page.goto(usersUrl);
    // The panel's title is its alert (role="alert", so a screen reader announces it).
    const outage = page
      .getByRole("alert")
      .filter({ hasText: "Cue can't reach its database right now" });
    await expect(outage).toBeVisible({ timeout: 30_000 });
    phase("outage page shown");
    await expect(page.getByText("This page checks again every 5 seconds")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toHaveCount(0);
    // It keeps asking while the database is away (every 5 s).
    await expect.poll(() => healthChecks.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await expect(outage).toBeVisible();
    const health = await page.request.get("/api/health");
    expect(health.status()).toBe(503);
    expect((await health.json()).database).toMatchObject({ status: "unreachable" });

    // The database is back: the same page renders by itself (no reload, no click).
    await proxy.restore();
    const restoredAt = Date.now();
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible({
      timeout: 30_000,
    });
    await expect(outage).toHaveCount(0);
    expect(new URL(page.url()).pathname).toBe(usersUrl);
    phase(`Users rendered again (${Date.now() - restoredAt} ms after the database came back)`);
    testInfo.annotations.push({ type: "phases", description: phases.join("; ") });
    console.log(`database-outage: ${phases.join("; ")}`);
    await context.close();
  } catch (error) {
    await testInfo.attach("outage-server.log", { body: output, contentType: "text/plain" });
    throw error;
  }
});
