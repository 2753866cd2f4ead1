import "server-only";
import { randomUUID } from "node:crypto";
import { renderWebhookBody } from "@/lib/channels/render-webhook-body";
import type { RawDb } from "@/lib/db/sql";
import type { WebhookEffect } from "@/lib/journey-core/run-state";

// A webhook step's effect → one journey_webhook_calls row (the outbox), in
// the engine's transaction: the run's waiting state and its request commit
// together or not at all. The body's Liquid is rendered here, with the
// profile as the step saw it (event time), values JSON-escaped; secret
// header values stay references until the worker sends
// (lib/webhooks/deliver-step-webhooks.ts). A body that does not render
// queues a row that has already failed, so the run takes the "failed" exit
// through the same path as a delivery that failed. Unique on
// (workspace, run:node:arrival): a replayed batch queues nothing twice.

export const STEP_WEBHOOKS_TASK = "step-webhooks";

export interface JourneyWebhookInput {
  workspaceId: string;
  profileId: string;
  journey: { id: string; name: string };
  runId: string;
  effect: WebhookEffect;
  eventProperties: Record<string, unknown> | undefined;
}

interface Row {
  id: string;
  workspaceId: string;
  journeyId: string;
  runId: string;
  nodeId: string;
  profileId: string;
  idempotencyKey: string;
  method: string;
  url: string;
  headers: unknown;
  body: string | null;
  timeoutMs: number;
  countsAsMessage: boolean;
  stepAt: string;
  status: "pending" | "failed";
  nextAttemptAt: string | null;
  lastError: string | null;
}

/** `now`: the engine's clock (not the step's event time, which may be long past): due at once. */
export async function queueJourneyWebhooks(
  tx: RawDb,
  inputs: readonly JourneyWebhookInput[],
  now: Date,
): Promise<void> {
  if (inputs.length === 0) return;
  const rows: Row[] = [];
  for (const input of inputs) {
    const { effect } = input;
    const id = randomUUID();
    const rendered = await renderWebhookBody(effect, {
      eventProperties: input.eventProperties,
      journey: input.journey,
      id,
    });
    rows.push({
      id,
      workspaceId: input.workspaceId,
      journeyId: input.journey.id,
      runId: input.runId,
      nodeId: effect.nodeId,
      profileId: input.profileId,
      idempotencyKey: effect.idempotencyKey,
      method: effect.request.method,
      url: effect.request.url,
      headers: effect.request.headers,
      body: rendered.ok ? rendered.body : null,
      timeoutMs: effect.request.timeoutMs,
      countsAsMessage: effect.countsAsMessage,
      stepAt: effect.at.toISOString(),
      status: rendered.ok ? "pending" : "failed",
      nextAttemptAt: rendered.ok ? now.toISOString() : null,
      lastError: rendered.ok ? null : rendered.error,
    });
  }
  await tx.$executeRaw`
    WITH queued AS (
      INSERT INTO journey_webhook_calls (id, "workspaceId", "journeyId", "runId", "nodeId", "profileId",
        "idempotencyKey", method, url, headers, body, "timeoutMs", "countsAsMessage", "stepAt",
        status, "nextAttemptAt", "lastError")
      SELECT r.id, r."workspaceId", r."journeyId", r."runId", r."nodeId", r."profileId",
        r."idempotencyKey", r.method, r.url, r.headers, r.body, r."timeoutMs", r."countsAsMessage",
        r."stepAt", r.status, r."nextAttemptAt", r."lastError"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id text, "workspaceId" text,
        "journeyId" text, "runId" text, "nodeId" text, "profileId" uuid, "idempotencyKey" text,
        method text, url text, headers jsonb, body text, "timeoutMs" int, "countsAsMessage" boolean,
        "stepAt" timestamp(3), status text, "nextAttemptAt" timestamp(3), "lastError" text)
      ON CONFLICT ("workspaceId", "idempotencyKey") DO NOTHING
      RETURNING 1
    )
    SELECT pg_notify('cue_wake', ${STEP_WEBHOOKS_TASK}) FROM (SELECT count(*) AS n FROM queued) q
    WHERE q.n > 0`;
}
