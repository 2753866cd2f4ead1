// The inbox as data: the cards held, where the next page starts, the badge
// counts, and the pure steps that change them. Items are replaced, never
// edited in place, so a renderer can tell what changed by identity.

import type { Counts, InboxItem } from "../types";

export interface FeedState {
  /** Cards, newest first. */
  cards: readonly InboxItem[];
  /** next_cursor of the last page, null when it was the last. */
  cursor: string | null;
  loading: boolean;
  counts: Counts | null;
}

export const EMPTY_FEED: FeedState = { cards: [], cursor: null, loading: false, counts: null };

/** Whether an item is still to be shown: not archived, not expired. */
export function isLive(item: InboxItem, now: number): boolean {
  return !item.archived_at && !(item.expires_at && Date.parse(item.expires_at) <= now);
}

/** Cards not yet held, after (or, for ones that stream in, before) those that are; `cards` itself when none is new. */
export function addCards(
  cards: readonly InboxItem[],
  incoming: readonly InboxItem[],
  first?: boolean,
): readonly InboxItem[] {
  const fresh = incoming.filter((card) => !findCard(cards, card.id));
  if (!fresh.length) return cards;
  return first ? fresh.concat(cards) : cards.concat(fresh);
}

/** `cards` with `patch` applied to those in `ids`; `cards` itself when none is held. */
export function patchCards(
  cards: readonly InboxItem[],
  ids: readonly string[],
  patch: (card: InboxItem) => Partial<InboxItem>,
): readonly InboxItem[] {
  if (!ids.some((id) => findCard(cards, id))) return cards;
  return cards.map((card) =>
    ids.indexOf(card.id) === -1 ? card : Object.assign({}, card, patch(card)),
  );
}

export function findCard(cards: readonly InboxItem[], id: string): InboxItem | undefined {
  for (const card of cards) if (card.id === id) return card;
  return undefined;
}

/** The ids of held cards that have not been seen and are not archived. */
export function unseenIds(cards: readonly InboxItem[]): string[] {
  return cards.filter((card) => !card.seen_at && !card.archived_at).map((card) => card.id);
}

/** The bell counts cards only (older servers sent totals alone). */
export function unreadCards(counts: Counts | null): number {
  if (!counts) return 0;
  return ((counts.by_kind || {}).card || counts).unread;
}
