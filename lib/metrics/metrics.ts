import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

// The process's Prometheus metrics, defined once. Counters and histograms are
// this process's own (each process exposes its own /metrics; Prometheus sums
// them); the queue gauges are set from PostgreSQL at scrape time
// (collect-queue-gauges.ts) and are the same whichever process answers.
//
// Kept on globalThis: under `npm start` the custom server's modules (ingestion,
// the worker) and Next's server bundle (the /metrics route) are two copies of
// this file, and both must count into one registry.

/** Seconds-scale buckets from 5 ms to 10 min: an engine lag or a provider call. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 600];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    ingestRequests: new Counter({
      name: "cue_ingest_requests_total",
      help: "Tracking API requests answered, by HTTP status.",
      labelNames: ["status"] as const,
      registers,
    }),
    ingestEvents: new Counter({
      name: "cue_ingest_events_total",
      help: "Tracking calls received, by outcome: accepted (stored), duplicate (messageId seen before), rejected (invalid).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    engineEvents: new Counter({
      name: "cue_engine_events_evaluated_total",
      help: "Queued events the journey engine evaluated.",
      registers,
    }),
    engineLag: new Histogram({
      name: "cue_engine_event_lag_seconds",
      help: "From an event's acceptance by the tracking API to its evaluation by the engine.",
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    providerRequests: new Histogram({
      name: "cue_email_provider_request_duration_seconds",
      help: "Email provider (Resend) requests, by answer: the HTTP status, `timeout` or `error` (no answer).",
      labelNames: ["status"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    emailDeliveries: new Counter({
      name: "cue_email_deliveries_total",
      help: "Email delivery attempts by result: sent, retried (scheduled again), failed (gave up), skipped, outbox.",
      labelNames: ["result"] as const,
      registers,
    }),
    engineQueueDepth: new Gauge({
      name: "cue_engine_queue_depth",
      help: "Events waiting in engine_queue for the journey engine (all workspaces).",
      registers,
    }),
    engineQueueOldest: new Gauge({
      name: "cue_engine_queue_oldest_age_seconds",
      help: "Age of the oldest event waiting in engine_queue (0 when empty).",
      registers,
    }),
    dueRuns: new Gauge({
      name: "cue_due_runs",
      help: "Journey runs whose timer is due and not yet processed (all workspaces).",
      registers,
    }),
    dueRunsOldest: new Gauge({
      name: "cue_due_runs_oldest_age_seconds",
      help: "How long the most overdue run timer has been due (0 when none).",
      registers,
    }),
    emailQueue: new Gauge({
      name: "cue_email_queue_messages",
      help: "Email messages by status: queued (waiting or retrying), sending (claimed by a worker), failed (dead letters).",
      labelNames: ["status"] as const,
      registers,
    }),
    emailOldestDue: new Gauge({
      name: "cue_email_oldest_due_age_seconds",
      help: "How long the most overdue queued email has been due (0 when none).",
      registers,
    }),
    webhooksPending: new Gauge({
      name: "cue_webhooks_pending",
      help: "Outbound webhook deliveries waiting for their next attempt (all endpoints).",
      registers,
    }),
    webhooksOldestDue: new Gauge({
      name: "cue_webhooks_oldest_due_age_seconds",
      help: "How long the most overdue webhook delivery has been due (0 when none).",
      registers,
    }),
    databaseUp: new Gauge({
      name: "cue_database_up",
      help: "1 when the scrape could read the queue gauges from PostgreSQL, else 0 (they keep their last values).",
      registers,
    }),
    dbPool: new Gauge({
      name: "cue_db_pool_connections",
      help: "This process's node-postgres pools: total (open), idle, and waiting (callers queued for a connection).",
      labelNames: ["pool", "state"] as const,
      registers,
    }),
  };
}

export type CueMetrics = ReturnType<typeof createMetrics>;

const holder = globalThis as unknown as { cueMetrics?: CueMetrics };

/** The process's metrics (created on first use). */
export function metrics(): CueMetrics {
  holder.cueMetrics ??= createMetrics();
  return holder.cueMetrics;
}
