import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyInboxes } from "@/lib/inbox/inbox-signal";
import type { RenderedInApp } from "./rendered-in-app";
import { safeInAppUrl, sanitizeInAppHtml } from "./sanitize-in-app-html";

export interface DeliverInAppInput {
  workspaceId: string;
  profileId: string;
  /** The Message row this item delivers; one message is at most one inbox item. */
  messageId: string;
  /** Rides along so "Message Read"-style events can name it without a join. */
  journeyId?: string | null;
  rendered: RenderedInApp;
}

/** What InboxItem.data holds (the columns hold everything else). */
export interface InboxItemData {
  bodyHtml: string;
  journeyId?: string;
}

/**
 * Puts rendered in-app messages into their profiles' inboxes, inside the
 * caller's transaction, in one INSERT. Idempotent on messageId: an item
 * already delivered is left alone (its first delivery notified already). Each
 * new item's NOTIFY rides the same transaction, so open streams (on any web
 * instance) hear of it exactly when it becomes visible.
 */
export async function deliverInAppItems(
  tx: Prisma.TransactionClient,
  inputs: readonly DeliverInAppInput[],
): Promise<DeliveredItem[]> {
  if (inputs.length === 0) return [];
  const created = await tx.inboxItem.createManyAndReturn({
    data: inputs.map((input) => {
      const { rendered } = input;
      const data: InboxItemData = { bodyHtml: sanitizeInAppHtml(rendered.bodyHtml) };
      if (input.journeyId) data.journeyId = input.journeyId;
      const tooltip = rendered.kind === "tooltip";
      return {
        workspaceId: input.workspaceId,
        profileId: input.profileId,
        messageId: input.messageId,
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
      };
    }),
    skipDuplicates: true,
    select: { id: true, workspaceId: true, profileId: true, messageId: true, seq: true },
  });
  await notifyInboxes(tx, created);
  return created;
}

interface DeliveredItem {
  id: string;
  workspaceId: string;
  profileId: string;
  messageId: string | null;
  seq: bigint;
}

/** One item; a retried delivery returns the item stored the first time. */
export async function deliverInApp(
  tx: Prisma.TransactionClient,
  input: DeliverInAppInput,
): Promise<{ inboxItemId: string; seq: bigint }> {
  const { workspaceId, profileId, messageId } = input;
  const [created] = await deliverInAppItems(tx, [input]);
  if (created) return { inboxItemId: created.id, seq: created.seq };
  const existing = await tx.inboxItem.findFirst({
    where: { messageId, workspaceId, profileId },
    select: { id: true, seq: true },
  });
  if (!existing) throw new Error(`Message ${messageId} is already in another inbox.`);
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
