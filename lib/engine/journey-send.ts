import type { RawDb } from "@/lib/db/sql";
import "server-only";
import { enqueueMessages } from "@/lib/channels/enqueue-messages";
import type { MessageContent } from "@/lib/channels/message-content";
import type { MessageStatus } from "@/lib/generated/prisma/client";
import type { SendEffect } from "@/lib/journey-core/run-state";

// A send effect → the channel interface, inside the engine's transaction, so
// the message (and for in-app, the inbox item and its NOTIFY) commits with
// the run state or not at all. The effect's idempotency key is
// run:node:arrival, unique per workspace in `messages`: a batch replayed
// after a crash finds the message instead of making a second one, and the
// email worker hands the same key to Resend.

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

/**
 * Every send of a batch in one call to the channel. Content the channel
 * refuses (a Liquid error at render time, a profile gone) is that send's
 * failure, recorded in the trace; the run goes on. Anything else may have
 * aborted the transaction, so it fails the batch.
 */
export async function sendFromJourneys(
  tx: RawDb,
  inputs: readonly JourneySendInput[],
): Promise<JourneySendResult[]> {
  const outcomes = await enqueueMessages(
    tx,
    inputs.map((input) => {
      const { effect } = input;
      const content: MessageContent =
        effect.channel === "email"
          ? { channel: "email", email: effect.content }
          : { channel: "in_app", inApp: effect.content };
      return {
        workspaceId: input.workspaceId,
        profileId: input.profileId,
        content,
        idempotencyKey: effect.idempotencyKey,
        source: "journey" as const,
        journey: input.journey,
        runId: input.runId,
        nodeId: effect.nodeId,
        eventProperties: input.eventProperties,
        // Message.createdAt is the engine's clock: the frequency budget reads it.
        now: input.now,
      };
    }),
  );
  return outcomes.map((outcome) =>
    outcome.ok ? { ok: true, ...outcome.result } : { ok: false, error: outcome.error.message },
  );
}
