import "server-only";
import { reportDatabaseError } from "@/lib/db/availability";
import { sql } from "@/lib/db/sql";
import { STEP_WEBHOOKS_TASK } from "@/lib/engine/journey-webhooks";
import { resumeWebhookRuns } from "@/lib/engine/resume-webhook-runs";
import type { WebhookHeaderSpec } from "@/lib/journey-core/webhook-step";
import { errorText } from "@/lib/log/error-text";
import type { WorkerTask } from "@/lib/worker/run-worker";
import { createWakeGate } from "@/lib/worker/wake-gate";
import { type PostResult, postWebhook } from "./post-webhook";
import { parseRetryAfter } from "./retry-schedule";
import { decideStepRetry } from "./step-retry-schedule";
import { stepSigningSecret } from "./step-signing-secret";
import { webhookHeaders } from "./webhook-secret";

// Delivery of webhook steps' requests (journey_webhook_calls, queued by the
// engine: lib/engine/journey-webhooks.ts). The same machinery as event
// webhooks: a claim with FOR UPDATE SKIP LOCKED as a lease, postWebhook
// (node:http, the private-network check at connect time,
// CUE_WEBHOOKS_ALLOW_PRIVATE), Standard Webhooks signing (the workspace's
// step signing secret), and an outcome written only under the same leaseId.
// The schedule is the step's own (step-retry-schedule.ts). Each request
// carries `Idempotency-Key: run:node:arrival` and `webhook-id` (the call's
// id), the same on every attempt. A final outcome then resumes the run
// (resume-webhook-runs.ts), in this task's round.

const LEASE_MS = 30_000 + 45_000;
const BATCH = 20;

interface ClaimedCall {
  id: string;
  workspaceId: string;
  idempotencyKey: string;
  method: string;
  url: string;
  headers: WebhookHeaderSpec[];
  body: string | null;
  timeoutMs: number;
  attempts: number;
  leaseId: string;
}

export interface DeliverStepWebhooksOptions {
  now?: Date;
  random?: () => number;
  log?: (line: string) => void;
}

async function claimDueCalls(now: Date, limit: number): Promise<ClaimedCall[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return sql.$queryRaw<ClaimedCall[]>`
    WITH due AS (
      SELECT id FROM journey_webhook_calls
      WHERE status = 'pending' AND "nextAttemptAt" <= ${now}::timestamp(3)
      ORDER BY "nextAttemptAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE journey_webhook_calls c
    SET attempts = c.attempts + 1, "leaseId" = gen_random_uuid()::text,
        "nextAttemptAt" = ${leaseUntil}::timestamp(3), "updatedAt" = ${now}::timestamp(3)
    FROM due WHERE c.id = due.id
    RETURNING c.id, c."workspaceId", c."idempotencyKey", c.method, c.url, c.headers, c.body,
      c."timeoutMs", c.attempts, c."leaseId"`;
}

/** The request's headers: the step's (secrets put back in), then Cue's own. */
async function headersFor(call: ClaimedCall, now: Date): Promise<Record<string, string>> {
  const secretIds = call.headers.flatMap((h) => ("secretId" in h ? [h.secretId] : []));
  const secrets = new Map<string, string>();
  if (secretIds.length > 0) {
    const rows = await sql.$queryRaw<{ id: string; value: string }[]>`
      SELECT id, value FROM journey_step_secrets
      WHERE "workspaceId" = ${call.workspaceId} AND id = ANY(${secretIds}::text[])`;
    for (const row of rows) secrets.set(row.id, row.value);
  }
  const out: Record<string, string> = {};
  for (const header of call.headers) {
    const value = "secretId" in header ? secrets.get(header.secretId) : header.value;
    if (value !== undefined) out[header.name.toLowerCase()] = value;
  }
  const body = call.body ?? "";
  const signing = await stepSigningSecret(sql, call.workspaceId);
  // The signature's timestamp is the real send time: receivers compare it with their clock.
  Object.assign(out, webhookHeaders(signing, { id: call.id, timestamp: new Date(), body }, now));
  out["idempotency-key"] = call.idempotencyKey;
  return out;
}

async function deliverOne(call: ClaimedCall, now: Date, random?: () => number): Promise<void> {
  let result: PostResult;
  try {
    result = await postWebhook({
      url: call.url,
      method: call.method,
      headers: await headersFor(call, now),
      body: call.body ?? "",
      timeoutMs: call.timeoutMs,
    });
  } catch (error) {
    result = {
      statusCode: null,
      headers: {},
      body: "",
      error: error instanceof Error ? error.message : String(error),
      refused: false,
      durationMs: 0,
    };
  }
  const retryAfter = result.headers["retry-after"];
  const decision = decideStepRetry(
    {
      statusCode: result.statusCode,
      retryAfterMs: parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, now),
      permanent: result.refused,
    },
    call.attempts,
    now,
    random,
  );
  const status = decision.kind === "retry" ? "pending" : decision.kind;
  const next = decision.kind === "retry" ? decision.at : null;
  const error =
    result.error ?? (decision.kind === "succeeded" ? null : `HTTP ${result.statusCode}`);
  await sql.$executeRaw`
    UPDATE journey_webhook_calls SET status = ${status}, "nextAttemptAt" = ${next}::timestamp(3),
      "leaseId" = NULL, "lastStatus" = ${result.statusCode}, "lastError" = ${error},
      "responseBody" = ${result.body || null}, "updatedAt" = ${now}::timestamp(3)
    WHERE id = ${call.id} AND "leaseId" = ${call.leaseId}`;
}

/** One awaited round: delivers what is due at `now`, then resumes the runs whose delivery ended. */
export async function deliverDueStepWebhooks(
  options: DeliverStepWebhooksOptions = {},
): Promise<{ delivered: number; resumed: number }> {
  const now = options.now ?? new Date();
  const claimed = await claimDueCalls(now, BATCH);
  await Promise.all(claimed.map((call) => deliverOne(call, now, options.random)));
  const resumed = await resumeWebhookRuns({ now, log: options.log });
  return { delivered: claimed.length, resumed };
}

export async function nextStepWebhookDueAt(): Promise<Date | null> {
  const rows = await sql.$queryRaw<{ due: Date | null }[]>`
    SELECT min("nextAttemptAt") AS due FROM journey_webhook_calls WHERE status = 'pending'`;
  return rows[0]?.due ?? null;
}

const CONCURRENCY = 20;

/**
 * The worker task: up to CONCURRENCY requests in flight in the background
 * (a slow receiver never holds the shared loop), and, each round, the runs
 * whose delivery ended are resumed.
 */
export function stepWebhookTask(options: { log?: (line: string) => void } = {}): WorkerTask {
  const log = options.log ?? (() => {});
  const inFlight = new Set<Promise<void>>();
  let wake = () => {};
  const gate = createWakeGate(STEP_WEBHOOKS_TASK);
  let resumePending = true;
  return {
    name: STEP_WEBHOOKS_TASK,
    attach: (loopWake) => {
      wake = loopWake;
    },
    notified: (payload) => gate.notified(payload),
    async run(now) {
      let worked = 0;
      const due = gate.shouldRun(now);
      // Resumes after our own deliveries end, and on the gate's pace (another
      // worker's deliveries, a journey resumed after a pause).
      if (resumePending || due) {
        resumePending = false;
        worked += await resumeWebhookRuns({ now, log });
        if (worked > 0) resumePending = true; // maybe more than one batch
      }
      if (!due) return worked;
      const room = CONCURRENCY - inFlight.size;
      const limit = Math.min(room, BATCH);
      const claimed = room > 0 ? await claimDueCalls(now, limit) : [];
      gate.ran(now, room <= 0 || claimed.length === limit);
      for (const call of claimed) {
        const post: Promise<void> = deliverOne(call, now)
          .catch((error: unknown) => {
            if (!reportDatabaseError(error))
              log(`step webhooks: ${call.id} not recorded: ${errorText(error)}`);
          })
          .finally(() => {
            inFlight.delete(post);
            resumePending = true;
            gate.poke();
            wake();
          });
        inFlight.add(post);
      }
      return worked + claimed.length;
    },
    async nextDueAt() {
      if (resumePending) return new Date(0);
      const known = gate.knownDueAt();
      if (known !== undefined) return known;
      const due = await nextStepWebhookDueAt();
      gate.setDueAt(due);
      return due;
    },
    drain: async () => {
      await Promise.all([...inFlight]);
    },
  };
}
