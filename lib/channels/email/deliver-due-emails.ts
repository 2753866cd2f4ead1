import "server-only";
import type { CreateEmailOptions, CreateEmailRequestOptions } from "resend";
import { prisma } from "@/lib/db/client";
import { recordEmailDelivery, recordProviderCall } from "@/lib/metrics/record";
import type { WorkerTask } from "@/lib/worker/run-worker";
import type { RenderedMessage } from "../render-content";
import { type ClaimedEmail, claimDueEmails, nextEmailDueAt } from "./claim-due-emails";
import { OUTBOX_NOTE } from "./email-policy";
import { EMAIL_DELIVERY_TASK } from "./email-task";
import { type DeliveryResult, finishDelivery, recordSendOutcome } from "./record-send-outcome";
import {
  createResendClient,
  type EmailSettings,
  providerIdempotencyKey,
  resolveResendApiKey,
  senderFor,
} from "./resend-client";
import { classifySendAnswer, type ProviderAnswer } from "./retry-policy";
import { normalizeAddress } from "./suppression";

// The email half of the worker: claims due messages (claim-due-emails.ts),
// sends each through the resend SDK, records the outcome
// (record-send-outcome.ts). A worker that dies mid-send leaves its lease to
// expire; the next attempt carries the same Idempotency-Key, so Resend
// never sends it twice.

export interface DeliverOptions {
  now?: Date;
  batchSize?: number;
  /** Per request; a slower answer is treated like a 5xx. */
  timeoutMs?: number;
  maxAttempts?: number;
  random?: () => number;
}

export type { ClaimedEmail };
export { nextEmailDueAt };

export interface DeliverSummary {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  outbox: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_BATCH = 10;
/** The Resend tag that lets a webhook find its message even before we recorded the send. */
export const MESSAGE_TAG = "cue_message_id";

export async function deliverDueEmails(options: DeliverOptions = {}): Promise<DeliverSummary> {
  const now = options.now ?? new Date();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const claimed = await claimDueEmails(now, options.batchSize ?? DEFAULT_BATCH, timeoutMs);
  const summary: DeliverSummary = {
    claimed: claimed.length,
    sent: 0,
    retried: 0,
    failed: 0,
    skipped: 0,
    outbox: 0,
  };
  if (claimed.length === 0) return summary;

  const workspaces = new Map(
    (
      await prisma.workspace.findMany({
        where: { id: { in: [...new Set(claimed.map((m) => m.workspaceId))] } },
        select: { id: true, emailFrom: true, emailReplyTo: true, resendApiKey: true },
      })
    ).map((w) => [w.id, w]),
  );
  await Promise.all(
    claimed.map(async (message) => {
      const result = await deliverOne(message, workspaces.get(message.workspaceId), {
        now,
        timeoutMs,
        maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        random: options.random ?? Math.random,
      });
      summary[result]++;
      recordEmailDelivery(result); // metrics hook
    }),
  );
  return summary;
}

export function emailDeliveryTask(options: Omit<DeliverOptions, "now"> = {}): WorkerTask {
  return {
    name: EMAIL_DELIVERY_TASK,
    run: async (now) => (await deliverDueEmails({ ...options, now })).claimed,
    nextDueAt: nextEmailDueAt,
  };
}

/** The SDK call for a message: the same payload and key on every attempt. */
export function emailRequest(
  message: Pick<ClaimedEmail, "id" | "workspaceId" | "idempotencyKey" | "toAddress" | "rendered">,
  workspace: EmailSettings,
): { payload: CreateEmailOptions; options: CreateEmailRequestOptions } {
  const rendered = message.rendered as unknown as RenderedMessage;
  if (rendered?.channel !== "email" || !message.toAddress) {
    throw new Error(`Message ${message.id} is not a deliverable email.`);
  }
  const { email } = rendered;
  const sender = senderFor(workspace);
  const payload: CreateEmailOptions = {
    from: sender.from,
    to: [message.toAddress],
    subject: email.subject,
    html: email.html,
    text: email.text,
    tags: [{ name: MESSAGE_TAG, value: message.id }],
  };
  if (sender.replyTo) payload.replyTo = sender.replyTo;
  if (Object.keys(email.headers).length > 0) payload.headers = email.headers;
  return {
    payload,
    options: {
      idempotencyKey: providerIdempotencyKey(message.workspaceId, message.idempotencyKey),
    },
  };
}

async function deliverOne(
  message: ClaimedEmail,
  workspace: (EmailSettings & { id: string }) | undefined,
  ctx: { now: Date; timeoutMs: number; maxAttempts: number; random: () => number },
): Promise<DeliveryResult> {
  if (!workspace)
    return finishDelivery(message, ctx.now, "failed", "The workspace no longer exists.");
  const gate = await deliveryGate(message);
  if (gate) return finishDelivery(message, ctx.now, "skipped", gate);
  const apiKey = resolveResendApiKey(workspace);
  // The key was removed after this was queued: keep it readable in the Outbox.
  if (!apiKey) return finishDelivery(message, ctx.now, "outbox", null, { note: OUTBOX_NOTE });

  let answer: ProviderAnswer;
  const signal = AbortSignal.timeout(ctx.timeoutMs);
  const startedAt = performance.now(); // metrics hook
  try {
    const { payload, options } = emailRequest(message, workspace);
    const response = await createResendClient(apiKey).emails.send(payload, { ...options, signal });
    answer = {
      data: response.data,
      error: response.error,
      headers: response.headers,
      timedOut: signal.aborted,
    };
  } catch (error) {
    // The SDK does not throw on HTTP errors; this is a bug or a bad row.
    answer = {
      data: null,
      error: { message: error instanceof Error ? error.message : String(error), statusCode: null },
      headers: null,
      timedOut: signal.aborted,
    };
  }
  recordProviderCall(answer, startedAt); // metrics hook
  const outcome = classifySendAnswer(answer, {
    attempt: message.attempts,
    maxAttempts: ctx.maxAttempts,
    now: ctx.now,
    random: ctx.random,
  });
  return recordSendOutcome(message, outcome, ctx.now);
}

/** Re-checked at send time: a bounce or unsubscribe may have landed since enqueue. */
async function deliveryGate(message: ClaimedEmail): Promise<string | null> {
  if (!message.toAddress) return "The message has no recipient address.";
  const suppressed = await prisma.suppression.findUnique({
    where: {
      workspaceId_email: {
        workspaceId: message.workspaceId,
        email: normalizeAddress(message.toAddress),
      },
    },
    select: { reason: true },
  });
  if (suppressed) return `${message.toAddress} is on the suppression list.`;
  if (message.transactional) return null;
  const profile = await prisma.profile.findFirst({
    where: { id: message.profileId, workspaceId: message.workspaceId },
    select: { unsubscribedAt: true },
  });
  return profile?.unsubscribedAt ? "The profile unsubscribed from marketing email." : null;
}
