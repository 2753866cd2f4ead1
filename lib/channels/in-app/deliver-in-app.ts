import "server-only";
import type { RawDb } from "@/lib/db/sql";
import { INBOX_CHANNEL } from "@/lib/inbox/inbox-signal";
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
 * caller's transaction, in one statement. Idempotent on messageId: an item
 * already delivered is left alone (its first delivery notified already). Each
 * new item's NOTIFY rides the same statement, so open streams (on any web
 * instance) hear of it exactly when the transaction commits and it becomes
 * visible. Runs on a Prisma transaction or on lib/db/sql.ts's.
 */
export async function deliverInAppItems(
  db: RawDb,
  inputs: readonly DeliverInAppInput[],
): Promise<DeliveredItem[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map((input, n) => {
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
      data,
      expiresAt: parseExpiry(rendered.expiresAt)?.toISOString() ?? null,
      n,
    };
  });
  // Rows are inserted in input order, so seqs (and the NOTIFYs) follow it.
  const created = await db.$queryRaw<DeliveredItem[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r("workspaceId" text, "profileId" uuid, "messageId" text, kind "InAppKind", title text,
             body text, "imageUrl" text, "ctaLabel" text, "ctaUrl" text, selector text,
             "pathPattern" text, data jsonb, "expiresAt" timestamp(3), n int)
    ), inserted AS (
      INSERT INTO inbox_items (id, "workspaceId", "profileId", "messageId", kind, title, body,
        "imageUrl", "ctaLabel", "ctaUrl", selector, "pathPattern", data, "expiresAt", "createdAt")
      SELECT gen_random_uuid()::text, "workspaceId", "profileId", "messageId", kind, title, body,
        "imageUrl", "ctaLabel", "ctaUrl", selector, "pathPattern", data, "expiresAt",
        timezone('UTC', now())::timestamp(3)
      FROM input ORDER BY n
      ON CONFLICT ("messageId") DO NOTHING
      RETURNING id, "workspaceId", "profileId"::text AS "profileId", "messageId", seq
    ), notified AS (
      SELECT pg_notify(${INBOX_CHANNEL}, concat_ws(':', "workspaceId", "profileId", seq))
      FROM (SELECT * FROM inserted ORDER BY seq) i
    )
    SELECT i.*, (SELECT count(*) FROM notified)::int AS notified FROM inserted i ORDER BY seq`;
  return created.map(({ id, workspaceId, profileId, messageId, seq }) => ({
    id,
    workspaceId,
    profileId,
    messageId,
    seq: BigInt(seq),
  }));
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
  db: RawDb,
  input: DeliverInAppInput,
): Promise<{ inboxItemId: string; seq: bigint }> {
  const { workspaceId, profileId, messageId } = input;
  const [created] = await deliverInAppItems(db, [input]);
  if (created) return { inboxItemId: created.id, seq: created.seq };
  const [existing] = await db.$queryRaw<{ id: string; seq: bigint }[]>`
    SELECT id, seq FROM inbox_items
    WHERE "messageId" = ${messageId} AND "workspaceId" = ${workspaceId} AND "profileId" = ${profileId}::uuid`;
  if (!existing) throw new Error(`Message ${messageId} is already in another inbox.`);
  return { inboxItemId: existing.id, seq: BigInt(existing.seq) };
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
