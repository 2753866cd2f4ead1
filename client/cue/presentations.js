// Banners, modals and tooltips.

import { act } from "./api.js";
import { button, el, expired, pathMatches } from "./dom.js";
import { content, ctaLink } from "./item-view.js";
import { st } from "./state.js";

// Banners go first in the page, pushing it down rather than covering its
// header; the other layers float above it.
export function layer(className, first) {
  const node = el("div", `cue-layer ${className}`);
  if (first) document.body.insertBefore(node, document.body.firstChild);
  else document.body.appendChild(node);
  st.layers.push(node);
  return node;
}

export function present(item) {
  if (item.archived_at || expired(item) || st.presented[item.id]) return;
  st.presented[item.id] = true;
  if (item.kind === "banner") showBanner(item);
  else if (item.kind === "modal") {
    st.modals.push(item);
    if (!st.modal) nextModal();
  } else if (item.kind === "tooltip") {
    st.tooltips.push({ item: item, node: null });
    placeTooltips();
  }
}

export function seen(item) {
  if (!item.seen_at) {
    item.seen_at = new Date().toISOString();
    act(item, "seen");
  }
}

function showBanner(item) {
  if (!st.banners) st.banners = layer("cue-banners", true);
  const bar = el("div", "cue-banner");
  bar.setAttribute("role", "region");
  bar.setAttribute("aria-label", item.title);
  const text = el("div", "cue-body");
  const strong = el("strong", null, item.title);
  text.appendChild(strong);
  if (item.body_html) {
    const rest = el("div");
    rest.innerHTML = item.body_html; // sanitized by the server
    text.appendChild(rest);
  }
  bar.appendChild(text);
  const cta = ctaLink(item, () => {
    bar.remove();
  });
  if (cta) bar.appendChild(cta);
  bar.appendChild(
    button("cue-x", "\u00d7", "Dismiss", () => {
      bar.remove();
      act(item, "archived");
    }),
  );
  st.banners.appendChild(bar);
  seen(item);
}

function nextModal() {
  const item = st.modals.shift();
  if (!item) return;
  const previous = document.activeElement;
  const overlay = layer("cue-overlay");
  const box = el("div", "cue-modal");
  box.setAttribute("role", "dialog");
  box.setAttribute("aria-modal", "true");
  const title = content(box, item, "h2");
  title.id = `cue-modal-${item.id}`;
  box.setAttribute("aria-labelledby", title.id);
  function dismiss(archive) {
    document.removeEventListener("keydown", onKey, true);
    overlay.remove();
    st.modal = null;
    if (archive) act(item, "archived");
    if (previous) previous.focus();
    nextModal();
  }
  function onKey(event) {
    if (event.key === "Escape") {
      event.stopPropagation();
      dismiss(true);
    } else if (event.key === "Tab") {
      // Keep focus inside the dialog while it is open.
      const focusable = box.querySelectorAll("a[href],button");
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
  actions.appendChild(
    button("cue-link", "Close", null, () => {
      dismiss(true);
    }),
  );
  const cta = ctaLink(item, () => {
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
  st.modal = item;
  (cta || actions.firstChild).focus();
  seen(item);
}

// Tooltips show only on matching paths and once their anchor exists; a
// light poll covers anchors that single-page apps render later.
export function placeTooltips() {
  if (!st) return;
  let waiting = false;
  st.tooltips = st.tooltips.filter((tip) => {
    if (tip.item.archived_at || expired(tip.item)) {
      if (tip.node) tip.node.remove();
      return false;
    }
    const target = pathMatches(tip.item.path_pattern) ? safeQuery(tip.item.selector) : null;
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
  window.clearTimeout(st.tooltipTimer);
  if (waiting) st.tooltipTimer = window.setTimeout(placeTooltips, 1000);
}

function safeQuery(selector) {
  try {
    return selector ? document.querySelector(selector) : null;
  } catch (_e) {
    return null; // an invalid selector never breaks the host page
  }
}

function renderTooltip(tip) {
  const item = tip.item;
  const node = layer("cue-tooltip");
  node.setAttribute("role", "dialog");
  node.setAttribute("aria-label", item.title);
  content(node, item, "h3");
  const actions = el("div", "cue-actions");
  const cta = ctaLink(item);
  if (cta) actions.appendChild(cta);
  actions.appendChild(
    button("cue-link", "Got it", null, () => {
      item.archived_at = new Date().toISOString();
      act(item, "archived");
      placeTooltips();
    }),
  );
  node.appendChild(actions);
  seen(item);
  return node;
}

export function position(node, target) {
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
