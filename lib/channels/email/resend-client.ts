import { createHash } from "node:crypto";
import { Resend } from "resend";

// Facts about how Cue talks to Resend, in one place. The SDK reads
// RESEND_BASE_URL itself (tests point it at test/fakes/fake-resend.ts).

/** Used when the workspace sets no sender: Resend's shared test domain. */
export const DEFAULT_EMAIL_FROM = "Cue <onboarding@resend.dev>";

export interface EmailSettings {
  emailFrom: string | null;
  emailReplyTo: string | null;
  resendApiKey: string | null;
}

/** The workspace's key, else RESEND_API_KEY; null means "Outbox only". */
export function resolveResendApiKey(workspace: Pick<EmailSettings, "resendApiKey">): string | null {
  return workspace.resendApiKey?.trim() || process.env.RESEND_API_KEY?.trim() || null;
}

export function senderFor(workspace: EmailSettings): { from: string; replyTo?: string } {
  const from = workspace.emailFrom?.trim() || process.env.EMAIL_FROM?.trim() || DEFAULT_EMAIL_FROM;
  const replyTo = workspace.emailReplyTo?.trim();
  return replyTo ? { from, replyTo } : { from };
}

export function createResendClient(apiKey: string): Resend {
  return new Resend(apiKey);
}

/**
 * The Idempotency-Key sent with a message: stable for the message (so every
 * retry, from any worker, carries the same one) and unique across
 * workspaces. Resend allows 256 characters.
 */
export function providerIdempotencyKey(
  workspaceId: string,
  idempotencyKey: string,
  /** Bumped by a confirmed re-drive after the key expired (0: the original key). */
  generation = 0,
): string {
  const suffix = generation > 0 ? `#${generation}` : "";
  const key = `${workspaceId}/${idempotencyKey}${suffix}`;
  if (key.length <= 256) return key;
  // Only reachable with very long caller keys; hashing keeps it stable.
  return `${workspaceId}/sha256:${createHash("sha256").update(idempotencyKey).digest("hex")}${suffix}`;
}

/**
 * The Idempotency-Key of a batch (form-email-batches.ts): one per batch,
 * the same on every attempt. A workspace id never holds ":", so it can never
 * equal a single message's key (`workspace/…`).
 */
export function batchIdempotencyKey(workspaceId: string, batchKey: string): string {
  return `${workspaceId}:batch:${batchKey}`;
}
