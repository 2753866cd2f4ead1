import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import {
  computeUserHash,
  issueInboxToken,
  verifyInboxToken,
  verifyUserHash,
} from "@/lib/inbox/inbox-token";
import { hashKey } from "@/lib/workspaces/api-keys";

// The migration that hashes the keys, applied over rows written the old way
// (secret keys in plain, user_hash keyed by the secret key): the old keys
// must keep working, and so must every user_hash and token already out there.

const MIGRATION = "20261207041500_hashed_api_keys";
const repoMigrations = path.resolve("prisma/migrations");

function adminUrl(): string {
  return process.env.TEST_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

const database = `cue_t_${process.pid}_keys${randomBytes(4).toString("hex")}`;
const url = (() => {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
})();

async function withClient<T>(connection: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: connection });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const OLD = {
  activeSecret: `sk_${randomBytes(24).toString("base64url")}`,
  revokedSecret: `sk_${randomBytes(24).toString("base64url")}`,
  write: `wk_${randomBytes(24).toString("base64url")}`,
  otherWrite: `wk_${randomBytes(24).toString("base64url")}`,
};
// What an app's backend computed before the migration: HMAC with the secret key.
const deployedUserHash = computeUserHash(OLD.activeSecret, "ada");
const deployedToken = issueInboxToken({
  signingSecret: OLD.activeSecret,
  workspaceId: "ws_old",
  userId: "ada",
  ttlSeconds: 3600,
}).token;

beforeAll(async () => {
  await withClient(adminUrl(), (c) => c.query(`CREATE DATABASE "${database}"`));
  // The schema as it was just before the migration.
  const root = await mkdtemp(path.join(os.tmpdir(), "cue-keys-migration-"));
  try {
    for (const entry of await readdir(repoMigrations)) {
      if (entry >= MIGRATION && !entry.endsWith(".toml") && !entry.endsWith(".txt")) continue;
      await cp(path.join(repoMigrations, entry), path.join(root, "prisma/migrations", entry), {
        recursive: true,
      });
    }
    await applyMigrations(url, { root });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  await withClient(url, async (c) => {
    await c.query(
      `INSERT INTO workspaces (id, name) VALUES ('ws_old', 'Old'), ('ws_nokey', 'No key')`,
    );
    await c.query(
      `INSERT INTO api_keys (id, "workspaceId", kind, key, "createdAt", "revokedAt") VALUES
        ('k1', 'ws_old', 'secret', $1, now() - interval '2 days', now() - interval '1 day'),
        ('k2', 'ws_old', 'secret', $2, now() - interval '1 day', NULL),
        ('k3', 'ws_old', 'write', $3, now(), NULL),
        ('k4', 'ws_nokey', 'write', $4, now(), NULL)`,
      [OLD.revokedSecret, OLD.activeSecret, OLD.write, OLD.otherWrite],
    );
  });
  const { applied } = await applyMigrations(url);
  expect(applied[0]).toBe(MIGRATION);
}, 120_000);

afterAll(async () => {
  await withClient(adminUrl(), (c) =>
    c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
  );
});

const rows = <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
  withClient(url, async (c) => (await c.query<R>(sql, params)).rows);

/** The lookup withSecretKey makes (lib/workspaces/api-keys.ts), in SQL. */
async function workspaceOfSecretKey(key: string): Promise<string | null> {
  const [row] = await rows<{ workspaceId: string }>(
    `SELECT "workspaceId" FROM api_keys WHERE "keyHash" = $1 AND kind = 'secret' AND "revokedAt" IS NULL`,
    [hashKey(key)],
  );
  return row?.workspaceId ?? null;
}

describe("the hashed_api_keys migration over old rows", () => {
  it("keeps no secret key in plain, anywhere in the table", async () => {
    const keys = await rows<{ kind: string; key: string | null; keyHash: string; prefix: string }>(
      `SELECT kind, key, "keyHash", prefix FROM api_keys ORDER BY id`,
    );
    expect(keys.filter((k) => k.kind === "secret").map((k) => k.key)).toEqual([null, null]);
    const dump = JSON.stringify(await rows("SELECT * FROM api_keys"));
    expect(dump).not.toContain(OLD.activeSecret);
    expect(dump).not.toContain(OLD.revokedSecret);
    expect(keys.map((k) => k.prefix)).toEqual([
      OLD.revokedSecret.slice(0, 8),
      OLD.activeSecret.slice(0, 8),
      OLD.write.slice(0, 8),
      OLD.otherWrite.slice(0, 8),
    ]);
  });

  it("hashes every key as the app does, so old keys keep working and revoked ones stay refused", async () => {
    expect(await workspaceOfSecretKey(OLD.activeSecret)).toBe("ws_old");
    expect(await workspaceOfSecretKey(OLD.revokedSecret)).toBeNull();
    expect(await workspaceOfSecretKey(OLD.write)).toBeNull();
    const [write] = await rows<{ key: string; keyHash: string }>(
      `SELECT key, "keyHash" FROM api_keys WHERE id = 'k3'`,
    );
    // Write keys are public and stay readable (the Sources page shows them).
    expect(write).toEqual({ key: OLD.write, keyHash: hashKey(OLD.write) });
  });

  it("makes the old secret key the inbox signing secret: deployed user hashes and tokens still verify", async () => {
    const [old] = await rows<{ secret: string; previousSecret: string | null }>(
      `SELECT secret, "previousSecret" FROM inbox_signing_secrets WHERE "workspaceId" = 'ws_old'`,
    );
    expect(old).toEqual({ secret: OLD.activeSecret, previousSecret: null });
    expect(verifyUserHash([old?.secret ?? ""], "ada", deployedUserHash)).toBe(true);
    expect(verifyInboxToken(deployedToken, [old?.secret ?? ""])).not.toBeNull();
  });

  it("gives a workspace without a secret key a random signing secret", async () => {
    const secrets = await rows<{ workspaceId: string; secret: string }>(
      `SELECT "workspaceId", secret FROM inbox_signing_secrets ORDER BY "workspaceId"`,
    );
    expect(secrets.map((s) => s.workspaceId)).toEqual(["ws_nokey", "ws_old"]);
    expect(secrets[0]?.secret).toMatch(/^iss_[0-9a-f]{64}$/);
  });

  it("refuses a secret key stored in plain from now on", async () => {
    await expect(
      rows(
        `INSERT INTO api_keys (id, "workspaceId", kind, key, "keyHash", prefix)
         VALUES ('k9', 'ws_old', 'secret', 'sk_plain', $1, 'sk_plain')`,
        [hashKey("sk_plain")],
      ),
    ).rejects.toThrow(/api_keys_secret_key_not_stored/);
  });
});
