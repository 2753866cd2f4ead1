import "server-only";
import { reportDatabaseError } from "@/lib/db/availability";
import { type RawDb, sql, sqlTransaction } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import { errorText } from "@/lib/log/error-text";
import type { WorkerTask } from "@/lib/worker/run-worker";
import { createWakeGate } from "@/lib/worker/wake-gate";
import { TEST_EVENT_TYPE } from "./event-types";
import { type PostResult, postWebhook, WEBHOOK_TIMEOUT_MS } from "./post-webhook";
import { DISABLE_AFTER_MS, decideRetry, parseRetryAfter } from "./retry-schedule";
import { webhookHeaders } from "./webhook-secret";
import { WEBHOOKS_TASK } from "./webhooks-task";

// Webhook delivery: claims due outbox rows (webhook_messages)
// of enabled endpoints with FOR UPDATE SKIP LOCKED as a lease (nextAttemptAt
// moves to the end of the lease, so a worker that dies gives them back),
// POSTs each signed payload, and records the attempt and its outcome
// (retry-schedule.ts) under the same leaseId. A run of failures lasting
// DISABLE_AFTER_MS disables the endpoint; its pending messages fail.

const LEASE_MS = WEBHOOK_TIMEOUT_MS + 45_000;
const BATCH = 20;

interface ClaimedWebhook {
  id: string;
  workspaceId: string;
  endpointId: string;
  payload: Prisma.JsonValue;
  attempts: number;
  leaseId: string;
  replay: boolean;
  eventType: string;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

export interface DeliverWebhooksOptions {
  now?: Date;
  random?: () => number;
  timeoutMs?: number;
}

async function claimDueWebhooks(now: Date, limit: number): Promise<ClaimedWebhook[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return sql.$queryRaw<ClaimedWebhook[]>`
    WITH due AS (
      SELECT wm.id FROM webhook_messages wm
      JOIN webhook_endpoints ep ON ep.id = wm."endpointId" AND ep.enabled
      WHERE wm.status = 'pending' AND wm."nextAttemptAt" <= ${now}::timestamp(3)
      ORDER BY wm."nextAttemptAt", wm.id
      LIMIT ${limit}
      FOR UPDATE OF wm SKIP LOCKED
    )
    UPDATE webhook_messages m
    SET attempts = m.attempts + 1, "leaseId" = gen_random_uuid()::text,
        "nextAttemptAt" = ${leaseUntil}::timestamp(3), "updatedAt" = ${now}::timestamp(3)
    FROM due, webhook_endpoints ep
    WHERE m.id = due.id AND ep.id = m."endpointId"
    RETURNING m.id, m."workspaceId", m."endpointId", m."eventType", m.payload, m.attempts, m."leaseId",
      (m."replayedAt" IS NOT NULL AND m.attempts = 1) AS replay, ep.url, ep.secret, ep."previousSecret",
      ep."previousSecretExpiresAt"`;
}

/** One awaited round: claims what is due at `now`, delivers it, records it. */
export async function deliverDueWebhooks(options: DeliverWebhooksOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const claimed = await claimDueWebhooks(now, BATCH);
  await Promise.all(claimed.map((message) => deliverOne(message, now, options)));
  return claimed.length;
}

async function deliverOne(
  message: ClaimedWebhook,
  now: Date,
  options: DeliverWebhooksOptions,
): Promise<void> {
  const body = JSON.stringify(message.payload);
  // The signature's timestamp is the real send time: receivers compare it with their clock.
  const headers = webhookHeaders(message, { id: message.id, timestamp: new Date(), body }, now);
  let result: PostResult;
  try {
    result = await postWebhook({ url: message.url, headers, body, timeoutMs: options.timeoutMs });
  } catch (error) {
    // A URL that cannot even be requested; treated as a network error.
    const text = error instanceof Error ? error.message : String(error);
    result = {
      statusCode: null,
      headers: {},
      body: "",
      error: text,
      refused: false,
      durationMs: 0,
    };
  }
  await recordAttempt(message, result, now, options.random);
}

async function recordAttempt(
  message: ClaimedWebhook,
  result: PostResult,
  now: Date,
  random?: () => number,
): Promise<void> {
  const retryAfter = result.headers["retry-after"];
  const decision = decideRetry(
    {
      statusCode: result.statusCode,
      retryAfterMs: parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, now),
      permanent: result.refused,
    },
    message.attempts,
    now,
    random,
  );
  const error =
    result.error ?? (decision.kind === "succeeded" ? null : `HTTP ${result.statusCode}`);
  await sqlTransaction(async (tx) => {
    const status = decision.kind === "retry" ? "pending" : decision.kind;
    const next = decision.kind === "retry" ? decision.at : null;
    const updated = await tx.$executeRaw`
      UPDATE webhook_messages SET status = ${status}, "nextAttemptAt" = ${next}::timestamp(3),
        "leaseId" = NULL, "lastStatus" = ${result.statusCode}, "lastError" = ${error},
        "updatedAt" = ${now}::timestamp(3)
      WHERE id = ${message.id} AND "leaseId" = ${message.leaseId}`;
    if (updated === 0) return;
    await tx.$executeRaw`
      INSERT INTO webhook_attempts ("workspaceId", "endpointId", "messageId", at, "statusCode",
        "durationMs", error, "responseBody", trigger)
      VALUES (${message.workspaceId}, ${message.endpointId}, ${message.id}, ${now}::timestamp(3),
        ${result.statusCode}, ${result.durationMs}, ${result.error}, ${result.body || null},
        ${attemptTrigger(message)})`;
    if (decision.kind === "succeeded") {
      await tx.$executeRaw`
        UPDATE webhook_endpoints SET "failingSince" = NULL
        WHERE id = ${message.endpointId} AND "failingSince" IS NOT NULL`;
    } else {
      await noteFailure(tx, message.endpointId, now);
    }
  });
}

/** Why this attempt was made, for the delivery log. */
function attemptTrigger(message: ClaimedWebhook): string {
  if (message.replay) return "replay";
  return message.eventType === TEST_EVENT_TYPE && message.attempts === 1 ? "test" : "scheduled";
}

/** Starts or continues the endpoint's run of failures; a day of them disables it. */
async function noteFailure(tx: RawDb, endpointId: string, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - DISABLE_AFTER_MS);
  const rows = await tx.$queryRaw<{ enabled: boolean }[]>`
    UPDATE webhook_endpoints SET
      "failingSince" = COALESCE("failingSince", ${now}::timestamp(3)),
      enabled = enabled AND NOT COALESCE("failingSince" <= ${cutoff}::timestamp(3), false),
      "disabledReason" = CASE WHEN enabled AND "failingSince" <= ${cutoff}::timestamp(3)
        THEN 'failing' ELSE "disabledReason" END,
      "disabledAt" = CASE WHEN enabled AND "failingSince" <= ${cutoff}::timestamp(3)
        THEN ${now}::timestamp(3) ELSE "disabledAt" END,
      "updatedAt" = ${now}::timestamp(3)
    WHERE id = ${endpointId}
    RETURNING enabled`;
  if (rows[0] && !rows[0].enabled)
    await failPending(tx, endpointId, "endpoint disabled after a day of failures", now);
}

export async function failPending(tx: RawDb, endpointId: string, reason: string, now: Date) {
  await tx.$executeRaw`
    UPDATE webhook_messages SET status = 'failed', "nextAttemptAt" = NULL, "leaseId" = NULL,
      "lastError" = ${reason}, "updatedAt" = ${now}::timestamp(3)
    WHERE "endpointId" = ${endpointId} AND status = 'pending'`;
}

export async function nextWebhookDueAt(): Promise<Date | null> {
  const rows = await sql.$queryRaw<{ due: Date | null }[]>`
    SELECT min(wm."nextAttemptAt") AS due FROM webhook_messages wm
    JOIN webhook_endpoints ep ON ep.id = wm."endpointId" AND ep.enabled
    WHERE wm.status = 'pending'`;
  return rows[0]?.due ?? null;
}

/** Days a finished delivery and its attempts are kept (CUE_WEBHOOKS_RETENTION_DAYS, default 30). */
export function retentionDays(): number {
  const days = Number(process.env.CUE_WEBHOOKS_RETENTION_DAYS);
  return Number.isFinite(days) && days > 0 ? days : 30;
}

/**
 * Deletes up to `limit` finished deliveries older than the retention, with
 * their attempts. Any worker may run it; the deletes are idempotent.
 */
export async function purgeOldDeliveries(now: Date, limit = 1_000): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays() * 86_400_000);
  const rows = await sql.$queryRaw<{ count: number }[]>`
    WITH old AS (
      SELECT id FROM webhook_messages
      WHERE status <> 'pending' AND "createdAt" < ${cutoff}::timestamp(3)
      LIMIT ${limit}
    ), attempts AS (
      DELETE FROM webhook_attempts a USING old WHERE a."messageId" = old.id
    ), gone AS (
      DELETE FROM webhook_messages m USING old WHERE m.id = old.id RETURNING 1
    )
    SELECT count(*)::int AS count FROM gone`;
  return rows[0]?.count ?? 0;
}

const PURGE_EVERY_MS = 3_600_000;
/** POSTs one worker keeps in flight at once. */
const CONCURRENCY = 20;

/**
 * The worker task: keeps up to CONCURRENCY POSTs in flight in the
 * background and claims more whenever there is room, so a slow receiver
 * (up to its 15 s timeout) never holds the worker loop, which the engine
 * and email tasks share. A POST whose outcome cannot be recorded is
 * claimed again when its lease ends.
 */
export function webhookDeliveryTask(options: { log?: (line: string) => void } = {}): WorkerTask {
  const log = options.log ?? (() => {});
  const inFlight = new Set<Promise<void>>();
  let wake = () => {};
  // Webhooks are rare next to engine work: the gate skips the claim and the
  // next-due query in rounds where no webhook can be due (wake-gate.ts).
  const gate = createWakeGate(WEBHOOKS_TASK);
  // When this process last purged: a per-process pace only, so it needs no sharing.
  let purgedAt = 0;
  return {
    name: WEBHOOKS_TASK,
    attach: (loopWake) => {
      wake = loopWake;
    },
    notified: (payload) => gate.notified(payload),
    async run(now) {
      if (!gate.shouldRun(now)) return 0;
      const room = CONCURRENCY - inFlight.size;
      const limit = Math.min(room, BATCH);
      const claimed = room > 0 ? await claimDueWebhooks(now, limit) : [];
      gate.ran(now, room <= 0 || claimed.length === limit);
      for (const message of claimed) {
        const post: Promise<void> = deliverOne(message, now, {})
          .catch((error: unknown) => {
            if (!reportDatabaseError(error)) {
              log(`webhooks: ${message.id} not recorded: ${errorText(error)}`);
            }
          })
          .finally(() => {
            inFlight.delete(post);
            gate.poke(); // room for the next claim, and maybe a retry scheduled
            wake();
          });
        inFlight.add(post);
      }
      if (claimed.length === 0 && now.getTime() - purgedAt >= PURGE_EVERY_MS) {
        purgedAt = now.getTime();
        await purgeOldDeliveries(now);
      }
      return claimed.length;
    },
    async nextDueAt() {
      const known = gate.knownDueAt();
      if (known !== undefined) return known;
      const due = await nextWebhookDueAt();
      gate.setDueAt(due);
      return due;
    },
    drain: async () => {
      await Promise.all([...inFlight]);
    },
  };
}
