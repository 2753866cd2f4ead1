import "server-only";
import { getPool, readReplicaUrl, sql } from "@/lib/db/sql";
import type { CueMetrics } from "./metrics";

// The gauges read from PostgreSQL at scrape time: what is waiting, for every
// process and workspace together, so any process's /metrics tells the same.
// One statement; each part is an index probe or a scan of the few rows that
// are waiting (engine_queue by createdAt, journey_runs by wakeAt, messages by
// status and nextAttemptAt, webhook_messages by status and nextAttemptAt).

/** Email statuses that make up the queue (terminal states grow for ever and are left out). */
export const EMAIL_QUEUE_STATUSES = ["queued", "sending", "failed"] as const;

interface QueueRow {
  engineDepth: bigint;
  engineOldest: number | null;
  dueRuns: bigint;
  dueOldest: number | null;
  emailByStatus: Record<string, number> | null;
  emailOldestDue: number | null;
  webhooksPending: bigint;
  webhooksOldestDue: number | null;
}

export async function collectQueueGauges(m: CueMetrics): Promise<void> {
  try {
    const [row] = await sql.$queryRaw<QueueRow[]>`
      SELECT
        (SELECT count(*) FROM engine_queue) AS "engineDepth",
        (SELECT extract(epoch FROM now() - min("createdAt"))::float8 FROM engine_queue) AS "engineOldest",
        (SELECT count(*) FROM journey_runs WHERE "wakeAt" <= now()) AS "dueRuns",
        (SELECT extract(epoch FROM now() - min("wakeAt"))::float8 FROM journey_runs
          WHERE "wakeAt" <= now()) AS "dueOldest",
        (SELECT jsonb_object_agg(status, n) FROM (
           SELECT status::text AS status, count(*) AS n FROM messages
           WHERE status::text = ANY(${[...EMAIL_QUEUE_STATUSES]}::text[]) AND channel = 'email'
           GROUP BY status) s) AS "emailByStatus",
        (SELECT extract(epoch FROM now() - min(coalesce("nextAttemptAt", "createdAt")))::float8
           FROM messages WHERE status = 'queued' AND channel = 'email'
             AND coalesce("nextAttemptAt", "createdAt") <= now()) AS "emailOldestDue",
        (SELECT count(*) FROM webhook_messages WHERE status = 'pending') AS "webhooksPending",
        (SELECT extract(epoch FROM (now() AT TIME ZONE 'UTC') - min("nextAttemptAt"))::float8
           FROM webhook_messages WHERE status = 'pending'
             AND "nextAttemptAt" <= now() AT TIME ZONE 'UTC') AS "webhooksOldestDue"`;
    if (!row) throw new Error("The queue gauges' query returned no row.");
    m.engineQueueDepth.set(Number(row.engineDepth));
    m.engineQueueOldest.set(Math.max(0, row.engineOldest ?? 0));
    m.dueRuns.set(Number(row.dueRuns));
    m.dueRunsOldest.set(Math.max(0, row.dueOldest ?? 0));
    for (const status of EMAIL_QUEUE_STATUSES) {
      m.emailQueue.set({ status }, Number(row.emailByStatus?.[status] ?? 0));
    }
    m.emailOldestDue.set(Math.max(0, row.emailOldestDue ?? 0));
    m.webhooksPending.set(Number(row.webhooksPending));
    m.webhooksOldestDue.set(Math.max(0, row.webhooksOldestDue ?? 0));
    m.databaseUp.set(1);
  } catch {
    // The scrape still answers (process metrics, pools); the alert is cue_database_up == 0.
    m.databaseUp.set(0);
  }
}

/** This process's pools, as node-postgres counts them. */
export function collectPoolGauges(m: CueMetrics): void {
  if (!process.env.DATABASE_URL) return;
  const kinds = readReplicaUrl()
    ? (["default", "generic", "read"] as const)
    : (["default", "generic"] as const);
  for (const kind of kinds) {
    const pool = getPool(kind);
    m.dbPool.set({ pool: kind, state: "total" }, pool.totalCount);
    m.dbPool.set({ pool: kind, state: "idle" }, pool.idleCount);
    m.dbPool.set({ pool: kind, state: "waiting" }, pool.waitingCount);
  }
}
