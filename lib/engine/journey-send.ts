import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { MessageContent } from "@/lib/channels/message-content";
import { enqueueMessage } from "@/lib/channels/send-message";
import type { MessageStatus, Prisma } from "@/lib/generated/prisma/client";
import type { SendEffect } from "@/lib/journeys/run-state";

// A send effect → the channel interface, inside the engine's transaction, so
// the message (and for in-app, the inbox item and its NOTIFY) commits with
// the run state or not at all. The effect's idempotency key is
// run:node:arrival, unique per workspace in `messages`: a batch replayed
// after a crash finds the message instead of making a second one, and the
// email worker hands the same key to Resend.

type Tx = Prisma.TransactionClient;

export interface JourneySendInput {
  workspaceId: string;
  profileId: string;
  journey: { id: string; name: string };
  runId: string;
  effect: SendEffect;
  /** The trigger event's properties: `event` in the templates. */
  eventProperties: Record<string, unknown> | undefined;
  now: Date;
}

export type JourneySendResult =
  | { ok: true; messageId: string; status: MessageStatus; created: boolean; error: string | null }
  | { ok: false; error: string };

export async function sendFromJourney(tx: Tx, input: JourneySendInput): Promise<JourneySendResult> {
  const { effect } = input;
  const content: MessageContent =
    effect.channel === "email"
      ? { channel: "email", email: effect.content }
      : { channel: "in_app", inApp: effect.content };
  try {
    const result = await enqueueMessage(tx, {
      workspaceId: input.workspaceId,
      profileId: input.profileId,
      content,
      idempotencyKey: effect.idempotencyKey,
      source: "journey",
      journey: input.journey,
      runId: input.runId,
      nodeId: effect.nodeId,
      eventProperties: input.eventProperties,
      // Message.createdAt is the engine's clock: the frequency budget reads it.
      now: input.now,
    });
    return { ok: true, ...result };
  } catch (error) {
    // Content the channel refuses (a Liquid error at render time, a profile
    // gone) is this send's failure, recorded in the trace; the run goes on.
    // Anything else may have aborted the transaction, so the batch must fail.
    if (error instanceof ApiError) return { ok: false, error: error.message };
    throw error;
  }
}
