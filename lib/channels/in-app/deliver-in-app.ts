import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyInbox } from "@/lib/inbox/inbox-signal";
import type { RenderedInApp } from "./rendered-in-app";
import { safeInAppUrl, sanitizeInAppHtml } from "./sanitize-in-app-html";

export interface DeliverInAppInput {
  workspaceId: string;
  profileId: string;
  /** The Message row this item delivers; one message is at most one inbox item. */
  messageId: string;
  rendered: RenderedInApp;
}

/** What InboxItem.data holds (the columns hold everything else). */
export interface InboxItemData {
  bodyHtml: string;
  journeyId?: string;
}

/**
 * Puts a rendered in-app message into the profile's inbox, inside the
 * caller's transaction. Idempotent on messageId: a retried send returns the
 * item stored the first time. The NOTIFY rides the same transaction, so open
 * streams (on any web instance) hear of the item exactly when it is visible.
 */
export async function deliverInApp(
  tx: Prisma.TransactionClient,
  input: DeliverInAppInput,
): Promise<{ inboxItemId: string; seq: bigint }> {
  const { workspaceId, profileId, messageId, rendered } = input;
  // The journey id rides along so "Message Read"-style events can name it
  // without a join on every state change.
  const message = await tx.message.findFirst({
    where: { id: messageId, workspaceId },
    select: { journeyId: true },
  });
  const data: InboxItemData = { bodyHtml: sanitizeInAppHtml(rendered.bodyHtml) };
  if (message?.journeyId) data.journeyId = message.journeyId;
  const tooltip = rendered.kind === "tooltip";

  const [created] = await tx.inboxItem.createManyAndReturn({
    data: {
      workspaceId,
      profileId,
      messageId,
      kind: rendered.kind,
      title: rendered.title,
      body: rendered.body,
      imageUrl: safeInAppUrl(rendered.imageUrl),
      // A button needs both halves; a dropped URL drops its label.
      ...ctaOf(rendered),
      selector: tooltip ? (rendered.selector ?? null) : null,
      pathPattern: tooltip ? (rendered.pathPattern ?? null) : null,
      data: { ...data },
      expiresAt: parseExpiry(rendered.expiresAt),
    },
    skipDuplicates: true,
    select: { id: true, seq: true },
  });
  if (created) {
    await notifyInbox(tx, { workspaceId, profileId, seq: created.seq });
    return { inboxItemId: created.id, seq: created.seq };
  }

  // Already delivered (a retry): the first delivery notified already.
  const existing = await tx.inboxItem.findFirst({
    where: { messageId, workspaceId, profileId },
    select: { id: true, seq: true },
  });
  if (!existing) {
    throw new Error(`Message ${messageId} is already in another inbox.`);
  }
  return { inboxItemId: existing.id, seq: existing.seq };
}

function ctaOf(rendered: RenderedInApp): { ctaLabel: string | null; ctaUrl: string | null } {
  const ctaUrl = safeInAppUrl(rendered.ctaUrl);
  const ctaLabel = rendered.ctaLabel?.trim() || null;
  return ctaUrl && ctaLabel ? { ctaLabel, ctaUrl } : { ctaLabel: null, ctaUrl: null };
}

function parseExpiry(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`Invalid in-app expiresAt: ${value}`);
  return date;
}
