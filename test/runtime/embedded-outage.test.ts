import { readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseAvailability } from "@/lib/db/availability";
import { disconnectPrisma, prisma } from "@/lib/db/client";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { sql } from "@/lib/db/sql";
import { checkHealth } from "@/lib/health/check-health";
import { serveApiRoute } from "@/lib/http/serve-node";
import { startBackgroundWork } from "@/lib/worker/background";
import { publishDefinition } from "@/test/engine/engine-fixtures";
import { captureLog } from "@/test/fixtures/capture-log";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";

// The embedded PostgreSQL is killed (SIGKILL of the postmaster, as the OOM
// killer or an operator's `kill -9` would) while /api/v1/batch is under load
// through the custom server's door, with the engine and the worker running as
// npm start runs them. Cue must restart PostgreSQL itself, answer 503 with
// Retry-After and the `unavailable` envelope meanwhile (never 500), and every
// event that got a 2xx must be stored and evaluated exactly once.

const dataDir = path.join(tmpdir(), `cue-outage-${process.pid}`);
const SENDERS = 4;
const BATCH = 10;
let db: EmbeddedDatabase;
let server: Server;
let base: string;
let ws: TestWorkspace;
let journeyId: string;
let background: { stop(): Promise<void> };
let previousUrl: string | undefined;
const lines: string[] = [];
const errorLines: string[] = [];

beforeAll(async () => {
  db = await startEmbeddedPostgres({
    dataDir,
    log: (line) => lines.push(line),
    supervise: { firstDelayMs: 100, maxDelayMs: 1_000 },
  });
  await applyMigrations(db.url, { log: () => {} });
  await disconnectPrisma(); // the file's own database (setup-database.ts) is not used here
  previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = db.url;
  ws = await createTestWorkspace("Outage");
  journeyId = await publishDefinition(ws.workspaceId, "Every Go", {
    version: 1,
    nodes: [
      { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Go" } },
      { id: "end", type: "exit" },
    ],
    edges: [{ from: "trigger", to: "end" }],
    settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
  });
  background = await startBackgroundWork(() => {});
  server = createServer((req, res) => {
    if (!serveApiRoute(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await background?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await disconnectPrisma();
  await db?.stop();
  process.env.DATABASE_URL = previousUrl;
  rmSync(dataDir, { recursive: true, force: true });
});

interface Outcome {
  status: number;
  at: number;
  retryAfter: string | null;
  code?: string;
  ids: string[];
}

let counter = 0;
async function postBatch(): Promise<Outcome> {
  const ids = Array.from({ length: BATCH }, () => `m-${process.pid}-${++counter}`);
  const batch = ids.map((messageId) => ({
    type: "track",
    event: "Go",
    messageId,
    userId: `u-${messageId}`,
    timestamp: new Date().toISOString(),
  }));
  const response = await fetch(`${base}/api/v1/batch`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Basic ${Buffer.from(`${ws.writeKey}:`).toString("base64")}`,
    },
    body: JSON.stringify({ batch }),
  });
  const text = await response.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return {
    status: response.status,
    at: Date.now(),
    retryAfter: response.headers.get("retry-after"),
    code,
    ids,
  };
}

async function until(check: () => boolean | Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the embedded PostgreSQL is killed under ingestion load", () => {
  it("answers 503 unavailable meanwhile, restarts it, and loses nothing", async () => {
    const log = captureLog(); // the process's log (pino), captured
    const outcomes: Outcome[] = [];
    let stop = false;
    const senders = Array.from({ length: SENDERS }, async () => {
      while (!stop) outcomes.push(await postBatch());
    });

    await until(() => outcomes.filter((o) => o.status === 200).length >= 20, 15_000, "load");
    // As an operator would: the pid PostgreSQL wrote into its data folder.
    const pid = Number(
      readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0],
    );
    expect(pid).toBe(db.pid());
    const killedAt = Date.now();
    process.kill(pid, "SIGKILL");

    await until(() => outcomes.some((o) => o.at > killedAt && o.status === 503), 15_000, "a 503");
    const health = await checkHealth();
    await until(
      () => outcomes.some((o) => o.at > killedAt + 200 && o.status === 200 && db.pid() !== pid),
      30_000,
      "recovery",
    );
    const recoveredAt = Date.now();
    await until(() => Date.now() > recoveredAt + 1_000, 2_000, "load after recovery");
    stop = true;
    await Promise.all(senders);

    // Every 2xx's events are stored, once; the engine evaluates each stored event once.
    const acked = outcomes.filter((o) => o.status === 200).flatMap((o) => o.ids);
    const stored = await prisma.event.count({
      where: { workspaceId: ws.workspaceId, messageId: { in: acked } },
    });
    expect(stored).toBe(acked.length);
    await until(
      async () =>
        (await prisma.engineQueue.count({ where: { workspaceId: ws.workspaceId } })) === 0,
      30_000,
      "the engine to drain its queue",
    );
    const events = await prisma.event.count({ where: { workspaceId: ws.workspaceId } });
    const runs = await sql.$queryRaw<{ runs: number; profiles: number }[]>`
      SELECT count(*)::int AS runs, count(DISTINCT "profileId")::int AS profiles
      FROM journey_runs WHERE "journeyId" = ${journeyId}`;
    expect(runs[0]).toEqual({ runs: events, profiles: events });
    log.restore();
    errorLines.push(...log.lines);

    // During the outage: 503 + Retry-After + `unavailable`, never a 500.
    const unavailable = outcomes.filter((o) => o.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const o of unavailable) {
      expect(o.code).toBe("unavailable");
      expect(Number(o.retryAfter)).toBeGreaterThan(0);
    }
    expect(outcomes.filter((o) => o.status !== 200 && o.status !== 503)).toEqual([]);
    expect(health.database.status).toBe("unreachable");
    expect(health.database.error).toMatch(/\w/);
    expect(databaseAvailability().available).toBe(true);

    // Cue restarted PostgreSQL itself and said so, once.
    expect(lines.filter((l) => l.includes("stopped unexpectedly"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes("running again"))).toHaveLength(1);
    // The outage is logged as a few lines, not one per failed request.
    const outageLines = errorLines.filter((l) => l.includes("database is"));
    expect(outageLines.filter((l) => l.includes("unavailable:"))).toHaveLength(1);
    expect(outageLines.filter((l) => l.includes("available again"))).toHaveLength(1);
    expect(errorLines.length).toBeLessThan(10);
    console.log(
      `outage test: ${outcomes.length} requests, ${acked.length} events acknowledged, ${unavailable.length} answered 503, ${events} stored, ${runs[0].runs} runs; log: ${[...lines, ...errorLines].join(" | ")}`,
    );
  }, 60_000);
});
