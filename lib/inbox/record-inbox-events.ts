import "server-only";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import type { InboxAction } from "./inbox-schemas";

// Inbox interactions become ordinary track events of the user, so journeys
// can wait for them as goals ("until Message Clicked"). They go through
// ingestion like any other call, with ids derived from the item: an
// interaction is recorded once, however often the client repeats it.

export interface InboxStateRow {
  id: string;
  kind: "card" | "banner" | "modal" | "tooltip";
  messageId: string | null;
  journeyId: string | null;
  seenAt: Date | null;
  readAt: Date | null;
  clickedAt: Date | null;
  archivedAt: Date | null;
}

type Stamp = "seenAt" | "readAt" | "clickedAt" | "archivedAt";

const EVENT_OF: Record<Stamp, { name: string; suffix: string }> = {
  seenAt: { name: "Message Seen", suffix: "seen" },
  readAt: { name: "Message Read", suffix: "read" },
  clickedAt: { name: "Message Clicked", suffix: "clicked" },
  archivedAt: { name: "Message Archived", suffix: "archived" },
};

/** The states an action is answerable for (read implies seen, clicked implies both). */
const STAMPS_OF: Record<InboxAction, Stamp[]> = {
  seen: ["seenAt"],
  read: ["seenAt", "readAt"],
  clicked: ["seenAt", "readAt", "clickedAt"],
  archived: ["archivedAt"],
  unread: [],
  unarchived: [],
};

export function inboxEventsFor(input: {
  userId: string;
  action: InboxAction;
  rows: InboxStateRow[];
}): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (const row of input.rows) {
    for (const stamp of STAMPS_OF[input.action]) {
      const at = row[stamp];
      if (!at) continue;
      const { name, suffix } = EVENT_OF[stamp];
      items.push({
        type: "track",
        event: name,
        userId: input.userId,
        messageId: `cue-inbox-${row.id}-${suffix}`,
        timestamp: at.toISOString(),
        properties: {
          inbox_item_id: row.id,
          kind: row.kind,
          ...(row.messageId ? { message_id: row.messageId } : {}),
          ...(row.journeyId ? { journey_id: row.journeyId } : {}),
        },
      });
    }
  }
  return items;
}

export async function recordInboxEvents(input: {
  workspaceId: string;
  userId: string;
  action: InboxAction;
  rows: InboxStateRow[];
}): Promise<void> {
  const items = inboxEventsFor(input);
  if (items.length === 0) return;
  const result = await ingestBatch({ workspaceId: input.workspaceId, items });
  const [rejected] = result.rejected;
  // Our own calls are well-formed; a rejection is a bug worth a loud log.
  if (rejected) console.error("[cue] inbox event rejected", { rejected });
}
