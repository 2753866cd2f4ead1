import "server-only";
import { Resend } from "resend";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { type RawDb, sqlTransaction } from "@/lib/db/sql";
import type { MessageStatus, Prisma } from "@/lib/generated/prisma/client";
import { MESSAGE_TAG } from "./deliver-due-emails";
import { suppressAddress } from "./suppression";
import { STATUS_RANK, webhookEffect } from "./webhook-events";

// POST /api/webhooks/resend. Resend signs with Svix: the signature covers
// `${svix-id}.${svix-timestamp}.${body}`, and verification rejects
// timestamps more than 5 minutes away, so an old capture replayed later is a
// 401. A replay within the window carries an svix-id we already stored in
// webhook_receipts (in the same transaction as its effect): acknowledged,
// nothing changes.

export type WebhookResult =
  | { outcome: "processed"; messageId: string; status: MessageStatus; event: string }
  | { outcome: "duplicate" }
  | { outcome: "ignored"; reason: string };

const eventSchema = z.looseObject({
  type: z.string(),
  created_at: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

// verify() needs an instance; it never uses the key.
let verifier: Resend | null = null;

export function webhookSecret(): string | null {
  return process.env.RESEND_WEBHOOK_SECRET?.trim() || null;
}

/** Checks the Svix signature and timestamp; throws 401 otherwise. */
export function verifyResendWebhook(payload: string, headers: Headers, secret: string): unknown {
  const id = headers.get("svix-id");
  const timestamp = headers.get("svix-timestamp");
  const signature = headers.get("svix-signature");
  if (!id || !timestamp || !signature) {
    throw new ApiError("unauthorized", "Missing svix-id, svix-timestamp or svix-signature header.");
  }
  verifier ??= new Resend("re_webhook_verification_only");
  try {
    return verifier.webhooks.verify({
      payload,
      headers: { id, timestamp, signature },
      webhookSecret: secret,
    });
  } catch {
    throw new ApiError("unauthorized", "Invalid or expired webhook signature.");
  }
}

export async function handleResendWebhook(input: {
  payload: string;
  headers: Headers;
  /** Defaults to RESEND_WEBHOOK_SECRET. */
  secret?: string;
}): Promise<WebhookResult> {
  const secret = input.secret ?? webhookSecret();
  if (!secret) {
    throw new ApiError(
      "unavailable",
      "Resend webhooks are not configured: set RESEND_WEBHOOK_SECRET.",
    );
  }
  const verified = verifyResendWebhook(input.payload, input.headers, secret);
  const svixId = input.headers.get("svix-id") as string;
  const parsed = eventSchema.safeParse(verified);

  return sqlTransaction(async (tx) => {
    const receipt = await tx.$executeRaw`
      INSERT INTO webhook_receipts (id, "receivedAt")
      VALUES (${`resend:${svixId}`}, ${new Date()}::timestamp(3))
      ON CONFLICT DO NOTHING`;
    if (receipt === 0) return { outcome: "duplicate" } as const;
    if (!parsed.success) return { outcome: "ignored", reason: "Not a Resend event." } as const;
    return applyResendEvent(tx, parsed.data);
  });
}

/**
 * What a verified Resend event does to its message, inside the caller's
 * transaction: the status moves forward, the timeline gets the event at its
 * `created_at`, and hard bounces and complaints suppress the address. The
 * demo seed plays its simulated provider's events through it too.
 */
export async function applyResendEvent(
  tx: RawDb,
  event: z.infer<typeof eventSchema>,
): Promise<WebhookResult> {
  const effect = webhookEffect(event);
  if (effect.kind === "ignore") return { outcome: "ignored", reason: effect.reason } as const;

  const data = event.data ?? {};
  const message = await findMessage(tx, data);
  if (!message) return { outcome: "ignored", reason: "No message matches this email." } as const;

  const at = parseDate(event.created_at) ?? new Date();
  let status = message.status;
  if (effect.rank > STATUS_RANK[message.status]) {
    status = effect.status;
    await tx.$executeRaw`
        UPDATE messages SET status = ${status}::"MessageStatus",
          error = COALESCE(${effect.error || null}::text, error), "updatedAt" = ${new Date()}::timestamp(3)
        WHERE id = ${message.id}`;
  }
  // After the status change: the outbound webhook this event queues (a
  // database trigger) reports the message as it now is.
  await tx.$executeRaw`
      INSERT INTO message_events ("messageId", type, at, data)
      VALUES (${message.id}, ${effect.eventType}, ${at}::timestamp(3),
        ${JSON.stringify(eventData(event.type, data))}::jsonb)`;
  const address = message.toAddress ?? firstRecipient(data);
  if (effect.suppress && address) {
    await suppressAddress(tx, {
      workspaceId: message.workspaceId,
      email: address,
      reason: effect.suppress,
    });
  }
  return {
    outcome: "processed",
    messageId: message.id,
    status,
    event: effect.eventType,
  } as const;
}

interface LockedMessage {
  id: string;
  workspaceId: string;
  status: MessageStatus;
  toAddress: string | null;
}

/**
 * Our tag names the message even if the webhook beats the worker's own
 * record of the send; Resend's email id is the fallback. The row is locked
 * so concurrent events for one message apply in turn.
 */
async function findMessage(
  tx: RawDb,
  data: Record<string, unknown>,
): Promise<LockedMessage | null> {
  const emailId = typeof data.email_id === "string" ? data.email_id : null;
  const tagged = tagValue(data.tags, MESSAGE_TAG);
  if (tagged) {
    const rows = await tx.$queryRaw<LockedMessage[]>`
      SELECT id, "workspaceId", status, "toAddress" FROM messages
      WHERE id = ${tagged} AND channel = 'email'
        AND (${emailId}::text IS NULL OR "providerId" IS NULL OR "providerId" = ${emailId}::text)
      FOR UPDATE`;
    if (rows[0]) {
      if (emailId) {
        await tx.$executeRaw`
          UPDATE messages SET "providerId" = ${emailId}, "updatedAt" = ${new Date()}::timestamp(3)
          WHERE id = ${rows[0].id} AND "providerId" IS NULL`;
      }
      return rows[0];
    }
  }
  if (!emailId) return null;
  const rows = await tx.$queryRaw<LockedMessage[]>`
    SELECT id, "workspaceId", status, "toAddress" FROM messages
    WHERE "providerId" = ${emailId} AND channel = 'email'
    ORDER BY "createdAt" LIMIT 1 FOR UPDATE`;
  return rows[0] ?? null;
}

/** Resend sends tags as { name: value }; older payloads as [{ name, value }]. */
function tagValue(tags: unknown, name: string): string | null {
  if (Array.isArray(tags)) {
    const tag = tags.find(
      (t) => t && typeof t === "object" && (t as { name?: unknown }).name === name,
    );
    const value = (tag as { value?: unknown } | undefined)?.value;
    return typeof value === "string" ? value : null;
  }
  if (tags && typeof tags === "object") {
    const value = (tags as Record<string, unknown>)[name];
    return typeof value === "string" ? value : null;
  }
  return null;
}

function firstRecipient(data: Record<string, unknown>): string | null {
  const to = Array.isArray(data.to) ? data.to[0] : data.to;
  return typeof to === "string" ? to : null;
}

function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** What the timeline keeps: the facts a reader needs, not the whole payload. */
function eventData(type: string, data: Record<string, unknown>): Prisma.InputJsonObject {
  const keep: Record<string, unknown> = { resendType: type };
  for (const key of ["email_id", "bounce", "click", "failed", "suppressed"]) {
    if (data[key] !== undefined) keep[key] = data[key];
  }
  return JSON.parse(JSON.stringify(keep)) as Prisma.InputJsonObject;
}
