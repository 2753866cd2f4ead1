import { IN_APP_KINDS } from "./inbox-schemas";

// The badge counts as values, with no database: the stream's state machine
// compares them, and inbox-counts.ts reads them.

type Kind = (typeof IN_APP_KINDS)[number];

export interface CountPair {
  unread: number;
  unseen: number;
}

/**
 * What a badge shows. Totals cover every kind; by_kind lets a client badge
 * only the feed (cards) while banners and modals come and go. Archived and
 * expired items never count.
 */
export interface InboxCounts extends CountPair {
  by_kind: Record<Kind, CountPair>;
}

export function emptyInboxCounts(): InboxCounts {
  const byKind = Object.fromEntries(IN_APP_KINDS.map((k) => [k, { unread: 0, unseen: 0 }]));
  return { unread: 0, unseen: 0, by_kind: byKind as Record<Kind, CountPair> };
}

/** InboxCounts from countsSql's `by_kind`, with every kind present and the totals. */
export function readCounts(byKind: Partial<Record<Kind, CountPair>> | null): InboxCounts {
  const counts = emptyInboxCounts();
  for (const kind of IN_APP_KINDS) {
    const pair = byKind?.[kind];
    if (!pair) continue;
    counts.by_kind[kind] = { unread: pair.unread, unseen: pair.unseen };
    counts.unread += pair.unread;
    counts.unseen += pair.unseen;
  }
  return counts;
}

export function sameCounts(a: InboxCounts, b: InboxCounts): boolean {
  return (
    a.unread === b.unread &&
    a.unseen === b.unseen &&
    IN_APP_KINDS.every(
      (k) =>
        a.by_kind[k].unread === b.by_kind[k].unread && a.by_kind[k].unseen === b.by_kind[k].unseen,
    )
  );
}
