import { describe, expect, it, vi } from "vitest";
import type { ActionResult, InboxClient } from "../transport/inbox-client";
import type { Counts, InboxItem, InboxPage } from "../types";
import { createFeed } from "./feed";
import { isLive, unreadCards } from "./feed-state";

const T0 = "2026-01-01T00:00:00.000Z";

function item(seq: number, overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    id: `item-${seq}`,
    seq,
    kind: "card",
    title: `Item ${seq}`,
    body: null,
    body_html: null,
    image_url: null,
    cta_label: null,
    cta_url: null,
    selector: null,
    path_pattern: null,
    created_at: T0,
    expires_at: null,
    seen_at: null,
    read_at: null,
    clicked_at: null,
    archived_at: null,
    ...overrides,
  };
}

const counts = (unread: number): Counts => ({
  unread: unread + 10,
  unseen: unread,
  by_kind: { card: { unread, unseen: unread } },
});

const page = (items: InboxItem[], next: string | null = null, c = counts(items.length)) =>
  ({ items, next_cursor: next, counts: c }) satisfies InboxPage;

function fakeClient() {
  return {
    list: vi.fn<InboxClient["list"]>(async () => page([])),
    act: vi.fn<InboxClient["act"]>(async () => ({})),
    bulk: vi.fn<InboxClient["bulk"]>(async () => ({})),
    markAll: vi.fn<InboxClient["markAll"]>(async () => ({})),
    prefs: vi.fn<InboxClient["prefs"]>(async () => ({ topics: [] })),
    close: vi.fn(),
  };
}

function setup() {
  const client = fakeClient();
  const presented: InboxItem[] = [];
  const errors: unknown[] = [];
  const feed = createFeed(client, {
    present: (i) => presented.push(i),
    report: (e) => errors.push(e),
  });
  return { client, feed, presented, errors, state: () => feed.state.get() };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("createFeed", () => {
  it("runs without a page (the unit project has no DOM)", () => {
    expect(typeof document).toBe("undefined");
    expect(() => setup().feed.receive(item(1))).not.toThrow();
  });

  it("loads the first page of cards, then the next one after the cursor", async () => {
    const { client, feed, state } = setup();
    client.list.mockResolvedValueOnce(page([item(9), item(8)], "8", counts(2)));
    const loading = feed.load(false);
    expect(state().loading).toBe(true);
    await loading;
    expect(client.list).toHaveBeenLastCalledWith("kind=card&page_size=20");
    expect(state()).toMatchObject({ loading: false, cursor: "8", counts: counts(2) });

    // A card that streamed in meanwhile is not repeated by the next page.
    client.list.mockResolvedValueOnce(page([item(7), item(6)], null));
    feed.receive(item(7));
    await feed.load(true);
    expect(client.list).toHaveBeenLastCalledWith("kind=card&page_size=20&cursor=8");
    expect(state().cards.map((c) => c.seq)).toEqual([7, 9, 8, 6]);
    expect(state().cursor).toBeNull();
    expect(feed.lastSeq()).toBe(9);
  });

  it("ends loading and reports when a page fails", async () => {
    const { client, feed, state, errors } = setup();
    client.list.mockRejectedValueOnce(new Error("HTTP 500"));
    await feed.load(false);
    expect(state().loading).toBe(false);
    expect(errors).toEqual([new Error("HTTP 500")]);
  });

  it("hands banners, modals and tooltips to present, oldest first, and notes their seq", async () => {
    const { client, feed, presented, state } = setup();
    const modal = item(12, { kind: "modal" });
    const banner = item(11, { kind: "banner" });
    client.list.mockResolvedValueOnce(page([modal, banner]));
    await feed.loadPresentations();
    expect(client.list).toHaveBeenLastCalledWith("kind=banner,modal,tooltip&page_size=50");
    expect(presented).toEqual([banner, modal]);
    expect(state().cards).toEqual([]);
    expect(feed.lastSeq()).toBe(12);
  });

  it("puts streamed cards first, once; other kinds go to present", () => {
    const { feed, presented, state } = setup();
    const listener = vi.fn();
    feed.state.subscribe(listener);
    feed.receive(item(3));
    feed.receive(item(4));
    feed.receive(item(3));
    const tooltip = item(5, { kind: "tooltip" });
    feed.receive(tooltip);
    expect(state().cards.map((c) => c.seq)).toEqual([4, 3]);
    expect(presented).toEqual([tooltip]);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(feed.lastSeq()).toBe(5);
  });

  it("marks the cards seen while they are visible, in one request, and takes its counts", async () => {
    const { client, feed, state } = setup();
    feed.receive(item(1));
    feed.receive(item(2, { seen_at: T0 }));
    feed.receive(item(3, { archived_at: T0 }));
    expect(client.bulk).not.toHaveBeenCalled();

    client.bulk.mockResolvedValueOnce({ counts: counts(0) });
    feed.setVisible(true);
    expect(client.bulk).toHaveBeenCalledWith(["item-1"], "seen");
    expect(state().cards.find((c) => c.seq === 1)?.seen_at).toEqual(expect.any(String));
    await vi.waitFor(() => expect(state().counts).toEqual(counts(0)));

    feed.receive(item(4));
    expect(client.bulk).toHaveBeenLastCalledWith(["item-4"], "seen");
    feed.setVisible(false);
    feed.receive(item(5));
    expect(client.bulk).toHaveBeenCalledTimes(2);
  });

  it("merges an action's answer into the card it holds, without editing the old state", async () => {
    const { client, feed, state } = setup();
    feed.receive(item(1));
    const before = state();
    const answer: ActionResult = { item: { id: "item-1", read_at: T0 }, counts: counts(0) };
    client.act.mockResolvedValueOnce(answer);
    await feed.act(item(1), "read");
    expect(client.act).toHaveBeenCalledWith("item-1", "read");
    expect(state().cards[0]?.read_at).toBe(T0);
    expect(state().counts).toEqual(counts(0));
    expect(before.cards[0]?.read_at).toBeNull();
  });

  it("an action on an item it does not hold (a banner) changes only the counts", async () => {
    const { client, feed, state } = setup();
    feed.receive(item(1));
    const cards = state().cards;
    client.act.mockResolvedValueOnce({ item: { id: "item-9" }, counts: counts(1) });
    await feed.act(item(9, { kind: "banner" }), "archived");
    expect(state().cards).toBe(cards);
    expect(state().counts).toEqual(counts(1));
  });

  it("archives at once, before the server answers", () => {
    const { client, feed, state } = setup();
    feed.receive(item(1));
    feed.archive(item(1));
    expect(state().cards[0]?.archived_at).toEqual(expect.any(String));
    expect(client.act).toHaveBeenCalledWith("item-1", "archived");
  });

  it("marks all read once the server did, keeping earlier times", async () => {
    const { client, feed, state } = setup();
    feed.receive(item(1, { seen_at: T0 }));
    feed.receive(item(2));
    client.markAll.mockResolvedValueOnce({ counts: counts(0) });
    feed.markAllRead();
    expect(client.markAll).toHaveBeenCalledWith("read", ["card"]);
    expect(state().cards.every((c) => c.read_at)).toBe(false);
    await vi.waitFor(() => expect(state().counts).toEqual(counts(0)));
    const [second, first] = state().cards;
    expect(first?.seen_at).toBe(T0);
    expect(first?.read_at).toEqual(expect.any(String));
    expect(second?.read_at).toEqual(expect.any(String));
    expect(second?.seen_at).toEqual(expect.any(String));
  });

  it("once closed, late answers, stream items and failures change and report nothing", async () => {
    const { client, feed, state, errors } = setup();
    const answer = deferred<InboxPage>();
    client.list.mockReturnValueOnce(answer.promise);
    const loading = feed.load(false);
    feed.close();
    expect(client.close).toHaveBeenCalled();
    const listener = vi.fn();
    feed.state.subscribe(listener);
    answer.resolve(page([item(1)]));
    await loading;
    feed.receive(item(2));
    feed.setCounts(counts(3));
    client.act.mockRejectedValueOnce(new Error("Cue was re-initialized."));
    await feed.act(item(2), "read");
    expect(listener).not.toHaveBeenCalled();
    expect(state().cards).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe("feed state", () => {
  it("the bell counts unread cards, or the totals from a server without by_kind", () => {
    expect(unreadCards(null)).toBe(0);
    expect(unreadCards(counts(3))).toBe(3);
    expect(unreadCards({ unread: 4, unseen: 4 })).toBe(4);
  });

  it("an archived or expired item is no longer live", () => {
    const now = Date.parse(T0);
    expect(isLive(item(1), now)).toBe(true);
    expect(isLive(item(1, { archived_at: T0 }), now)).toBe(false);
    expect(isLive(item(1, { expires_at: T0 }), now)).toBe(false);
    expect(isLive(item(1, { expires_at: "2026-01-02T00:00:00.000Z" }), now)).toBe(true);
  });
});
