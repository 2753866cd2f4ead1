import type { InboxItem } from "@/lib/generated/prisma/client";

// The public shape of an inbox item, in the list, the action answers and the
// stream alike. snake_case, as every field of the inbox API.
export interface InboxItemJson {
  id: string;
  seq: number;
  kind: InboxItem["kind"];
  title: string;
  body: string;
  /** Sanitized at delivery (a Markdown subset); safe to insert as HTML. */
  body_html: string;
  image_url: string | null;
  cta_label: string | null;
  cta_url: string | null;
  selector: string | null;
  path_pattern: string | null;
  message_id: string | null;
  journey_id: string | null;
  created_at: string;
  expires_at: string | null;
  seen_at: string | null;
  read_at: string | null;
  clicked_at: string | null;
  archived_at: string | null;
}

/** A row as Prisma reads it, or as lib/db/sql.ts does (int8 as bigint), or a string. */
export type InboxItemRow = Omit<InboxItem, "seq"> & { seq: bigint | string };

export function toInboxItemJson(item: InboxItemRow): InboxItemJson {
  const data = (item.data ?? {}) as { bodyHtml?: unknown; journeyId?: unknown };
  const iso = (date: Date | null) => (date ? date.toISOString() : null);
  return {
    id: item.id,
    // A bigserial stays far below 2^53 in practice; numbers sort in the client.
    seq: Number(item.seq),
    kind: item.kind,
    title: item.title,
    body: item.body,
    body_html: typeof data.bodyHtml === "string" ? data.bodyHtml : "",
    image_url: item.imageUrl,
    cta_label: item.ctaLabel,
    cta_url: item.ctaUrl,
    selector: item.selector,
    path_pattern: item.pathPattern,
    message_id: item.messageId,
    journey_id: typeof data.journeyId === "string" ? data.journeyId : null,
    created_at: item.createdAt.toISOString(),
    expires_at: iso(item.expiresAt),
    seen_at: iso(item.seenAt),
    read_at: iso(item.readAt),
    clicked_at: iso(item.clickedAt),
    archived_at: iso(item.archivedAt),
  };
}
