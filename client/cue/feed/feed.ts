// The feed: cards loaded page by page and as they stream in, the badge
// counts, and what the user does to items. It talks to the API through an
// InboxClient and publishes its state through a store; banners, modals and
// tooltips it hands to `present`. It never touches the page.

import type { InboxClient } from "../transport/inbox-client";
import type { Counts, InboxItem, ItemAction } from "../types";
import { addCards, EMPTY_FEED, type FeedState, patchCards, unseenIds } from "./feed-state";
import { createStore, type ReadableStore } from "./store";

const PAGE_SIZE = 20;

export interface FeedOptions {
  /** A banner, modal or tooltip arrived (each time it does; the renderer de-duplicates). */
  present(item: InboxItem): void;
  report(error: unknown): void;
}

export interface Feed {
  readonly state: ReadableStore<FeedState>;
  /** The first page of cards, or (more) the next one. */
  load(more: boolean): Promise<void>;
  loadPresentations(): Promise<void>;
  /** An item from the stream. */
  receive(item: InboxItem): void;
  setCounts(counts: Counts | undefined): void;
  act(item: InboxItem, action: ItemAction): Promise<void>;
  archive(card: InboxItem): void;
  markAllRead(): void;
  /** While the cards are on screen, every card held is marked seen. */
  setVisible(visible: boolean): void;
  /** The newest seq received, where the stream resumes. */
  lastSeq(): number;
  /** The user's topic preferences; with a change, saves it first. */
  prefs: InboxClient["prefs"];
  close(): void;
}

export function createFeed(client: InboxClient, options: FeedOptions): Feed {
  const store = createStore<FeedState>(EMPTY_FEED);
  let maxSeq = 0;
  let visible = false;
  let closed = false;
  const report = (error: unknown) => {
    // A widget that was destroyed says nothing more.
    if (!closed) options.report(error);
  };
  const now = () => new Date().toISOString();

  function noteSeq(item: InboxItem) {
    if (item.seq > maxSeq) maxSeq = item.seq;
  }

  function setCounts(counts: Counts | undefined) {
    if (counts && !closed) store.update({ counts });
  }

  function patch(ids: string[], change: (card: InboxItem) => Partial<InboxItem>) {
    const cards = store.get().cards;
    const next = patchCards(cards, ids, change);
    if (next !== cards) store.update({ cards: next });
  }

  function markSeen() {
    if (!visible || closed) return;
    const ids = unseenIds(store.get().cards);
    if (!ids.length) return;
    const at = now();
    patch(ids, () => ({ seen_at: at }));
    client
      .bulk(ids, "seen")
      .then((res) => setCounts(res.counts))
      .catch(report);
  }

  function act(item: InboxItem, action: ItemAction): Promise<void> {
    return client
      .act(item.id, action)
      .then((res) => {
        if (closed) return;
        const fresh = res.item;
        if (fresh) patch([item.id], () => fresh);
        setCounts(res.counts);
      })
      .catch(report);
  }

  return {
    state: store,
    prefs: client.prefs,
    load(more) {
      const cursor = store.get().cursor;
      const query = `kind=card&page_size=${PAGE_SIZE}${more && cursor ? `&cursor=${cursor}` : ""}`;
      store.update({ loading: true });
      return client
        .list(query)
        .then((page): Partial<FeedState> => {
          page.items.forEach(noteSeq);
          const change: Partial<FeedState> = {
            cards: addCards(more ? store.get().cards : [], page.items),
            cursor: page.next_cursor,
          };
          if (page.counts) change.counts = page.counts;
          return change;
        })
        .catch((error): Partial<FeedState> => {
          report(error);
          return {};
        })
        .then((change) => {
          if (closed) return;
          store.update(Object.assign({ loading: false }, change));
          markSeen();
        });
    },
    loadPresentations() {
      return client
        .list("kind=banner,modal,tooltip&page_size=50")
        .then((page) => {
          // Oldest first, as they would have streamed in.
          page.items.reverse().forEach((item) => {
            noteSeq(item);
            options.present(item);
          });
        })
        .catch(report);
    },
    receive(item) {
      if (closed) return;
      noteSeq(item);
      if (item.kind !== "card") options.present(item);
      else {
        const cards = store.get().cards;
        const next = addCards(cards, [item], true);
        if (next === cards) return;
        store.update({ cards: next });
        markSeen();
      }
    },
    setCounts,
    act,
    archive(card) {
      const at = now();
      patch([card.id], () => ({ archived_at: at }));
      act(card, "archived");
    },
    markAllRead() {
      client
        .markAll("read", ["card"])
        .then((res) => {
          if (closed) return;
          const at = now();
          const cards = store.get().cards;
          patch(
            cards.map((card) => card.id),
            (card) => ({ read_at: card.read_at || at, seen_at: card.seen_at || at }),
          );
          setCounts(res.counts);
        })
        .catch(report);
    },
    setVisible(next) {
      visible = next;
      markSeen();
    },
    lastSeq: () => maxSeq,
    close() {
      closed = true;
      client.close();
    },
  };
}
