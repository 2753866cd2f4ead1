// The bell, its unread badge and the inbox panel.

import { act, api } from "./api.js";
import { ago, button, el, expired, report } from "./dom.js";
import { loadFeed, setCounts } from "./feed.js";
import { content, ctaLink } from "./item-view.js";
import { cfg, st } from "./state.js";
import { BELL_SVG } from "./styles.js";

export function mountBell() {
  const host = cfg.container ? document.querySelector(cfg.container) : null;
  const root = el("div", `cue-root${host ? "" : " cue-floating"}`);
  st.bell = button("cue-bell", null, "Notifications", toggle);
  st.bell.innerHTML = BELL_SVG; // a constant
  st.bell.setAttribute("aria-haspopup", "dialog");
  st.bell.setAttribute("aria-expanded", "false");
  st.badge = el("span", "cue-badge");
  st.badge.hidden = true;
  st.badge.setAttribute("aria-hidden", "true");
  st.bell.appendChild(st.badge);
  root.appendChild(st.bell);
  (host || document.body).appendChild(root);
  st.root = root;
}

function toggle() {
  if (st.panel) close();
  else open();
}

export function open() {
  if (!st || st.panel) return;
  const panel = el("div", "cue-panel");
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", "Notifications");
  const head = el("div", "cue-head");
  head.appendChild(el("h2", null, "Notifications"));
  head.appendChild(
    button("cue-link", "Mark all as read", null, () => {
      api("POST", "/api/v1/inbox/mark-all", { action: "read", kind: ["card"] })
        .then((res) => {
          const now = new Date().toISOString();
          st.items.forEach((item) => {
            item.read_at = item.read_at || now;
            item.seen_at = item.seen_at || now;
          });
          setCounts(res.counts);
          renderList();
        })
        .catch(report);
    }),
  );
  head.appendChild(button("cue-x", "\u00d7", "Close notifications", close));
  panel.appendChild(head);
  st.list = el("ul", "cue-list");
  panel.appendChild(st.list);
  st.root.appendChild(panel);
  st.panel = panel;
  st.bell.setAttribute("aria-expanded", "true");
  renderList();
  markVisibleSeen();
  panel.querySelector("button").focus();
}

export function close() {
  if (!st) return;
  if (!st.panel) return;
  st.panel.remove();
  st.panel = st.list = null;
  st.bell.setAttribute("aria-expanded", "false");
}

export function markVisibleSeen() {
  if (!st.panel) return;
  const ids = st.items
    .filter((item) => !item.seen_at && !item.archived_at)
    .map((item) => {
      item.seen_at = new Date().toISOString();
      return item.id;
    });
  if (!ids.length) return;
  api("POST", "/api/v1/inbox/bulk", { ids: ids, action: "seen" })
    .then((res) => {
      setCounts(res.counts);
    })
    .catch(report);
}

export function renderList() {
  if (!st || !st.list) return;
  const list = st.list;
  list.textContent = "";
  const visible = st.items.filter((item) => !item.archived_at && !expired(item));
  if (!visible.length && !st.loading) {
    list.appendChild(el("li", "cue-empty", "You\u2019re all caught up."));
  }
  visible.forEach((item) => {
    list.appendChild(renderCard(item));
  });
  if (st.cursor) {
    const li = el("li");
    li.appendChild(
      button("cue-more", st.loading ? "Loading\u2026" : "Load more", null, () => {
        if (!st.loading) loadFeed(true);
      }),
    );
    list.appendChild(li);
  }
}

function renderCard(item) {
  const li = el("li", `cue-card${item.read_at ? "" : " cue-unread"}`);
  li.tabIndex = 0;
  content(li, item, "h3");
  const cta = ctaLink(item);
  if (cta) li.appendChild(cta);
  li.appendChild(el("div", "cue-time", ago(item.created_at)));
  const tools = el("div", "cue-tools");
  tools.appendChild(
    button(
      "cue-x",
      item.read_at ? "\u25cb" : "\u25cf",
      item.read_at ? "Mark as unread" : "Mark as read",
      () => {
        act(item, item.read_at ? "unread" : "read");
      },
    ),
  );
  tools.appendChild(
    button("cue-x", "\u00d7", "Archive", () => {
      item.archived_at = new Date().toISOString();
      renderList();
      act(item, "archived");
    }),
  );
  li.appendChild(tools);
  function read() {
    if (!item.read_at) act(item, "read");
  }
  li.addEventListener("click", read);
  li.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target === li) read();
  });
  return li;
}
