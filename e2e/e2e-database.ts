import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

// Direct access to the e2e server's embedded database, for the two things a
// browser test cannot do through the product: let a journey timer come due
// without waiting a day, and show a workspace in /demo. The server is started
// by playwright.config.ts on CUE_DATA_DIR=.data/e2e; the port is in the
// cluster's postmaster.pid (line 4). Credentials are the embedded defaults.

const DATA_DIR = process.env.E2E_DATA_DIR ?? ".data/e2e";

/** The e2e server's database (e2e/ui/database-outage.spec.ts reaches it through a proxy). */
export function e2eDatabaseUrl(): string {
  const pid = readFileSync(join(DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n");
  const port = Number(pid[3]);
  if (!Number.isInteger(port)) throw new Error(`No port in ${DATA_DIR}/pg/postmaster.pid`);
  return `postgresql://cue:cue@127.0.0.1:${port}/cue`;
}

async function withDatabase<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Makes every waiting run of the journey due now, as if its delay or wait
 * timeout had passed: the run's timer (column and state) moves to a second
 * ago. The engine's worker then wakes it with its own clock, exactly as it
 * would a day later. Answers how many runs were moved.
 */
export async function makeJourneyTimersDue(journeyId: string): Promise<number> {
  const due = new Date(Date.now() - 1_000).toISOString();
  return withDatabase(async (client) => {
    const { rowCount } = await client.query(
      `UPDATE journey_runs
       SET "wakeAt" = $2::timestamptz AT TIME ZONE 'UTC',
           state = jsonb_set(state, '{wakeAt}', to_jsonb($2::text))
       WHERE "journeyId" = $1 AND status = 'waiting' AND "wakeAt" IS NOT NULL`,
      [journeyId, due],
    );
    await client.query("SELECT pg_notify('cue_wake', 'engine-timers')");
    return rowCount ?? 0;
  });
}

/**
 * A secret key of the workspace, for the server-to-server APIs. Cue stores
 * secret keys hashed, so no test can read one back: this makes an extra key
 * ("e2e") the way Cue does (SHA-256 and prefix) and remembers its text, once
 * per workspace and run.
 */
const secretKeys = new Map<string, string>();
export async function secretKeyOf(workspaceId: string): Promise<string> {
  const known = secretKeys.get(workspaceId);
  if (known) return known;
  const key = `sk_${randomBytes(24).toString("base64url")}`;
  await withDatabase((client) =>
    client.query(
      `INSERT INTO api_keys (id, "workspaceId", kind, "keyHash", prefix, name, "createdAt")
       VALUES ($1, $2, 'secret', $3, $4, 'e2e', now() AT TIME ZONE 'UTC')`,
      [
        `e2e-${randomBytes(8).toString("hex")}`,
        workspaceId,
        createHash("sha256").update(key, "utf8").digest("hex"),
        key.slice(0, 8),
      ],
    ),
  );
  secretKeys.set(workspaceId, key);
  return key;
}

/** The workspace's inbox signing secret (to compute an end user's user_hash). */
export async function inboxSecretOf(workspaceId: string): Promise<string> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ secret: string }>(
      `SELECT secret FROM inbox_signing_secrets WHERE "workspaceId" = $1`,
      [workspaceId],
    );
    if (!rows[0]) throw new Error("The workspace has no inbox signing secret");
    return rows[0].secret;
  });
}

/**
 * Shows this workspace in /demo (the e2e server starts without the demo
 * workspace). Returns a function that puts things back as they were.
 */
export async function showInDemo(workspaceId: string): Promise<() => Promise<void>> {
  const key = "demo.workspaceId";
  const previous = await withDatabase(async (client) => {
    const { rows } = await client.query<{ value: string }>(
      "SELECT value FROM app_settings WHERE key = $1",
      [key],
    );
    await client.query(
      `INSERT INTO app_settings (key, value) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [key, workspaceId],
    );
    return rows[0]?.value ?? null;
  });
  return () =>
    withDatabase(async (client) => {
      if (previous === null) await client.query("DELETE FROM app_settings WHERE key = $1", [key]);
      else await client.query("UPDATE app_settings SET value = $2 WHERE key = $1", [key, previous]);
    });
}

/**
 * A failed email to the profile with this userId, as if Resend had refused
 * it `firstAttemptHoursAgo` hours after its first attempt (the dead-letter
 * view's input; a browser test cannot make Resend refuse one).
 */
export async function insertFailedEmail(
  workspaceId: string,
  userId: string,
  options: { subject: string; firstAttemptHoursAgo: number },
): Promise<string> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string; email: string }>(
      `SELECT id::text, email FROM profiles WHERE "workspaceId" = $1 AND "userId" = $2`,
      [workspaceId, userId],
    );
    const profile = rows[0];
    if (!profile) throw new Error(`No profile ${userId}`);
    const id = `e2e-failed-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const firstAttempt = new Date(Date.now() - options.firstAttemptHoursAgo * 3_600_000);
    const rendered = {
      channel: "email",
      email: { subject: options.subject, html: "<p>Hi</p>", text: "Hi", headers: {} },
    };
    await client.query(
      `INSERT INTO messages (id, "workspaceId", "profileId", channel, status, "idempotencyKey",
         source, "toAddress", subject, rendered, error, attempts, "firstAttemptAt",
         "createdAt", "updatedAt")
       VALUES ($1, $2, $3::uuid, 'email', 'failed', $1, 'api', $4, $5, $6::jsonb,
         'The domain is not verified. (422)', 1, $7::timestamptz AT TIME ZONE 'UTC',
         now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')`,
      [
        id,
        workspaceId,
        profile.id,
        profile.email,
        options.subject,
        JSON.stringify(rendered),
        firstAttempt.toISOString(),
      ],
    );
    return id;
  });
}

/**
 * Seeds the demo workspace into the e2e database (once: later calls find it)
 * in a child process, as the first `npm start` would. Answers its sign-in.
 */
export function seedDemoWorkspace(): { workspaceId: string; email: string; password: string } {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "e2e/seed-demo-workspace.ts"],
    {
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), DEMO_PASSWORD: "" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      timeout: 300_000,
    },
  );
  const last = out.trim().split("\n").at(-1) ?? "";
  return JSON.parse(last) as { workspaceId: string; email: string; password: string };
}
