import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { resolveDatabase } from "@/lib/db/resolve-database";
import { StartupError } from "@/lib/startup-error";

// Real PostgreSQL processes in throwaway folders. The folders live under /tmp
// and are made traversable, because as root the server runs as `postgres`.
const repoRoot = path.resolve(import.meta.dirname, "..");
const LONG = 60_000;
const folders: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cue-embedded-"));
  chmodSync(dir, 0o755);
  folders.push(dir);
  return path.join(dir, "data");
}

async function start(dataDir: string, log?: (line: string) => void) {
  const db = await startEmbeddedPostgres({ dataDir, log: log ?? (() => {}) });
  cleanups.push(db.stop);
  return db;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function timed<T>(label: string, action: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await action();
  console.log(`${label}: ${Math.round(performance.now() - started)} ms`);
  return result;
}

function isRunning(pid: number): boolean {
  try {
    // A zombie (exited, never reaped) is not running.
    return !/^\S+ \(.*\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

// A run that starts the server and is then SIGKILLed, like `kill -9` on
// `npm start`: postgres outlives it and postmaster.pid stays behind.
async function killedRun(dataDir: string): Promise<{ url: string; postgresPid: number }> {
  const script = path.join(path.dirname(dataDir), "killed-run.mts");
  writeFileSync(
    script,
    `import { startEmbeddedPostgres } from ${JSON.stringify(path.join(repoRoot, "lib/db/embedded.ts"))};
const db = await startEmbeddedPostgres({ dataDir: process.argv[2], log: () => {} });
console.log("URL " + db.url);
process.kill(process.pid, "SIGKILL");
`,
  );
  const child = spawn(process.execPath, ["--import", "tsx", script, dataDir], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  const signal = await new Promise((done) => child.on("close", (_code, sig) => done(sig)));
  expect(signal, output).toBe("SIGKILL");
  const url = /URL (\S+)/.exec(output)?.[1];
  expect(url, output).toBeDefined();
  const pidFile = readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8");
  const postgresPid = Number(pidFile.split("\n")[0]);
  // Normally the next start stops the orphan; this covers a failed assertion.
  cleanups.push(async () => {
    if (isRunning(postgresPid)) process.kill(postgresPid, "SIGINT");
  });
  return { url: url!, postgresPid };
}

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((stop) => stop()));
});

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe("startEmbeddedPostgres", () => {
  it(
    "keeps data across a stop and a second start",
    async () => {
      const dataDir = tempDataDir();
      const first = await timed("first start (initdb)", () => start(dataDir));
      expect(first.url).toBe(`postgresql://cue:cue@127.0.0.1:${first.port}/cue`);
      // Sized for ingestion, not PostgreSQL's smallest-machine defaults (README, database).
      const settings = await query<{ name: string; setting: string; unit: string }>(
        first.url,
        "SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'max_wal_size') ORDER BY name",
      );
      expect(settings).toEqual([
        { name: "max_wal_size", setting: "4096", unit: "MB" },
        { name: "shared_buffers", setting: "65536", unit: "8kB" },
      ]);
      await query(first.url, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')");
      await timed("stop", () => first.stop());
      await first.stop(); // idempotent

      const second = await timed("second start", () => start(dataDir));
      const rows = await query<{ body: string }>(second.url, "SELECT body FROM notes");
      expect(rows).toEqual([{ body: "kept" }]);
    },
    LONG,
  );

  it(
    "recovers after a SIGKILLed run whose postgres is still running",
    async () => {
      const dataDir = tempDataDir();
      const { url, postgresPid } = await killedRun(dataDir);
      expect(isRunning(postgresPid)).toBe(true);
      // The orphan still serves; committed data must survive its shutdown.
      await query(url, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('orphan')");

      const lines: string[] = [];
      const db = await timed("start after a killed run", () =>
        start(dataDir, (line) => lines.push(line)),
      );
      expect(isRunning(postgresPid)).toBe(false);
      expect(lines.filter((line) => line.startsWith("Recovered a stale lock"))).toHaveLength(1);
      expect(await query(db.url, "SELECT body FROM notes")).toEqual([{ body: "orphan" }]);
    },
    LONG,
  );

  it(
    "recovers when the killed run's postgres died too",
    async () => {
      const dataDir = tempDataDir();
      const { url, postgresPid } = await killedRun(dataDir);
      await query(url, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('crashed')");
      process.kill(postgresPid, "SIGKILL");
      await new Promise((done) => setTimeout(done, 300));
      expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(true);

      const lines: string[] = [];
      const db = await start(dataDir, (line) => lines.push(line));
      expect(lines.some((line) => line.startsWith("Recovered a stale lock"))).toBe(true);
      expect(await query(db.url, "SELECT body FROM notes")).toEqual([{ body: "crashed" }]);
    },
    LONG,
  );

  it(
    "refuses a data folder that a running server is using",
    async () => {
      const dataDir = tempDataDir();
      await start(dataDir);
      const error = await rejection(start(dataDir));
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toContain("is in use by another running Cue");
    },
    LONG,
  );

  it(
    "names postgres's own reason when the server cannot start",
    async () => {
      const dataDir = tempDataDir();
      const db = await start(dataDir);
      await db.stop();
      await appendFile(path.join(dataDir, "pg", "postgresql.conf"), "\nshared_buffers = 'lots'\n");

      const error = await rejection(start(dataDir));
      expect(error).toBeInstanceOf(StartupError);
      const message = (error as Error).message;
      expect(message).toContain("failed to start: FATAL");
      expect(message).toContain('invalid value for parameter "shared_buffers"');
      expect(message).not.toContain("\n");
    },
    LONG,
  );

  it("reports a data folder that cannot be created", async () => {
    // Root ignores chmod, so use a path below a regular file.
    const error = await rejection(start("/etc/passwd/x"));
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toBe(
      "Data folder /etc/passwd/x is not writable: part of the path is a file, not a folder. Set CUE_DATA_DIR to a writable folder.",
    );
  });
});

describe("resolveDatabase", () => {
  // The shared test setup may point DATABASE_URL at this file's database.
  const saved = { DATABASE_URL: process.env.DATABASE_URL, CUE_DATA_DIR: process.env.CUE_DATA_DIR };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("names the host of an unreachable DATABASE_URL, never the password", async () => {
    process.env.DATABASE_URL = "postgresql://cue:hunter22@127.0.0.1:1/cue";
    const error = await rejection(resolveDatabase({ log: () => {} }));
    expect(error).toBeInstanceOf(StartupError);
    const message = (error as Error).message;
    expect(message).toBe(
      "Cannot reach the database at 127.0.0.1:1 (DATABASE_URL): connection refused",
    );
    expect(message).not.toContain("hunter22");
  });

  it(
    "starts the embedded server in CUE_DATA_DIR when DATABASE_URL is unset, else uses DATABASE_URL",
    async () => {
      delete process.env.DATABASE_URL;
      process.env.CUE_DATA_DIR = tempDataDir();
      const embedded = await resolveDatabase({ log: () => {} });
      cleanups.push(embedded.stop);
      expect(embedded.embedded).toBe(true);
      expect(process.env.DATABASE_URL).toBeUndefined(); // the caller sets it
      expect(await query(embedded.url, "SELECT current_database() AS db")).toEqual([{ db: "cue" }]);
      expect(existsSync(path.join(process.env.CUE_DATA_DIR, "pg", "PG_VERSION"))).toBe(true);

      process.env.DATABASE_URL = embedded.url;
      const external = await resolveDatabase({ log: () => {} });
      expect(external).toMatchObject({ url: embedded.url, embedded: false });
      await external.stop(); // a no-op: the embedded server keeps serving
      expect(await query(embedded.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    },
    LONG,
  );
});
