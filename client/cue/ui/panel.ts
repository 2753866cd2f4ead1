// The bell, its unread badge and the inbox panel: a view of the feed's state.

import type { Feed } from "../feed/feed";
import { type FeedState, isLive, unreadCards } from "../feed/feed-state";
import type { InboxItem } from "../types";
import { ago, button, el } from "./dom";
import { content, ctaLink } from "./item-view";
import { BELL_SVG } from "./styles";

export interface Panel {
  open(): void;
  close(): void;
  /** Escape closes the panel and gives the focus back to the bell. */
  onKeydown(event: KeyboardEvent): void;
  /** A click elsewhere on the page closes it. */
  onDocumentClick(event: MouseEvent): void;
  destroy(): void;
}

export function mountPanel(feed: Feed, container: string | undefined): Panel {
  const host = container ? document.querySelector(container) : null;
  const root = el("div", `cue-root${host ? "" : " cue-floating"}`);
  const bell = button("cue-bell", null, "Notifications", () => {
    if (panel) close();
    else open();
  });
  bell.innerHTML = BELL_SVG; // a constant
  bell.setAttribute("aria-haspopup", "dialog");
  bell.setAttribute("aria-expanded", "false");
  const badge = el("span", "cue-badge");
  badge.hidden = true;
  badge.setAttribute("aria-hidden", "true");
  bell.appendChild(badge);
  root.appendChild(bell);
  (host || document.body).appendChild(root);

  let panel: HTMLElement | null = null;
  let list: HTMLElement | null = null;

  const unsubscribe = feed.state.subscribe((state, previous) => {
    if (state.counts !== previous.counts) renderBadge(state);
    const listChanged =
      state.cards !== previous.cards ||
      state.cursor !== previous.cursor ||
      state.loading !== previous.loading;
    if (listChanged) renderList();
  });

  function renderBadge(state: FeedState) {
    const n = unreadCards(state.counts);
    badge.hidden = n === 0;
    badge.textContent = n > 99 ? "99+" : String(n);
    bell.setAttribute("aria-label", n ? `Notifications, ${n} unread` : "Notifications");
  }

  function open() {
    if (panel) return;
    panel = el("div", "cue-panel");
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", "Notifications");
    const head = el("div", "cue-head");
    head.appendChild(el("h2", null, "Notifications"));
    const markAll = button("cue-link", "Mark all as read", null, feed.markAllRead);
    head.appendChild(markAll);
    head.appendChild(button("cue-link", "Preferences", null, showPrefs));
    head.appendChild(button("cue-x", "\u00d7", "Close notifications", close));
    panel.appendChild(head);
    list = el("ul", "cue-list");
    panel.appendChild(list);
    root.appendChild(panel);
    bell.setAttribute("aria-expanded", "true");
    renderList();
    feed.setVisible(true);
    markAll.focus();
  }

  function close() {
    if (!panel) return;
    panel.remove();
    panel = list = null;
    bell.setAttribute("aria-expanded", "false");
    feed.setVisible(false);
  }

  // The preferences view: a checkbox per topic and channel, saved on change.
  function showPrefs() {
    const box = list;
    if (!box) return;
    box.textContent = "";
    feed.prefs().then(({ topics }) => {
      for (const t of topics) {
        const li = el("li", "cue-card", t.name);
        for (const c of ["email", "in_app"] as const) {
          const label = el("label", "cue-time", c === "email" ? " Email " : " In-app ");
          const check = el("input");
          check.type = "checkbox";
          check.checked = t.channels[c];
          check.disabled = !t.unsubscribable;
          check.onchange = () => {
            // A failed save puts the box back as it was.
            feed.prefs({ topic: t.topic, channel: c, subscribed: check.checked }).catch(() => {
              check.checked = !check.checked;
            });
          };
          label.prepend(check);
          li.appendChild(label);
        }
        box.appendChild(li);
      }
    }, renderList);
  }

  function renderList() {
    if (!list) return;
    const state = feed.state.get();
    list.textContent = "";
    const now = Date.now();
    const visible = state.cards.filter((card) => isLive(card, now));
    if (!visible.length && !state.loading) {
      list.appendChild(el("li", "cue-empty", "You\u2019re all caught up."));
    }
    for (const card of visible) list.appendChild(renderCard(card, now));
    if (state.cursor) {
      const li = el("li");
      li.appendChild(
        button("cue-more", state.loading ? "Loading\u2026" : "Load more", null, () => {
          if (!feed.state.get().loading) feed.load(true);
        }),
      );
      list.appendChild(li);
    }
  }

  function renderCard(card: InboxItem, now: number) {
    const li = el("li", `cue-card${card.read_at ? "" : " cue-unread"}`);
    li.tabIndex = 0;
    content(li, card, "h3");
    const cta = ctaLink(card, feed);
    if (cta) li.appendChild(cta);
    li.appendChild(el("div", "cue-time", ago(card.created_at, now)));
    const tools = el("div", "cue-tools");
    const read = !!card.read_at;
    tools.appendChild(
      button("cue-x", read ? "\u25cb" : "\u25cf", read ? "Mark as unread" : "Mark as read", () => {
        feed.act(card, read ? "unread" : "read");
      }),
    );
    tools.appendChild(
      button("cue-x", "\u00d7", "Archive", () => {
        feed.archive(card);
      }),
    );
    li.appendChild(tools);
    function markRead() {
      if (!read) feed.act(card, "read");
    }
    li.addEventListener("click", markRead);
    li.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && event.target === li) markRead();
    });
    return li;
  }

  return {
    open,
    close,
    onKeydown(event) {
      if (event.key === "Escape" && panel) {
        close();
        bell.focus();
      }
    },
    onDocumentClick(event) {
      if (panel && !root.contains(event.target as Node | null)) close();
    },
    destroy() {
      close();
      unsubscribe();
      root.remove();
    },
  };
}
