import "server-only";
import { notFound } from "@/lib/api/errors";
import type { MessageStatus, Prisma } from "@/lib/generated/prisma/client";
import { buildTemplateScope } from "@/lib/templates/template-scope";
import { notifyWorkers } from "@/lib/worker/run-worker";
import { assertContentValid } from "./check-content";
import { decideEmail, OUTBOX_NOTE } from "./email/email-policy";
import { EMAIL_DELIVERY_TASK } from "./email/email-task";
import { resolveResendApiKey } from "./email/resend-client";
import { isSuppressed } from "./email/suppression";
import { deliverInApp } from "./in-app/deliver-in-app";
import { findMessageByKey, insertMessage, newMessageId } from "./insert-message";
import type { MessageContent } from "./message-content";
import { renderContent } from "./render-content";
import { unsubscribeLinks } from "./unsubscribe-token";

export interface EnqueueMessageInput {
  workspaceId: string;
  profileId: string;
  content: MessageContent;
  /** Stable for the logical send (e.g. run + node); a repeat finds the first message. */
  idempotencyKey: string;
  source: "journey" | "test" | "api";
  journey?: { id: string; name: string };
  runId?: string;
  nodeId?: string;
  templateId?: string;
  /** The triggering event's properties, `event` in templates. */
  eventProperties?: Record<string, unknown>;
  /** The engine's clock: Message.createdAt, in-app sentAt and expiry. Defaults to now. */
  now?: Date;
}

export interface EnqueueMessageResult {
  messageId: string;
  /** False when a message with this idempotency key already existed (nothing new happened). */
  created: boolean;
  status: MessageStatus;
  /** Why it was skipped or failed, when it was. */
  error: string | null;
}

/**
 * Creates one message for one profile inside the caller's transaction, so
 * the journey engine commits run state and message together:
 *
 * - an existing message with the same idempotency key is returned untouched;
 * - templates with Liquid errors are refused (ApiError validation_failed,
 *   issues with line and column) and nothing is stored;
 * - the content is rendered for the profile and stored in Message.rendered;
 * - email: "queued" for the delivery worker (woken at commit), "outbox" when
 *   no Resend key is configured, or "skipped" with the reason (no address,
 *   suppressed, unsubscribed from marketing);
 * - in-app: delivered to the inbox at once, "sent".
 */
export async function enqueueMessage(
  tx: Prisma.TransactionClient,
  input: EnqueueMessageInput,
): Promise<EnqueueMessageResult> {
  const { workspaceId, profileId, content } = input;
  const existing = await findMessageByKey(tx, workspaceId, input.idempotencyKey);
  if (existing) return existing;
  assertContentValid(content);

  const profile = await tx.profile.findFirst({
    where: { id: profileId, workspaceId },
    select: { id: true, userId: true, email: true, traits: true, unsubscribedAt: true },
  });
  if (!profile) throw notFound("Profile");
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { name: true, resendApiKey: true },
  });

  const id = newMessageId();
  const now = input.now ?? new Date();
  const links =
    content.channel === "email" ? await unsubscribeLinks({ workspaceId, profileId }) : null;
  const scope = buildTemplateScope({
    profile,
    eventProperties: input.eventProperties,
    journey: input.journey ?? null,
    message: { id, channel: content.channel },
    unsubscribeUrl: links?.pageUrl,
  });
  const rendered = await renderContent(content, scope, {
    now,
    workspaceName: workspace.name,
    unsubscribe: links,
  });
  const base = {
    id,
    workspaceId,
    profileId,
    channel: content.channel,
    idempotencyKey: input.idempotencyKey,
    source: input.source,
    journeyId: input.journey?.id ?? null,
    runId: input.runId ?? null,
    nodeId: input.nodeId ?? null,
    templateId: input.templateId ?? null,
    rendered,
    createdAt: input.now,
  };

  if (rendered.channel === "in_app") {
    const stored = await insertMessage(
      tx,
      { ...base, status: "sent", transactional: false, subject: rendered.inApp.title, sentAt: now },
      { type: "sent" },
    );
    if (stored.created) {
      await deliverInApp(tx, { workspaceId, profileId, messageId: id, rendered: rendered.inApp });
    }
    return stored;
  }

  const transactional = content.channel === "email" && content.email.transactional;
  const decision = decideEmail({
    toAddress: profile.email,
    suppressed: profile.email ? await isSuppressed(tx, workspaceId, profile.email) : false,
    unsubscribed: profile.unsubscribedAt !== null,
    transactional,
    hasApiKey: resolveResendApiKey(workspace) !== null,
  });
  const reason = decision.status === "skipped" ? decision.reason : null;
  const stored = await insertMessage(
    tx,
    {
      ...base,
      status: decision.status,
      transactional,
      toAddress: profile.email,
      subject: rendered.email.subject,
      error: reason,
    },
    {
      type: decision.status,
      data: reason ? { reason } : decision.status === "outbox" ? { note: OUTBOX_NOTE } : undefined,
    },
  );
  if (stored.created && stored.status === "queued") await notifyWorkers(tx, EMAIL_DELIVERY_TASK);
  return stored;
}
