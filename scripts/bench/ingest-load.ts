// The three loads of bench:ingest: closed-loop /batch, open-loop /track, and
// the PostgreSQL ceiling.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { uuidv7 } from "@/lib/db/uuidv7";
import { acceptedCount, makeCall, post } from "./ingest-calls";
import { BATCH_SIZE, CONNECTIONS, DATABASE_URL, runId } from "./ingest-config";

export interface LoadResult {
  events: number;
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
  statuses: Record<string, number>;
}

function emptyResult(seconds: number): LoadResult {
  return { events: 0, requests: 0, errors: 0, seconds, latencies: [], statuses: {} };
}

/** Sends one request of `sent` events and records its latency and outcome. */
async function timed(
  result: LoadResult,
  sent: number,
  send: () => Promise<{ status: number; json: unknown }>,
): Promise<void> {
  const t0 = performance.now();
  try {
    const { status, json } = await send();
    result.latencies.push(performance.now() - t0);
    result.requests++;
    result.statuses[status] = (result.statuses[status] ?? 0) + 1;
    if (status === 200) result.events += acceptedCount(json, sent);
    else result.errors++;
  } catch {
    result.errors++;
  }
}

/** Closed-loop load: each connection sends its next batch when the last one answers. */
export async function runBatchLoad(seconds: number): Promise<LoadResult> {
  const result = emptyResult(seconds);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const batch = Array.from({ length: BATCH_SIZE }, makeCall);
        await timed(result, batch.length, () =>
          post("/api/v1/batch", { batch, sentAt: new Date().toISOString() }),
        );
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/** Open loop at a fixed rate: latency includes any queueing the server causes. */
export async function runSingleLoad(rps: number, seconds: number): Promise<LoadResult> {
  const result = emptyResult(seconds);
  const total = Math.round(rps * seconds);
  const interval = 1000 / rps;
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inflight.push(
      (async () => {
        const call = makeCall();
        await timed(result, 1, () =>
          post("/api/v1/track", {
            messageId: call.messageId,
            userId: call.userId,
            timestamp: call.timestamp,
            context: call.context,
            event: "Single Event",
            properties: { source: "bench" },
          }),
        );
      })(),
    );
  }
  await Promise.all(inflight);
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

const COLUMNS = [
  "id",
  "workspaceId",
  "profileId",
  "messageId",
  "type",
  "name",
  "userId",
  "anonymousId",
  "properties",
  "traits",
  "context",
  "extra",
  "timestamp",
  "sentAt",
  "receivedAt",
] as const;

/**
 * The ceiling: the same rows, straight into PostgreSQL, multi-row INSERT per
 * batch, as many connections as the HTTP load used, into a plain table with
 * events' indexes and its dedupe key.
 */
export async function runCeiling(
  seconds: number,
): Promise<{ events: number; seconds: number } | null> {
  if (!DATABASE_URL) return null;
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: CONNECTIONS });
  const table = `bench_ceiling_${runId}`;
  try {
    await pool.query(`CREATE TABLE "${table}" (LIKE events INCLUDING ALL)`);
    // The dedupe key lives in event_dedupe since events are partitioned; the
    // ceiling keeps it as a unique index of its one table, as it had before.
    await pool.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS "${table}_dedupe" ON "${table}" ("workspaceId", "messageId")`,
    );
    const columnList = COLUMNS.map((c) => `"${c}"`).join(", ");
    let events = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < deadline) {
          const values: unknown[] = [];
          const rows: string[] = [];
          for (let i = 0; i < BATCH_SIZE; i++) {
            const call = makeCall();
            const now = new Date().toISOString();
            const row = [
              uuidv7(), // as Cue keys its events
              "bench-workspace",
              randomUUID(),
              call.messageId,
              call.type,
              (call.event ?? call.name ?? null) as string | null,
              call.userId,
              null,
              JSON.stringify(call.properties ?? {}),
              call.traits ? JSON.stringify(call.traits) : null,
              JSON.stringify(call.context),
              null,
              call.timestamp,
              now,
              now,
            ];
            const offset = values.length;
            rows.push(`(${row.map((_, j) => `$${offset + j + 1}`).join(", ")})`);
            values.push(...row);
          }
          await pool.query(
            `INSERT INTO "${table}" (${columnList}) VALUES ${rows.join(", ")}`,
            values,
          );
          events += BATCH_SIZE;
        }
      }),
    );
    return { events, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pool.query(`DROP TABLE IF EXISTS "${table}"`).catch(() => {});
    await pool.end();
  }
}
