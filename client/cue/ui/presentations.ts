// Banners, modals and tooltips: items shown on the page itself, each once.

import type { Feed } from "../feed/feed";
import { isLive } from "../feed/feed-state";
import type { InboxItem } from "../types";
import { button, el, pathMatches, safeQuery } from "./dom";
import { content, ctaLink } from "./item-view";

export interface Presentations {
  present(item: InboxItem): void;
  /** Shows the tooltips whose path and anchor are on the page now, hides the rest. */
  place(): void;
  hasModal(): boolean;
  destroy(): void;
}

interface Tooltip {
  item: InboxItem;
  /** On the page now; null while its path or anchor is not. */
  node: HTMLElement | null;
  shown: boolean;
  dismissed: boolean;
}

export function createPresentations(feed: Pick<Feed, "act">): Presentations {
  const presented: Record<string, true> = {};
  const layers: HTMLElement[] = [];
  const modals: InboxItem[] = [];
  /** The open modal's keys (Escape, the focus trap); null while none is open. */
  let modalKeys: ((event: KeyboardEvent) => void) | null = null;
  let banners: HTMLElement | null = null;
  let tooltips: Tooltip[] = [];
  let tooltipTimer: ReturnType<typeof setTimeout> | undefined;

  // Banners go first in the page, pushing it down rather than covering its
  // header; the other layers float above it.
  function layer(className: string, first?: boolean) {
    const node = el("div", `cue-layer ${className}`);
    if (first) document.body.insertBefore(node, document.body.firstChild);
    else document.body.appendChild(node);
    layers.push(node);
    return node;
  }

  function seen(item: InboxItem) {
    if (!item.seen_at) feed.act(item, "seen");
  }

  function showBanner(item: InboxItem) {
    if (!banners) banners = layer("cue-banners", true);
    const bar = el("div", "cue-banner");
    bar.setAttribute("role", "region");
    bar.setAttribute("aria-label", item.title);
    const text = el("div", "cue-body");
    text.appendChild(el("strong", null, item.title));
    if (item.body_html) {
      const rest = el("div");
      rest.innerHTML = item.body_html; // sanitized by the server
      text.appendChild(rest);
    }
    bar.appendChild(text);
    const cta = ctaLink(item, feed, () => {
      bar.remove();
    });
    if (cta) bar.appendChild(cta);
    bar.appendChild(
      button("cue-x", "\u00d7", "Dismiss", () => {
        bar.remove();
        feed.act(item, "archived");
      }),
    );
    banners.appendChild(bar);
    seen(item);
  }

  function nextModal() {
    const next = modals.shift();
    if (!next) return;
    const item: InboxItem = next;
    const previous = document.activeElement as HTMLElement | null;
    const overlay = layer("cue-overlay");
    const box = el("div", "cue-modal");
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "true");
    const title = content(box, item, "h2");
    title.id = `cue-modal-${item.id}`;
    box.setAttribute("aria-labelledby", title.id);
    function dismiss(archive: boolean) {
      document.removeEventListener("keydown", onKey, true);
      overlay.remove();
      modalKeys = null;
      if (archive) feed.act(item, "archived");
      if (previous) previous.focus();
      nextModal();
    }
    function onKey(event: KeyboardEvent) {
      if (event.key === "Escape") {
        event.stopPropagation();
        dismiss(true);
      } else if (event.key === "Tab") {
        // Keep focus inside the dialog while it is open.
        const focusable = box.querySelectorAll<HTMLElement>("a[href],button");
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        if (event.shiftKey && document.activeElement === first) {
          last.focus();
          event.preventDefault();
        } else if (!event.shiftKey && document.activeElement === last) {
          first.focus();
          event.preventDefault();
        }
      }
    }
    const actions = el("div", "cue-actions");
    const closeButton = button("cue-link", "Close", null, () => {
      dismiss(true);
    });
    actions.appendChild(closeButton);
    const cta = ctaLink(item, feed, () => {
      dismiss(false);
    });
    if (cta) actions.appendChild(cta);
    box.appendChild(actions);
    box.appendChild(
      button("cue-x", "\u00d7", "Close", () => {
        dismiss(true);
      }),
    );
    overlay.addEventListener("click", (event) => {
      if (event.target === overlay) dismiss(true);
    });
    overlay.appendChild(box);
    document.addEventListener("keydown", onKey, true);
    modalKeys = onKey;
    (cta || closeButton).focus();
    seen(item);
  }

  // Tooltips show only on matching paths and once their anchor exists; a
  // light poll covers anchors that single-page apps render later.
  function place() {
    let waiting = false;
    const now = Date.now();
    tooltips = tooltips.filter((tip) => {
      if (tip.dismissed || !isLive(tip.item, now)) {
        if (tip.node) tip.node.remove();
        return false;
      }
      const item = tip.item;
      const target = pathMatches(item.path_pattern, location.pathname)
        ? safeQuery(item.selector)
        : null;
      if (!target) {
        if (tip.node) tip.node.remove();
        tip.node = null;
        waiting = true;
        return true;
      }
      if (!tip.node) tip.node = renderTooltip(tip);
      position(tip.node, target);
      return true;
    });
    clearTimeout(tooltipTimer);
    if (waiting) tooltipTimer = setTimeout(place, 1000);
  }

  function renderTooltip(tip: Tooltip) {
    const item = tip.item;
    const node = layer("cue-tooltip");
    node.setAttribute("role", "dialog");
    node.setAttribute("aria-label", item.title);
    content(node, item, "h3");
    const actions = el("div", "cue-actions");
    const cta = ctaLink(item, feed);
    if (cta) actions.appendChild(cta);
    actions.appendChild(
      button("cue-link", "Got it", null, () => {
        tip.dismissed = true;
        feed.act(item, "archived");
        place();
      }),
    );
    node.appendChild(actions);
    // A tooltip comes and goes with its page; it was seen the first time.
    if (!tip.shown) seen(item);
    tip.shown = true;
    return node;
  }

  return {
    present(item) {
      if (!isLive(item, Date.now()) || presented[item.id]) return;
      presented[item.id] = true;
      if (item.kind === "banner") showBanner(item);
      else if (item.kind === "modal") {
        modals.push(item);
        if (!modalKeys) nextModal();
      } else if (item.kind === "tooltip") {
        tooltips.push({ item, node: null, shown: false, dismissed: false });
        place();
      }
    },
    place,
    hasModal: () => !!modalKeys,
    destroy() {
      clearTimeout(tooltipTimer);
      if (modalKeys) document.removeEventListener("keydown", modalKeys, true);
      modalKeys = null;
      modals.length = 0;
      tooltips = [];
      for (const node of layers) node.remove();
    },
  };
}

/** Below the anchor, inside the viewport, the arrow pointing at the anchor's middle. */
function position(node: HTMLElement, target: Element) {
  const rect = target.getBoundingClientRect();
  const width = node.offsetWidth || 280;
  const left = Math.min(
    Math.max(8, rect.left + rect.width / 2 - 24),
    document.documentElement.clientWidth - width - 8,
  );
  node.style.top = `${rect.bottom + window.scrollY + 10}px`;
  node.style.left = `${left + window.scrollX}px`;
  node.style.setProperty("--cue-arrow", `${Math.max(8, rect.left + rect.width / 2 - left - 6)}px`);
}
