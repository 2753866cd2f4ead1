import type { CreateEmailOptions, CreateEmailRequestOptions } from "resend";
import type { RenderedMessage } from "../render-content";
import type { ClaimedEmail } from "./claim-due-emails";
import { type EmailSettings, providerIdempotencyKey, senderFor } from "./resend-client";

// What Cue asks Resend to send for one message. Built afresh on every
// attempt from the stored rendering and the workspace's sender, so every
// attempt of a single send, and every attempt of a batch (each email in the
// batch is this payload), is the same request.

/** The Resend tag that lets a webhook find its message even before we recorded the send. */
export const MESSAGE_TAG = "cue_message_id";

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
