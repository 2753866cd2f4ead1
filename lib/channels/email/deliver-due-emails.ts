import "server-only";
import type { CreateEmailOptions, CreateEmailRequestOptions } from "resend";
import { prisma } from "@/lib/db/client";
import { errorText } from "@/lib/log/error-text";
import { recordEmailDelivery, recordProviderCall } from "@/lib/metrics/record";
import type { WorkerTask } from "@/lib/worker/run-worker";
import type { RenderedMessage } from "../render-content";
import { type ClaimedEmail, claimDueEmails, nextEmailDueAt } from "./claim-due-emails";
import { LEASE_MS, LeaseKeeper } from "./email-lease";
import { OUTBOX_NOTE } from "./email-policy";
import { EMAIL_DELIVERY_TASK } from "./email-task";
import { holdSendSlots, reserveSendSlot } from "./pace-sends";
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
// sends each through the resend SDK at the workspace's pace (pace-sends.ts),
// records the outcome (record-send-outcome.ts). Each send is independent: a
// worker keeps up to `concurrency` sends in flight and claims more as soon
// as any finishes, so a hung call delays only its own message (and ends at
// its own timeout). Claims are short leases renewed by a heartbeat
// (email-lease.ts); a worker that dies mid-send gives its messages back
// within LEASE_MS, and the next attempt carries the same Idempotency-Key,
// so Resend never sends it twice.

export interface DeliverOptions {
  /** A fixed clock (tests): claims, delays and records are computed from it. */
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
  rateLimited: number;
  failed: number;
  skipped: number;
  outbox: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
/** A safety net; the retry window (23 h, retry-policy.ts) is what normally ends retries. */
export const DEFAULT_MAX_ATTEMPTS = 40;
const DEFAULT_BATCH = 10;
/** Sends one worker keeps in flight at once. */
export const DEFAULT_CONCURRENCY = 20;
/** The Resend tag that lets a webhook find its message even before we recorded the send. */
export const MESSAGE_TAG = "cue_message_id";

interface DeliveryContext {
  clock: () => Date;
  timeoutMs: number;
  maxAttempts: number;
  random: () => number;
}

type Sender = EmailSettings & { id: string; emailRatePerSecond: number };

function contextFrom(options: DeliverOptions): DeliveryContext {
  const fixed = options.now;
  return {
    clock: fixed ? () => fixed : () => new Date(),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    random: options.random ?? Math.random,
  };
}

async function loadSenders(claimed: ClaimedEmail[]): Promise<Map<string, Sender>> {
  const rows = await prisma.workspace.findMany({
    where: { id: { in: [...new Set(claimed.map((m) => m.workspaceId))] } },
    select: {
      id: true,
      emailFrom: true,
      emailReplyTo: true,
      resendApiKey: true,
      emailRatePerSecond: true,
    },
  });
  return new Map(rows.map((w) => [w.id, w]));
}

/** One round: claims up to batchSize due emails and waits until each is recorded. */
export async function deliverDueEmails(options: DeliverOptions = {}): Promise<DeliverSummary> {
  const ctx = contextFrom(options);
  const claimed = await claimDueEmails(ctx.clock(), options.batchSize ?? DEFAULT_BATCH, LEASE_MS);
  const summary: DeliverSummary = {
    claimed: claimed.length,
    sent: 0,
    retried: 0,
    rateLimited: 0,
    failed: 0,
    skipped: 0,
    outbox: 0,
  };
  if (claimed.length === 0) return summary;
  const senders = await loadSenders(claimed);
  const leases = new LeaseKeeper();
  await Promise.all(
    claimed.map(async (message) => {
      leases.hold(message.id, message.leaseId);
      try {
        summary[await deliverOne(message, senders.get(message.workspaceId), ctx)]++;
      } finally {
        leases.release(message.id);
      }
    }),
  );
  return summary;
}

/**
 * The worker task: keeps up to `concurrency` sends in flight, each on its
 * own, and claims more whenever there is room (never waiting for a batch).
 */
export function emailDeliveryTask(
  options: Omit<DeliverOptions, "now"> & {
    concurrency?: number;
    log?: (line: string) => void;
  } = {},
): WorkerTask {
  const log = options.log ?? (() => {});
  const leases = new LeaseKeeper(log);
  const inFlight = new Set<Promise<void>>();
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const batch = options.batchSize ?? DEFAULT_BATCH;
  const ctx = contextFrom(options);
  let wake = () => {};
  return {
    name: EMAIL_DELIVERY_TASK,
    attach: (loopWake) => {
      wake = loopWake;
    },
    run: async (now) => {
      const room = concurrency - inFlight.size;
      if (room <= 0) return 0;
      const claimed = await claimDueEmails(now, Math.min(room, batch), LEASE_MS);
      if (claimed.length === 0) return 0;
      const senders = await loadSenders(claimed);
      for (const message of claimed) {
        leases.hold(message.id, message.leaseId);
        const send: Promise<void> = deliverOne(message, senders.get(message.workspaceId), ctx)
          .then(
            () => {},
            (error: unknown) => log(`email: ${message.id} not recorded: ${errorText(error)}`),
          )
          .finally(() => {
            leases.release(message.id);
            inFlight.delete(send);
            wake(); // room for the next claim, and maybe a new due time
          });
        inFlight.add(send);
      }
      return claimed.length;
    },
    nextDueAt: nextEmailDueAt,
    drain: async () => {
      await Promise.all([...inFlight]);
    },
  };
}

/** The SDK call for a message: the same payload and key on every attempt. */
export function emailRequest(
  message: Pick<
    ClaimedEmail,
    "id" | "workspaceId" | "idempotencyKey" | "toAddress" | "rendered"
  > & { keyGeneration?: number },
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
      idempotencyKey: providerIdempotencyKey(
        message.workspaceId,
        message.idempotencyKey,
        message.keyGeneration,
      ),
    },
  };
}

/** One message, start to finish; every result is counted in the metrics. */
async function deliverOne(
  message: ClaimedEmail,
  workspace: Sender | undefined,
  ctx: DeliveryContext,
): Promise<DeliveryResult> {
  const result = await attemptDelivery(message, workspace, ctx);
  recordEmailDelivery(result); // metrics hook
  return result;
}

async function attemptDelivery(
  message: ClaimedEmail,
  workspace: Sender | undefined,
  ctx: DeliveryContext,
): Promise<DeliveryResult> {
  if (!workspace)
    return finishDelivery(message, ctx.clock(), "failed", "The workspace no longer exists.");
  const gate = await deliveryGate(message);
  if (gate) return finishDelivery(message, ctx.clock(), "skipped", gate);
  const apiKey = resolveResendApiKey(workspace);
  // The key was removed after this was queued: keep it readable in the Outbox.
  if (!apiKey) return finishDelivery(message, ctx.clock(), "outbox", null, { note: OUTBOX_NOTE });

  let request: ReturnType<typeof emailRequest>;
  try {
    request = emailRequest(message, workspace);
  } catch (error) {
    return finishDelivery(message, ctx.clock(), "failed", errorText(error));
  }
  await waitForSendSlot(workspace.id, workspace.emailRatePerSecond);

  let answer: ProviderAnswer;
  const signal = AbortSignal.timeout(ctx.timeoutMs);
  const startedAt = performance.now(); // metrics hook
  try {
    const response = await createResendClient(apiKey).emails.send(request.payload, {
      ...request.options,
      signal,
    });
    answer = {
      data: response.data,
      error: response.error,
      headers: response.headers,
      timedOut: signal.aborted,
    };
  } catch (error) {
    // The SDK does not throw on HTTP errors; a reset or abort may surface here.
    answer = {
      data: null,
      error: { message: errorText(error), statusCode: null },
      headers: null,
      timedOut: signal.aborted,
    };
  }
  recordProviderCall(answer, startedAt); // metrics hook
  const answeredAt = ctx.clock();
  const outcome = classifySendAnswer(answer, {
    attempt: message.attempts,
    maxAttempts: ctx.maxAttempts,
    now: answeredAt,
    firstAttemptAt: message.firstAttemptAt,
    random: ctx.random,
  });
  if (outcome.kind === "rate_limited") {
    await holdSendSlots(workspace.id, outcome.retryAfterMs);
  }
  return recordSendOutcome(message, outcome, answeredAt);
}

/**
 * Reserves the workspace's next slot and sleeps until it. A sleeper that
 * wakes well after its slot (a busy event loop) takes a new one instead of
 * sending late, so late sends never bunch up with on-time ones.
 */
async function waitForSendSlot(workspaceId: string, ratePerSecond: number): Promise<void> {
  const toleranceMs = Math.max(10, 500 / ratePerSecond);
  for (let tries = 0; tries < 5; tries++) {
    const waitMs = await reserveSendSlot(workspaceId, ratePerSecond);
    const slotAt = Date.now() + waitMs;
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    if (Date.now() - slotAt <= toleranceMs) return;
  }
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
