import "server-only";
import { prisma } from "@/lib/db/client";
import { errorText } from "@/lib/log/error-text";
import { recordEmailDelivery } from "@/lib/metrics/record";
import type { WorkerTask } from "@/lib/worker/run-worker";
import { createWakeGate } from "@/lib/worker/wake-gate";
import { callProvider } from "./call-provider";
import {
  type ClaimedEmail,
  type ClaimedWork,
  claimDueEmails,
  nextEmailDueAt,
} from "./claim-due-emails";
import { deliveryGate } from "./delivery-gates";
import { LEASE_MS, LeaseKeeper } from "./email-lease";
import { OUTBOX_NOTE } from "./email-policy";
import { emailRequest } from "./email-request";
import { EMAIL_DELIVERY_TASK } from "./email-task";
import { type EmailSend, formEmailBatches, type Sender } from "./form-email-batches";
import { holdSendSlots, waitForSendSlot } from "./pace-sends";
import { type DeliveryResult, finishDelivery, recordSendOutcome } from "./record-send-outcome";
import { createResendClient, resolveResendApiKey } from "./resend-client";
import { classifySendAnswer, type ProviderAnswer } from "./retry-policy";
import { type DeliveryContext, deliverBatch } from "./send-email-batch";

// The email half of the worker: claims due messages (claim-due-emails.ts),
// sends each through the resend SDK at the workspace's pace (pace-sends.ts),
// records the outcome (record-send-outcome.ts). Each send is independent: a
// worker keeps up to `concurrency` sends in flight and claims more as soon
// as any finishes, so a hung call delays only its own message (and ends at
// its own timeout). Claims are short leases renewed by a heartbeat
// (email-lease.ts); a worker that dies mid-send gives its messages back
// within LEASE_MS, and the next attempt carries the same Idempotency-Key,
// so Resend never sends it twice.
//
// A send is one request: a single email, or a batch of up to 100 fresh
// emails of one workspace (form-email-batches.ts, send-email-batch.ts),
// which takes one pacer slot like a single email does. `concurrency` counts
// requests in flight.

export interface DeliverOptions {
  /** A fixed clock (tests): claims, delays and records are computed from it. */
  now?: Date;
  batchSize?: number;
  /** Per request; a slower answer is treated like a 5xx. */
  timeoutMs?: number;
  maxAttempts?: number;
  random?: () => number;
}

export { MESSAGE_TAG } from "./email-request";
export type { ClaimedEmail };
export { emailRequest, nextEmailDueAt };

export interface DeliverSummary {
  claimed: number;
  sent: number;
  retried: number;
  rateLimited: number;
  failed: number;
  skipped: number;
  outbox: number;
  /** Batches sent (each one request for its mates). */
  batches: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
/** A safety net; the retry window (23 h, retry-policy.ts) is what normally ends retries. */
export const DEFAULT_MAX_ATTEMPTS = 40;
const DEFAULT_BATCH = 10;
/** Requests (single emails or batches) one worker keeps in flight at once. */
export const DEFAULT_CONCURRENCY = 20;

function contextFrom(options: DeliverOptions): DeliveryContext {
  const fixed = options.now;
  return {
    clock: fixed ? () => fixed : () => new Date(),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    random: options.random ?? Math.random,
  };
}

function claimedMessages(claimed: ClaimedWork): ClaimedEmail[] {
  return [...claimed.batches.flatMap((b) => b.messages), ...claimed.singles];
}

function messagesOf(send: EmailSend): ClaimedEmail[] {
  return send.kind === "batch" ? send.batch.messages : [send.message];
}

/** The claim's workspaces, and its fresh messages formed into batches. */
async function prepareSends(
  claimed: ClaimedWork,
  ctx: DeliveryContext,
): Promise<{
  senders: Map<string, Sender>;
  sends: EmailSend[];
  finished: { message: ClaimedEmail; result: DeliveryResult }[];
}> {
  const senders = await loadSenders(claimedMessages(claimed));
  const formed = await formEmailBatches(claimed.singles, senders, ctx.clock());
  for (const { result } of formed.finished) recordEmailDelivery(result); // metrics hook
  const sends: EmailSend[] = [
    ...claimed.batches.map((batch): EmailSend => ({ kind: "batch", batch })),
    ...formed.sends,
  ];
  return { senders, sends, finished: formed.finished };
}

/** One send (a batch or one email), start to finish: each message's result. */
function deliverSend(
  send: EmailSend,
  senders: Map<string, Sender>,
  ctx: DeliveryContext,
): Promise<DeliveryResult[]> {
  if (send.kind === "single") {
    const workspace = senders.get(send.message.workspaceId);
    return deliverOne(send.message, workspace, ctx).then((result) => [result]);
  }
  const workspace = senders.get(send.batch.workspaceId);
  return deliverBatch(send.batch, workspace, ctx, (message) =>
    attemptDelivery(message, workspace, ctx),
  ).then((results) => {
    for (const result of results) recordEmailDelivery(result); // metrics hook
    return results;
  });
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

/** One round: claims up to batchSize sends and waits until each is recorded. */
export async function deliverDueEmails(options: DeliverOptions = {}): Promise<DeliverSummary> {
  const ctx = contextFrom(options);
  const claimed = await claimDueEmails(ctx.clock(), options.batchSize ?? DEFAULT_BATCH, LEASE_MS);
  const messages = claimedMessages(claimed);
  const summary: DeliverSummary = {
    claimed: messages.length,
    batches: 0,
    sent: 0,
    retried: 0,
    rateLimited: 0,
    failed: 0,
    skipped: 0,
    outbox: 0,
  };
  if (messages.length === 0) return summary;
  const leases = new LeaseKeeper();
  for (const m of messages) leases.hold(m.id, m.leaseId);
  try {
    const { senders, sends, finished } = await prepareSends(claimed, ctx);
    for (const { result } of finished) summary[result]++;
    await Promise.all(
      sends.map(async (send) => {
        for (const m of messagesOf(send)) leases.hold(m.id, m.leaseId);
        if (send.kind === "batch") summary.batches++;
        try {
          for (const result of await deliverSend(send, senders, ctx)) summary[result]++;
        } finally {
          for (const m of messagesOf(send)) leases.release(m.id);
        }
      }),
    );
  } finally {
    for (const m of messages) leases.release(m.id);
  }
  return summary;
}

/**
 * The worker task: keeps up to `concurrency` requests in flight, each on its
 * own, and claims more whenever there is room (never waiting for a round).
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
  // The claim is a transaction of several statements: the gate skips it (and the
  // next-due query) in rounds where no email can be due (lib/worker/wake-gate.ts).
  const gate = createWakeGate(EMAIL_DELIVERY_TASK);
  return {
    name: EMAIL_DELIVERY_TASK,
    attach: (loopWake) => {
      wake = loopWake;
    },
    notified: (payload) => gate.notified(payload),
    run: async (now) => {
      const room = concurrency - inFlight.size;
      if (room <= 0 || !gate.shouldRun(now)) return 0;
      const limit = Math.min(room, batch);
      const claimed = await claimDueEmails(now, limit, LEASE_MS);
      const messages = claimedMessages(claimed);
      gate.ran(now, claimed.batches.length + claimed.singles.length >= limit);
      if (messages.length === 0) return 0;
      for (const m of messages) leases.hold(m.id, m.leaseId);
      let prepared: Awaited<ReturnType<typeof prepareSends>>;
      try {
        prepared = await prepareSends(claimed, ctx);
      } catch (error) {
        // The leases run out and the next claim takes these again.
        for (const m of messages) leases.release(m.id);
        throw error;
      }
      // From here each send holds its own messages (a formed batch under its new lease id).
      for (const m of messages) leases.release(m.id);
      for (const send of prepared.sends) {
        const held = messagesOf(send);
        for (const m of held) leases.hold(m.id, m.leaseId);
        const work: Promise<void> = deliverSend(send, prepared.senders, ctx)
          .then(
            () => {},
            (error: unknown) =>
              log(`email: ${held.map((m) => m.id).join(", ")} not recorded: ${errorText(error)}`),
          )
          .finally(() => {
            for (const m of held) leases.release(m.id);
            inFlight.delete(work);
            gate.poke(); // room for the next claim, and maybe a retry scheduled
            wake();
          });
        inFlight.add(work);
      }
      return messages.length;
    },
    async nextDueAt() {
      const known = gate.knownDueAt();
      if (known !== undefined) return known;
      const due = await nextEmailDueAt();
      gate.setDueAt(due);
      return due;
    },
    drain: async () => {
      await Promise.all([...inFlight]);
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

  const answer: ProviderAnswer = await callProvider(ctx.timeoutMs, (signal) =>
    createResendClient(apiKey).emails.send(request.payload, { ...request.options, signal }),
  );
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
